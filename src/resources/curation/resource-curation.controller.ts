import { Body, Controller, Delete, Get, Headers, HttpCode, Patch, Post, Query, Res } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';

import { stack } from '../../common/decorator-stack.js';
import { withEtag } from '../../common/http/conditional-response.js';
import { IfMatchRequired, type IfMatchWording, versionEtagHeader } from '../../common/http/if-match.decorator.js';
import { ACCEPTS_MERGE_PATCH } from '../../common/http/json-body.js';
import { NoStore } from '../../common/http/no-store.js';
import { UuidParam } from '../../common/http/request-params.js';
import { ProblemDetailsDto } from '../../common/problem/problem.dto.js';
import { RequireScopes } from '../../partners/access.decorator.js';
import { CurrentPrincipal } from '../../partners/current-principal.decorator.js';
import type { Principal } from '../../partners/principal.js';
import { ResourceResponse } from '../dto/resource.response.js';
import { CreateResourceRequest, UpdateResourceRequest, VerifyResourceRequest } from './dto/resource.request.js';
import { DEFAULT_AUDIT_LIMIT, ResourceAuditListResponse, ResourceAuditQuery } from './dto/resource-audit.response.js';
import { ResourceCurationService } from './resource-curation.service.js';

const ETAG_HEADER = versionEtagHeader('resource', '"v3"');
const IF_MATCH: IfMatchWording = {
  header:
    'The ETag of the resource as last read (GET /v1/resources/{id}), compared strongly: a weak tag (W/"v3") does not match. Missing: 428; no longer current or weak: 412.',
  example: '"v3"',
  failed: 'The resource changed since that ETag (problem+json, code precondition_failed).',
  required: 'If-Match missing (problem+json, code precondition_required).',
};

/** A write to an existing resource: the If-Match it needs, and the answers for a missing resource or version. */
function ExistingResourceWrite() {
  return stack(IfMatchRequired(IF_MATCH), ApiNotFoundResponse({ type: ProblemDetailsDto }));
}

/**
 * Writes to the directory, for keys with resources:write. Every write is audited, and
 * every write to an existing resource needs If-Match (optimistic concurrency).
 */
@ApiTags('curation')
@Controller('resources')
export class ResourceCurationController {
  constructor(private readonly curation: ResourceCurationService) {}

  @Post()
  @RequireScopes('resources:write')
  @ApiOperation({
    operationId: 'createResource',
    summary: 'Add a resource to the directory',
    description: 'The body has the shape of a curated seed record (seeds/data). searchKeywords are computed.',
  })
  @ApiCreatedResponse({
    type: ResourceResponse,
    headers: { ...ETAG_HEADER, Location: { description: 'URL of the new resource.', schema: { type: 'string' } } },
  })
  @ApiBadRequestResponse({ type: ProblemDetailsDto, description: 'Invalid fields (problem+json naming each).' })
  @ApiConflictResponse({ type: ProblemDetailsDto, description: 'The slug is taken (code slug_taken).' })
  async createResource(
    @Body() body: CreateResourceRequest,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ResourceResponse> {
    const created = await this.curation.createResource(body, principal);
    void reply.header('location', `/v1/resources/${created.resource.id}`);
    return withEtag(reply, created);
  }

  @Patch(':id')
  @RouteConfig(ACCEPTS_MERGE_PATCH)
  @RequireScopes('resources:write')
  @ApiOperation({
    operationId: 'updateResource',
    summary: 'Change some fields of a resource (JSON merge patch)',
    description:
      'Only the given fields change; organization and cost merge field by field; arrays replace; null removes an optional field. `status: "active"` restores a deleted resource.',
  })
  @ApiConsumes('application/json', 'application/merge-patch+json')
  @ApiOkResponse({ type: ResourceResponse, headers: ETAG_HEADER })
  @ApiBadRequestResponse({ type: ProblemDetailsDto, description: 'Invalid fields, in the patch or in the merged record.' })
  @ApiConflictResponse({ type: ProblemDetailsDto, description: 'The new slug is taken (code slug_taken).' })
  @ExistingResourceWrite()
  async updateResource(
    @UuidParam('id') id: string,
    @Body() body: UpdateResourceRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ResourceResponse> {
    return withEtag(reply, await this.curation.updateResource(id, body, ifMatch, principal));
  }

  @Delete(':id')
  @HttpCode(204)
  @RequireScopes('resources:write')
  @ApiOperation({
    operationId: 'deleteResource',
    summary: 'Take a resource out of the directory (soft delete)',
    description: 'Sets status to inactive: it leaves every search; GET by id still shows it.',
  })
  @ApiNoContentResponse({ description: 'Deleted (or already inactive).', headers: ETAG_HEADER })
  @ExistingResourceWrite()
  async deleteResource(
    @UuidParam('id') id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    withEtag(reply, await this.curation.deleteResource(id, ifMatch, principal));
  }

  @Post(':id/verify')
  @HttpCode(200)
  @RequireScopes('resources:write')
  @ApiOperation({
    operationId: 'verifyResource',
    summary: 'Record that the facts of a resource were checked now',
    description: 'Sets lastVerifiedAt to now, and sourceUrl when given.',
  })
  @ApiOkResponse({ type: ResourceResponse, headers: ETAG_HEADER })
  @ApiBadRequestResponse({ type: ProblemDetailsDto, description: 'Invalid sourceUrl.' })
  @ExistingResourceWrite()
  async verifyResource(
    @UuidParam('id') id: string,
    @Body() body: VerifyResourceRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ResourceResponse> {
    return withEtag(reply, await this.curation.verifyResource(id, body, ifMatch, principal));
  }

  @Get(':id/audit')
  @RequireScopes('resources:write')
  @NoStore() // partner and key ids: for the curator, never for a cache
  @ApiOperation({ operationId: 'listResourceAudit', summary: 'Who changed a resource, when, and how (newest first)' })
  @ApiOkResponse({ type: ResourceAuditListResponse })
  @ApiBadRequestResponse({ type: ProblemDetailsDto, description: 'Invalid limit.' })
  @ApiNotFoundResponse({ type: ProblemDetailsDto })
  async listResourceAudit(@UuidParam('id') id: string, @Query() query: ResourceAuditQuery): Promise<ResourceAuditListResponse> {
    return { data: await this.curation.listAudit(id, query.limit ?? DEFAULT_AUDIT_LIMIT) };
  }
}
