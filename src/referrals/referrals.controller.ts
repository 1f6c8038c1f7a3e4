import { Body, Controller, Delete, Get, Headers, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query, Res } from '@nestjs/common';
import {
  ApiCreatedResponse, ApiHeader, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse,
  ApiOperation, ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { NoStore } from '../common/http/no-store.js';
import { ProblemDetailsDto } from '../common/problem/problem.dto.js';
import { parseIdempotencyKey } from '../idempotency/idempotency.service.js';
import { RequireScopes, RequireSecretScopes } from '../partners/access.decorator.js';
import { CurrentPrincipal } from '../partners/current-principal.decorator.js';
import type { Principal } from '../partners/principal.js';
import { CreateReferralRequest, ListReferralsQuery, ReferralListResponse, ReferralResponse, UpdateReferralRequest } from './dto/referral.dto.js';
import { ReferralsService } from './referrals.service.js';
import { ApiProblem } from '../common/problem/api-problem.decorator.js';

const referralId = new ParseUUIDPipe({ errorHttpStatusCode: 404 });

@ApiTags('referrals')
@NoStore()
@Controller('referrals')
export class ReferralsController {
  constructor(private readonly referrals: ReferralsService) {}

  @Post()
  @RequireScopes('referrals:write')
  @ApiOperation({ operationId: 'createReferral', summary: 'Refer a couple (by intake) to a resource' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Retries with the same key and body return the first response (24 h).' })
  @ApiCreatedResponse({ type: ReferralResponse })
  @ApiProblem(422, 'Unknown intake (intake_not_found) or resource (resource_not_found); a resource that is not a safe referral for this intake (referral_unsafe, with reason); or an Idempotency-Key reused with another body (idempotency_key_reused).')
  @ApiProblem(409, 'A request with this Idempotency-Key is still running (idempotency_in_progress; see Retry-After) or failed and should be retried (idempotency_retry).', { 'Retry-After': { description: 'Seconds to wait before retrying.', schema: { type: 'integer', minimum: 0 } } })
  async createReferral(
    @CurrentPrincipal() principal: Principal,
    @Body() body: CreateReferralRequest,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ReferralResponse> {
    const result = await this.referrals.createReferral(principal, body, parseIdempotencyKey(idempotencyKey));
    void reply.status(result.status).header('location', `/v1/referrals/${result.body.id}`);
    if (result.replayed) void reply.header('idempotent-replayed', 'true');
    return result.body;
  }

  @Get()
  @RequireSecretScopes('referrals:read')
  @ApiOperation({ operationId: 'listReferrals', summary: "The partner's own referrals, newest first (keyset-paginated)" })
  @ApiOkResponse({ type: ReferralListResponse })
  listReferrals(@CurrentPrincipal() principal: Principal, @Query() query: ListReferralsQuery): Promise<ReferralListResponse> {
    return this.referrals.listReferrals(principal, query);
  }

  @Get(':referralId')
  @RequireSecretScopes('referrals:read')
  @ApiOperation({ operationId: 'getReferral', summary: 'One referral with its status history' })
  @ApiOkResponse({ type: ReferralResponse })
  @ApiNotFoundResponse({ type: ProblemDetailsDto })
  getReferral(@CurrentPrincipal() principal: Principal, @Param('referralId', referralId) id: string): Promise<ReferralResponse> {
    return this.referrals.getReferral(principal, id);
  }

  @Patch(':referralId')
  @RequireSecretScopes('referrals:write')
  @ApiOperation({ operationId: 'updateReferral', summary: 'Move a referral to a new status (HL7 Gravity Task lifecycle), with a reason code and an outcome when it ends' })
  @ApiOkResponse({ type: ReferralResponse })
  @ApiProblem(409, 'Not a valid transition from the current status (invalid_transition, with currentStatus and allowedTransitions).')
  @ApiNotFoundResponse({ type: ProblemDetailsDto })
  updateReferral(@CurrentPrincipal() principal: Principal, @Param('referralId', referralId) id: string, @Body() body: UpdateReferralRequest): Promise<ReferralResponse> {
    return this.referrals.updateReferral(principal, id, body);
  }

  @Delete(':referralId')
  @HttpCode(204)
  @RequireSecretScopes('referrals:write')
  @ApiOperation({ operationId: 'deleteReferral', summary: 'Delete a referral and its history (the partner\'s right to erase its data)' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ProblemDetailsDto })
  async deleteReferral(@CurrentPrincipal() principal: Principal, @Param('referralId', referralId) id: string): Promise<void> {
    await this.referrals.deleteReferral(principal, id);
  }
}
