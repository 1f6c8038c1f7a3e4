import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { IdempotencyKey, Idempotent, type IdempotentResult } from '../common/http/idempotency.js';
import { NoStore } from '../common/http/no-store.js';
import { UuidParam } from '../common/http/request-params.js';
import { ApiProblem } from '../common/problem/api-problem.decorator.js';
import { ProblemDetailsDto } from '../common/problem/problem.dto.js';
import { RequireScopes, RequireSecretScopes } from '../partners/access.decorator.js';
import { CurrentPrincipal } from '../partners/current-principal.decorator.js';
import type { Principal } from '../partners/principal.js';
import {
  CreateReferralRequest,
  ListReferralsQuery,
  ReferralListResponse,
  ReferralResponse,
  UpdateReferralRequest,
} from './dto/referral.dto.js';
import { ApiInvalidTransition } from './referrals.errors.js';
import { ReferralsService } from './referrals.service.js';

@ApiTags('referrals')
@NoStore()
@Controller('referrals')
export class ReferralsController {
  constructor(private readonly referrals: ReferralsService) {}

  @Post()
  @RequireScopes('referrals:write')
  @ApiOperation({ operationId: 'createReferral', summary: 'Refer a couple (by intake) to a resource' })
  @Idempotent<ReferralResponse>({ location: (referral) => `/v1/referrals/${referral.id}` })
  @ApiCreatedResponse({ type: ReferralResponse })
  @ApiProblem(
    422,
    'Unknown intake (intake_not_found) or resource (resource_not_found); a resource that is not a safe referral for this intake (referral_unsafe, with reason); or an Idempotency-Key reused with another body (idempotency_key_reused).',
  )
  createReferral(
    @CurrentPrincipal() principal: Principal,
    @Body() body: CreateReferralRequest,
    @IdempotencyKey() idempotencyKey: string | undefined,
  ): Promise<IdempotentResult<ReferralResponse>> {
    return this.referrals.createReferral(principal, body, idempotencyKey);
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
  getReferral(@CurrentPrincipal() principal: Principal, @UuidParam('referralId') id: string): Promise<ReferralResponse> {
    return this.referrals.getReferral(principal, id);
  }

  @Patch(':referralId')
  @RequireSecretScopes('referrals:write')
  @ApiOperation({
    operationId: 'updateReferral',
    summary: 'Move a referral to a new status (HL7 Gravity Task lifecycle), with a reason code and an outcome when it ends',
  })
  @ApiOkResponse({ type: ReferralResponse })
  @ApiInvalidTransition()
  @ApiNotFoundResponse({ type: ProblemDetailsDto })
  updateReferral(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('referralId') id: string,
    @Body() body: UpdateReferralRequest,
  ): Promise<ReferralResponse> {
    return this.referrals.updateReferral(principal, id, body);
  }

  @Delete(':referralId')
  @HttpCode(204)
  @RequireSecretScopes('referrals:write')
  @ApiOperation({ operationId: 'deleteReferral', summary: "Delete a referral and its history (the partner's right to erase its data)" })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ProblemDetailsDto })
  async deleteReferral(@CurrentPrincipal() principal: Principal, @UuidParam('referralId') id: string): Promise<void> {
    await this.referrals.deleteReferral(principal, id);
  }
}
