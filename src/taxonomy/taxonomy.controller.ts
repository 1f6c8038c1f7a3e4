import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';

import { PublicAccess } from '../partners/access.decorator.js';
import { TAXONOMY, type TaxonomyName, type TaxonomyTerm } from './taxonomy.js';

@ApiTags('directory')
@PublicAccess('directory:read')
@Controller('taxonomy')
export class TaxonomyController {
  @Get()
  @ApiOperation({ operationId: 'getTaxonomy', summary: 'Every filter vocabulary with labels and descriptions, for building filter UIs' })
  @ApiOkResponse({
    schema: {
      type: 'object',
      additionalProperties: {
        type: 'array',
        items: {
          type: 'object',
          properties: { code: { type: 'string' }, label: { type: 'string' }, description: { type: 'string' } },
          required: ['code', 'label', 'description'],
        },
      },
      example: { format: [{ code: 'video', label: 'Video', description: 'Live video sessions.' }] },
    },
  })
  getTaxonomy(@Res({ passthrough: true }) reply: FastifyReply): Record<TaxonomyName, readonly TaxonomyTerm[]> {
    void reply.header('cache-control', 'public, max-age=3600');
    return Object.fromEntries(Object.entries(TAXONOMY).map(([name, v]) => [name, v.terms])) as Record<
      TaxonomyName,
      readonly TaxonomyTerm[]
    >;
  }
}
