import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import type { RequestLocale } from '../common/i18n/locale.js';
import { Localized, RequestLocaleOf } from '../common/i18n/localized.js';
import { ProblemDetailsDto } from '../common/problem/problem.dto.js';
import { PublicAccess } from '../partners/access.decorator.js';
import { SafetyLinesQuery, SafetyLinesResponse } from './dto/safety-lines.query.js';
import { IntakeService } from './intake.service.js';

/** The crisis and safety lines for a place, chosen by the same rules as an intake's safety.resources. */
@ApiTags('intake')
@PublicAccess('directory:read')
@Controller('safety-lines')
export class SafetyLinesController {
  constructor(private readonly intakes: IntakeService) {}

  @Get()
  @Header('cache-control', 'public, max-age=300')
  @ApiOperation({
    operationId: 'listSafetyLines',
    summary: 'Crisis and safety lines for where a person is',
    description:
      'Verified, non-demo lines serving the country (and region): always a crisis line and a domestic-violence line where Mend lists them, ' +
      'the requested roles first, the line most specific to the person first. Stores nothing: use it to show help before an intake is sent.',
  })
  @Localized()
  @ApiOkResponse({ type: SafetyLinesResponse })
  @ApiBadRequestResponse({ type: ProblemDetailsDto, description: 'Invalid parameter (problem+json naming it).' })
  listSafetyLines(@Query() query: SafetyLinesQuery, @RequestLocaleOf() locale: RequestLocale): SafetyLinesResponse {
    return this.intakes.safetyLines(query, locale);
  }
}
