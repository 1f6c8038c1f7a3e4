import { Body, Controller, Delete, Headers, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { NoStore } from '../common/http/no-store.js';
import { parseIdempotencyKey } from '../idempotency/idempotency.service.js';
import { RequireScopes, RequireSecretScopes } from '../partners/access.decorator.js';
import { CurrentPrincipal } from '../partners/current-principal.decorator.js';
import type { Principal } from '../partners/principal.js';
import { ApiBadRequestResponse, ApiHeader, ApiBody, ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ProblemDetailsDto } from '../common/problem/problem.dto.js';
import { CreateIntakeRequest } from './dto/create-intake.request.js';
import { INTAKE_RESPONSE_EXAMPLES } from './dto/intake.examples.js';
import { IntakeResponse } from './dto/intake.response.js';
import { IntakeService } from './intake.service.js';
import { ApiProblem } from '../common/problem/api-problem.decorator.js';

@ApiTags('intake')
@NoStore()
@Controller('intakes')
export class IntakeController {
  constructor(private readonly intakes: IntakeService) {}

  @Post()
  @HttpCode(201)
  @RequireScopes('intakes:write')
  @ApiOperation({
    operationId: 'submitIntake',
    summary: "Match a couple's situation to the right kind of help and ranked resources",
    description: 'Safety first: with violence, fear or coercive control, couples counseling is not recommended and domestic-violence lines lead the response.',
  })
  @ApiBody({
    type: CreateIntakeRequest,
    examples: {
      affairRecovery: {
        summary: 'Affair recovery, both willing, budget $150, Columbus OH',
        value: { concerns: ['infidelity'], willingness: 'both', relationship: 'married', postalCode: '43215', formats: ['in_person', 'video'], budgetPerSession: 150 },
      },
      safetyFirst: {
        summary: 'One partner is afraid',
        value: { concerns: ['jealousy_control'], willingness: 'both', safety: { feelsAfraid: true }, region: 'US-TX' },
      },
      mixedAgenda: {
        summary: 'One partner unsure, online, Spanish',
        value: { concerns: ['lying', 'financial_secrecy'], willingness: 'one_leaning_out', region: 'US-CA', formats: ['video'], languages: ['es'], budgetPerSession: 80, insurance: 'none' },
      },
    },
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Retries with the same key and body return the first response (24 h).' })
  @ApiCreatedResponse({ type: IntakeResponse, examples: INTAKE_RESPONSE_EXAMPLES })
  @ApiBadRequestResponse({ type: ProblemDetailsDto, description: 'Invalid or unknown field (problem+json naming each field).' })
  @ApiProblem(409, 'A request with this Idempotency-Key is still running (idempotency_in_progress; see Retry-After) or failed and should be retried (idempotency_retry).', { 'Retry-After': { description: 'Seconds to wait before retrying.', schema: { type: 'integer', minimum: 0 } } })
  @ApiProblem(422, 'This Idempotency-Key was used with a different body (idempotency_key_reused).')
  async submitIntake(
    @Body() body: CreateIntakeRequest,
    @CurrentPrincipal() principal: Principal,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<IntakeResponse> {
    const result = await this.intakes.submitIntake(body, principal, parseIdempotencyKey(idempotencyKey));
    if (result.replayed) void reply.header('idempotent-replayed', 'true');
    return result.body;
  }

  @Delete(':intakeId')
  @HttpCode(204)
  @RequireSecretScopes('intakes:write')
  @ApiOperation({ operationId: 'deleteIntake', summary: "Erase one of the partner's intakes before its retention ends; its referrals keep only ids and history" })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ProblemDetailsDto, description: "No intake of yours has this id (another partner's looks the same)." })
  async deleteIntake(@CurrentPrincipal() principal: Principal, @Param('intakeId', new ParseUUIDPipe({ errorHttpStatusCode: 404 })) id: string): Promise<void> {
    await this.intakes.deleteIntake(principal.partnerId, id);
  }
}
