import { ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsObject, IsOptional, ValidateNested } from 'class-validator';

import { NestedObject } from '../../../common/dto/field-decorators.js';
import { PROVIDER_OWNED_COST_FIELDS } from '../provider-fields.js';
import { PROVIDER_OWNED_TEXT_FIELDS } from '../provider-fields.js';
import { CostPatch } from './cost.input.js';
import { UpdateResourceRequest } from './resource.request.js';
import { ResourceTextsPatch } from './resource-texts.input.js';

/** The fees of a listing and how they are charged: the provider's part of `cost`. */
export class ListingCostPatch extends PickType(CostPatch, PROVIDER_OWNED_COST_FIELDS) {}

/** The provider's texts in one language: description and cost notes (the name is the curators'). */
export class ListingTextsPatch extends PickType(ResourceTextsPatch, PROVIDER_OWNED_TEXT_FIELDS) {}

export class ListingTranslationsPatch {
  @NestedObject(ListingTextsPatch, { optional: true, description: 'In Spanish.' })
  es?: ListingTextsPatch;
}

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

  @NestedObject(ListingTranslationsPatch, {
    optional: true,
    description: 'Description and cost notes in other languages, merged field by field; null removes.',
  })
  translations?: ListingTranslationsPatch;
}
