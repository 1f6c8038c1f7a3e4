import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiExtraModels,
  ApiNotFoundResponse,
  ApiNotModifiedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';

import { sendJsonWithBodyEtag, sendWithEtag } from '../common/http/conditional-response.js';
import type { RequestLocale } from '../common/i18n/locale.js';
import { LangQuery, Localized, RequestLocaleOf } from '../common/i18n/localized.js';
import { ProblemDetailsDto } from '../common/problem/problem.dto.js';
import { PublicAccess } from '../partners/access.decorator.js';
import { FacetValue, ResourceListResponse, ResourceResponse } from './dto/resource.response.js';
import { SearchResourcesQuery } from './dto/search-resources.query.js';
import { resourceListJson } from './resource-list.json.js';
import { ResourceErrors } from './resources.errors.js';
import { ResourcesService } from './resources.service.js';

const ID_OR_SLUG = /^[A-Za-z0-9-]{1,120}$/;

@ApiTags('directory')
@ApiExtraModels(FacetValue)
@PublicAccess('directory:read')
// Provider texts in the locale where written for it (descriptionLang … say which); the locale also speaks for problems.
@Localized()
@Controller('resources')
export class ResourcesController {
  constructor(private readonly resources: ResourcesService) {}

  @Get()
  @ApiOperation({
    operationId: 'searchResources',
    summary: 'Search the directory',
    description:
      'Filters combine with AND; values of one multi-value filter combine with OR. Keyset-paginated: follow page.nextCursor or the Link header. ' +
      'Fictional demo hotlines are never listed (a made-up number must never look callable), and programs for people who use abuse only when asked for by eligibility.',
  })
  @ApiOkResponse({
    type: ResourceListResponse,
    headers: {
      ETag: { description: 'A tag of this page; send it as If-None-Match to get 304 while it is unchanged.', schema: { type: 'string' } },
      Link: {
        description: 'RFC 8288: the next page, when there is one: </v1/resources?…&cursor=…>; rel="next".',
        schema: { type: 'string' },
      },
      'Cache-Control': { description: 'Public for 60 s.', schema: { type: 'string', example: 'public, max-age=60' } },
    },
  })
  @ApiNotModifiedResponse({ description: 'If-None-Match holds the current ETag: nothing changed.' })
  @ApiBadRequestResponse({ type: ProblemDetailsDto, description: 'Invalid parameter (problem+json naming it).' })
  searchResources(
    @Query() query: SearchResourcesQuery,
    @RequestLocaleOf() { locale }: RequestLocale,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): void {
    const result = this.resources.searchResources(query, locale);
    const { nextCursor } = result.page;
    if (nextCursor) {
      const url = new URL(request.url, 'http://placeholder');
      url.searchParams.set('cursor', nextCursor);
      void reply.header('link', `<${url.pathname}${url.search}>; rel="next"`);
    }
    void reply.header('cache-control', 'public, max-age=60');
    sendJsonWithBodyEtag(request, reply, resourceListJson(result.items, result.page, result.facets));
  }

  @Get(':id')
  @ApiOperation({
    operationId: 'getResource',
    summary: 'One resource by id or slug',
    description: 'Deleted resources are still returned, with status inactive.',
  })
  // One parameter name for /v1/resources/{id} in every method (the writes take only the UUID).
  @ApiParam({
    name: 'id',
    description: "The resource's UUID, or its slug.",
    example: 'national-domestic-violence-hotline',
    schema: { type: 'string', pattern: '^[A-Za-z0-9-]{1,120}$' },
  })
  @ApiOkResponse({
    type: ResourceResponse,
    headers: {
      ETag: {
        description: 'The version of the resource: If-None-Match on reads (304), If-Match on writes.',
        schema: { type: 'string', example: '"v3"' },
      },
    },
  })
  @ApiNotModifiedResponse({ description: 'If-None-Match holds the current ETag: nothing changed.' })
  @ApiNotFoundResponse({ type: ProblemDetailsDto, description: 'No such resource (problem+json).' })
  async getResource(
    @Param('id') idOrSlug: string,
    @Query() _query: LangQuery,
    @RequestLocaleOf() { locale }: RequestLocale,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    if (!ID_OR_SLUG.test(idOrSlug)) throw ResourceErrors.notFound();
    const { resource, etag } = await this.resources.getResource(idOrSlug, locale);
    void reply.header('cache-control', 'public, max-age=60');
    sendWithEtag(request, reply, resource, etag);
  }
}
