import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiExtraModels, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PublicAccess } from '../partners/access.decorator.js';
import { ProblemDetailsDto } from '../common/problem/problem.dto.js';
import { ProblemException } from '../common/problem/problem.js';
import { FacetValue, ResourceListResponse, ResourceResponse } from './dto/resource.response.js';
import { SearchResourcesQuery } from './dto/search-resources.query.js';
import { ResourcesService } from './resources.service.js';

const ID_OR_SLUG = /^[A-Za-z0-9-]{1,120}$/;

@ApiTags('directory')
@ApiExtraModels(FacetValue)
@PublicAccess('directory:read')
@Controller('resources')
export class ResourcesController {
  constructor(private readonly resources: ResourcesService) {}

  @Get()
  @ApiOperation({
    operationId: 'searchResources',
    summary: 'Search the directory',
    description: 'Filters combine with AND; values of one multi-value filter combine with OR. Keyset-paginated: follow page.nextCursor or the Link header.',
  })
  @ApiOkResponse({ type: ResourceListResponse })
  @ApiBadRequestResponse({ type: ProblemDetailsDto, description: 'Invalid parameter (problem+json naming it).' })
  async searchResources(
    @Query() query: SearchResourcesQuery,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ResourceListResponse> {
    const { body, nextCursor } = await this.resources.searchResources(query);
    if (nextCursor) {
      const url = new URL(request.url, 'http://placeholder');
      url.searchParams.set('cursor', nextCursor);
      void reply.header('link', `<${url.pathname}${url.search}>; rel="next"`);
    }
    void reply.header('cache-control', 'public, max-age=60');
    return body;
  }

  @Get(':idOrSlug')
  @ApiOperation({ operationId: 'getResource', summary: 'One resource by id or slug' })
  @ApiParam({ name: 'idOrSlug', example: 'national-domestic-violence-hotline' })
  @ApiOkResponse({ type: ResourceResponse })
  @ApiNotFoundResponse({ type: ProblemDetailsDto, description: 'No such resource (problem+json).' })
  async getResource(@Param('idOrSlug') idOrSlug: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<ResourceResponse> {
    if (!ID_OR_SLUG.test(idOrSlug)) throw ProblemException.notFound('Resource');
    void reply.header('cache-control', 'public, max-age=60');
    return this.resources.getResource(idOrSlug);
  }
}
