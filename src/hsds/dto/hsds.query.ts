import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

import { QueryBoolean } from '../../common/dto/query-decorators.js';

export const HSDS_DEFAULT_PER_PAGE = 20;
export const HSDS_MAX_PER_PAGE = 100;

/** `page` / `per_page` as in the HSDS API reference. */
export class HsdsPageQuery {
  @ApiPropertyOptional({
    type: 'integer',
    description: 'Page number, from 1. A page past the last one is empty.',
    default: 1,
    minimum: 1,
    maximum: 1_000_000,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  page?: number;

  @ApiPropertyOptional({
    type: 'integer',
    description: 'Items per page.',
    default: HSDS_DEFAULT_PER_PAGE,
    minimum: 1,
    maximum: HSDS_MAX_PER_PAGE,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(HSDS_MAX_PER_PAGE)
  per_page?: number;

  @QueryBoolean('Include fictional demo listings (left out by default: they are never presented as real services).')
  include_demo?: boolean;
}

export class HsdsServicesQuery extends HsdsPageQuery {
  @QueryBoolean(
    'Fully nested services (locations, phones, languages, service areas, cost options, schedules, attributes) instead of their one-to-one fields.',
  )
  full?: boolean;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only the services of this organization.' })
  @IsOptional()
  @IsUUID('all', { message: 'organization_id must be a UUID' })
  organization_id?: string;
}

export class HsdsOrganizationQuery {
  @QueryBoolean('Include fictional demo listings among the services (left out by default).')
  include_demo?: boolean;

  @QueryBoolean('Fully nested services instead of their one-to-one fields.')
  full_service?: boolean;
}
