import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiNotFoundResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';

import { NoStore } from '../common/http/no-store.js';
import { ApiProblem } from '../common/problem/api-problem.decorator.js';
import { ProblemDetailsDto } from '../common/problem/problem.dto.js';
import { PublicReportAccess } from '../partners/access.decorator.js';
import { CurrentPrincipal } from '../partners/current-principal.decorator.js';
import type { Principal } from '../partners/principal.js';
import { CreateReportRequest, ReportReceiptResponse } from './dto/report.dto.js';
import { REPORT_RECEIPT_EXAMPLES } from './dto/report.examples.js';
import { ReportErrors } from './reports.errors.js';
import { ReportsService } from './reports.service.js';

const ID_OR_SLUG = /^[A-Za-z0-9-]{1,120}$/;

/** Reports from the field: anyone who finds a listing wrong can say so, in a few words and without personal data. */
@ApiTags('reports')
@NoStore()
@Controller('resources')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Post(':id/reports')
  @HttpCode(201)
  @PublicReportAccess('directory:read')
  @ApiOperation({
    operationId: 'reportResource',
    summary: 'Report a problem with a listing',
    description:
      'Open to visitors without a key (and with a publishable key) under a strict per-IP limit (RATE_LIMIT_REPORTS_PER_IP_PER_HOUR, default 5 an hour; an IPv6 client counts by its /64), ' +
      'and to partners with any key holding directory:read (secret keys: RATE_LIMIT_REPORTS_PER_PARTNER_PER_HOUR per partner, default 60; the partner is recorded for attribution; a visitor is told apart only by a keyed hash of its network, an IPv4 /24 or IPv6 /48, erased after the suspension window, never the address). ' +
      'The optional note is refused when it looks like contact details or a name (422 report_note_personal_data). ' +
      'Reports of phone_not_working or closed from several people (several networks) within a window suspend a safety line from every safety list until a curator reviews them. ' +
      'Curators are told through the resource.report_created webhook event.',
  })
  @ApiParam({
    name: 'id',
    description: "The resource's UUID, or its slug.",
    example: 'national-domestic-violence-hotline',
    schema: { type: 'string', pattern: '^[A-Za-z0-9-]{1,120}$' },
  })
  @ApiBody({
    type: CreateReportRequest,
    examples: {
      phoneNotWorking: {
        summary: 'The number does not connect',
        value: { reason: 'phone_not_working', note: 'Rings out every time, three days in a row.' },
      },
      notAccepting: { summary: 'Not taking new clients (reason only, as the widget sends it)', value: { reason: 'not_accepting_clients' } },
    },
  })
  @ApiCreatedResponse({ type: ReportReceiptResponse, description: 'Received, open for a curator.', examples: REPORT_RECEIPT_EXAMPLES })
  @ApiNotFoundResponse({ type: ProblemDetailsDto, description: 'No such resource (problem+json).' })
  @ApiProblem(400, 'Invalid reason or note (problem+json naming the field).')
  @ApiProblem(
    422,
    'The note looks like contact details or a name (code report_note_personal_data; errors[0].code: email, phone_number, personal_url, street_address or name). Nothing was stored.',
  )
  createReport(
    @Param('id') idOrSlug: string,
    @Body() body: CreateReportRequest,
    @CurrentPrincipal() principal: Principal | undefined,
    @Req() request: FastifyRequest,
  ): Promise<ReportReceiptResponse> {
    if (!ID_OR_SLUG.test(idOrSlug)) throw ReportErrors.resourceNotFound();
    return this.reports.createReport(idOrSlug, body, { principal, ip: request.ip });
  }
}
