import { Body, Controller, Get, Headers, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiBody, ApiHeader, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';

import { NoStore } from '../common/http/no-store.js';
import { UuidParam } from '../common/http/request-params.js';
import { ApiProblem } from '../common/problem/api-problem.decorator.js';
import { ProblemDetailsDto } from '../common/problem/problem.dto.js';
import { RequireScopes } from '../partners/access.decorator.js';
import { CurrentPrincipal } from '../partners/current-principal.decorator.js';
import type { Principal } from '../partners/principal.js';
import { CurationStatsService } from './curation-stats.service.js';
import { CurationStatsResponse } from './dto/curation-stats.dto.js';
import {
  DismissReportRequest,
  ListReportsQuery,
  ReportListResponse,
  ReportResponse,
  ResolveReportRequest,
  ResolveReportResponse,
} from './dto/report.dto.js';
import { CURATION_STATS_EXAMPLES, REPORT_LIST_EXAMPLES } from './dto/report.examples.js';
import { ReportsService } from './reports.service.js';

/** Curators' side of reports from the field, and the numbers that tell them where to look. */
@ApiTags('curation')
@NoStore() // notes and partner ids: for the curator, never for a cache
@Controller('curation')
export class CurationReportsController {
  constructor(
    private readonly reports: ReportsService,
    private readonly stats: CurationStatsService,
  ) {}

  @Get('reports')
  @RequireScopes('resources:write')
  @ApiOperation({ operationId: 'listReports', summary: 'Reports from the field, newest first (keyset-paginated)' })
  @ApiOkResponse({ type: ReportListResponse, examples: REPORT_LIST_EXAMPLES })
  @ApiProblem(400, 'Invalid filter, limit or cursor (problem+json naming it).')
  listReports(@Query() query: ListReportsQuery): Promise<ReportListResponse> {
    return this.reports.listReports(query);
  }

  @Post('reports/:reportId/resolve')
  @HttpCode(200)
  @RequireScopes('resources:write')
  @ApiOperation({
    operationId: 'resolveReport',
    summary: 'Resolve a report, optionally re-verifying and/or updating the listing in the same step',
    description:
      'reverify: true records that the listing was confirmed now (verifiedBy report_review). listing is a JSON merge patch of the listing, ' +
      'applied like PATCH /v1/resources/{id} (validated, audited, If-Match with the listing ETag required). Closing a report of phone_not_working ' +
      'or closed lifts the safety-line suspension such reports caused: a curator has reviewed the line.',
  })
  @ApiHeader({
    name: 'If-Match',
    required: false,
    description:
      "The listing's ETag as last read (GET /v1/resources/{id}); required when listing is given (428 without it, 412 when stale).",
    example: '"v3"',
  })
  @ApiBody({
    type: ResolveReportRequest,
    examples: {
      reverified: { summary: 'Checked: the listing is right as it is', value: { reverify: true } },
      updated: {
        summary: 'No longer taking new clients: update and re-verify',
        value: { reverify: true, listing: { acceptingNewClients: false, waitTimeDays: 60 } },
      },
    },
  })
  @ApiOkResponse({
    type: ResolveReportResponse,
    headers: {
      ETag: {
        description: 'The listing version after the change, when the resolve changed or re-verified it.',
        schema: { type: 'string' },
      },
    },
  })
  @ApiNotFoundResponse({ type: ProblemDetailsDto, description: 'No such report.' })
  @ApiProblem(400, 'Invalid fields in the body or the listing patch (problem+json naming each).')
  @ApiProblem(409, 'The report is already resolved or dismissed (report_closed), or the new slug is taken (slug_taken).')
  @ApiProblem(412, 'The listing changed since the ETag in If-Match was read (precondition_failed).')
  @ApiProblem(428, 'listing given without If-Match (precondition_required).')
  async resolveReport(
    @UuidParam('reportId') id: string,
    @Body() body: ResolveReportRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ResolveReportResponse> {
    const { report, listing } = await this.reports.resolveReport(id, body, ifMatch, principal);
    if (listing) void reply.header('etag', listing.etag);
    return { report, resource: listing?.resource ?? null };
  }

  @Post('reports/:reportId/dismiss')
  @HttpCode(200)
  @RequireScopes('resources:write')
  @ApiOperation({ operationId: 'dismissReport', summary: 'Dismiss a report, with a reason code' })
  @ApiBody({
    type: DismissReportRequest,
    examples: { checked: { summary: 'The listing was checked and is right', value: { reason: 'listing_correct' } } },
  })
  @ApiOkResponse({ type: ReportResponse })
  @ApiNotFoundResponse({ type: ProblemDetailsDto, description: 'No such report.' })
  @ApiProblem(400, 'Invalid reason (problem+json).')
  @ApiProblem(409, 'The report is already resolved or dismissed (report_closed).')
  dismissReport(
    @UuidParam('reportId') id: string,
    @Body() body: DismissReportRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ReportResponse> {
    return this.reports.dismissReport(id, body, principal);
  }

  @Get('stats')
  @RequireScopes('resources:write')
  @ApiOperation({
    operationId: 'getCurationStats',
    summary: 'How fresh the directory is, and where reports stand',
    description:
      'Active real listings by verification status and kind (demo listings have nothing to verify), open reports by reason and age, ' +
      'the median time from report to resolution or dismissal over the last 90 days, and the safety lines due, stale or suspended.',
  })
  @ApiOkResponse({ type: CurationStatsResponse, examples: CURATION_STATS_EXAMPLES })
  getCurationStats(): Promise<CurationStatsResponse> {
    return this.stats.stats();
  }
}
