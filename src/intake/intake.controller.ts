import { Body, Controller, Delete, HttpCode, Post, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';

import { IdempotencyKey, Idempotent, type IdempotentResult } from '../common/http/idempotency.js';
import { NoStore } from '../common/http/no-store.js';
import { UuidParam } from '../common/http/request-params.js';
import type { RequestLocale } from '../common/i18n/locale.js';
import { LangQuery, Localized, RequestLocaleOf } from '../common/i18n/localized.js';
import { ApiProblem } from '../common/problem/api-problem.decorator.js';
import { ProblemDetailsDto } from '../common/problem/problem.dto.js';
import { RequireScopes, RequireSecretScopes } from '../partners/access.decorator.js';
import { CurrentPrincipal } from '../partners/current-principal.decorator.js';
import type { Principal } from '../partners/principal.js';
import { CreateIntakeRequest } from './dto/create-intake.request.js';
import { INTAKE_RESPONSE_EXAMPLES } from './dto/intake.examples.js';
import { IntakeResponse } from './dto/intake.response.js';
import { IntakeService } from './intake.service.js';

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
    description:
      'Safety first: with violence, fear or coercive control, couples counseling is not recommended and domestic-violence lines lead the response.',
  })
  @ApiBody({
    type: CreateIntakeRequest,
    examples: {
      affairRecovery: {
        summary: 'Affair recovery, both willing, budget $150, Columbus OH',
        value: {
          concerns: ['infidelity'],
          willingness: 'both',
          relationship: 'married',
          postalCode: '43215',
          formats: ['in_person', 'video'],
          budgetPerSession: 150,
        },
      },
      safetyFirst: {
        summary: 'One partner is afraid',
        value: { concerns: ['jealousy_control'], willingness: 'both', safety: { feelsAfraid: true }, region: 'US-TX' },
      },
      mixedAgenda: {
        summary: 'One partner unsure, online, Spanish',
        value: {
          concerns: ['lying', 'financial_secrecy'],
          willingness: 'one_leaning_out',
          region: 'US-CA',
          formats: ['video'],
          languages: ['es'],
          budgetPerSession: 80,
          insurance: 'none',
        },
      },
    },
  })
  @Idempotent()
  @Localized()
  @ApiCreatedResponse({ type: IntakeResponse, examples: INTAKE_RESPONSE_EXAMPLES })
  @ApiBadRequestResponse({ type: ProblemDetailsDto, description: 'Invalid or unknown field (problem+json naming each field).' })
  @ApiProblem(422, 'This Idempotency-Key was used with a different body (idempotency_key_reused).')
  async submitIntake(
    @Body() body: CreateIntakeRequest,
    @Query() _query: LangQuery,
    @CurrentPrincipal() principal: Principal,
    @IdempotencyKey() idempotencyKey: string | undefined,
    @RequestLocaleOf() locale: RequestLocale,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<IdempotentResult<IntakeResponse>> {
    const result = await this.intakes.submitIntake(body, principal, idempotencyKey, locale);
    // A replay is in the language of the first response, whatever this request asked for.
    void reply.header('content-language', result.body.lang ?? 'en');
    return result;
  }

  @Delete(':intakeId')
  @HttpCode(204)
  @RequireSecretScopes('intakes:write')
  @ApiOperation({
    operationId: 'deleteIntake',
    summary: "Erase one of the partner's intakes before its retention ends; its referrals keep only ids and history",
  })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ProblemDetailsDto, description: "No intake of yours has this id (another partner's looks the same)." })
  async deleteIntake(@CurrentPrincipal() principal: Principal, @UuidParam('intakeId') id: string): Promise<void> {
    await this.intakes.deleteIntake(principal.partnerId, id);
  }
}
