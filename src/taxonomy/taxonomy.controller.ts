import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';

import type { RequestLocale } from '../common/i18n/locale.js';
import { LangQuery, Localized, RequestLocaleOf } from '../common/i18n/localized.js';
import { PublicAccess } from '../partners/access.decorator.js';
import { type LocalizedTaxonomy, taxonomyIn } from './taxonomy-labels.js';

@ApiTags('directory')
@PublicAccess('directory:read')
@Controller('taxonomy')
export class TaxonomyController {
  @Get()
  @Localized()
  @ApiOperation({
    operationId: 'getTaxonomy',
    summary: 'Every filter vocabulary with labels and descriptions, for building filter UIs',
    description:
      'Labels and descriptions are in the negotiated language (en or es); codes are the same in every language. Also the reasons a listing can be reported for (reportReason) and the verification statuses (verificationStatus), for report pickers and freshness labels.',
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
  getTaxonomy(
    @Query() _query: LangQuery,
    @RequestLocaleOf() { locale }: RequestLocale,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): LocalizedTaxonomy {
    void reply.header('cache-control', 'public, max-age=3600');
    return taxonomyIn(locale);
  }
}
