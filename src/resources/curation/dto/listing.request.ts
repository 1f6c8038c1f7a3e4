import { ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsObject, IsOptional, ValidateNested } from 'class-validator';

import { PROVIDER_OWNED_COST_FIELDS } from '../provider-fields.js';
import { CostPatch, UpdateResourceRequest } from './resource.request.js';

/** The fees of a listing and how they are charged: the provider's part of `cost`. */
export class ListingCostPatch extends PickType(CostPatch, PROVIDER_OWNED_COST_FIELDS) {}

/**
 * A provider's JSON merge patch (RFC 7396) of its own listing: only provider-owned fields
 * (src/resources/curation/provider-fields.ts), each validated as in a curator's patch, and the
 * merged record validated as a whole. Any other field is refused (422 listing_field_not_provider_owned).
 */
export class UpdateListingRequest extends PickType(UpdateResourceRequest, [
  'acceptingNewClients',
  'waitTimeDays',
  'formats',
  'languages',
  'availability',
  'description',
] as const) {
  @ApiPropertyOptional({ type: ListingCostPatch, description: 'Fees and sliding scale; merged field by field into the listing’s cost.' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ListingCostPatch)
  cost?: ListingCostPatch;
}
