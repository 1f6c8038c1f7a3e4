import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';

import { PublicAccess } from '../partners/access.decorator.js';
import { INTERFACE_VOCABULARIES, type InterfaceVocabularyName, TAXONOMY, type TaxonomyName, type TaxonomyTerm } from './taxonomy.js';

@ApiTags('directory')
@PublicAccess('directory:read')
@Controller('taxonomy')
export class TaxonomyController {
  @Get()
  @ApiOperation({
    operationId: 'getTaxonomy',
    summary: 'Every filter vocabulary with labels and descriptions, for building filter UIs',
    description:
      'Also the reasons a listing can be reported for (reportReason) and the verification statuses (verificationStatus), for report pickers and freshness labels.',
  })
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
  getTaxonomy(@Res({ passthrough: true }) reply: FastifyReply): Record<TaxonomyName | InterfaceVocabularyName, readonly TaxonomyTerm[]> {
    void reply.header('cache-control', 'public, max-age=3600');
    return Object.fromEntries(Object.entries({ ...TAXONOMY, ...INTERFACE_VOCABULARIES }).map(([name, v]) => [name, v.terms])) as Record<
      TaxonomyName | InterfaceVocabularyName,
      readonly TaxonomyTerm[]
    >;
  }
}
