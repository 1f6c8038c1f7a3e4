import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { hasOtherPhoneNumber, publishedNumbers } from '../../common/text/contact-details.js';
import type { VersionedResource } from '../resource.mapper.js';
import { ResourcesService } from '../resources.service.js';
import { CurationErrors } from './curation.errors.js';
import type { UpdateListingRequest } from './dto/listing.request.js';
import { ResourceCurationService } from './resource-curation.service.js';

/**
 * What the directory lets a provider do with its own listing, for src/listings (which checks the
 * listing key and owns the claims): read it, patch its provider-owned fields, and whether it may
 * be claimed at all. The resource id always comes from the listing key, never from the request.
 */
@Injectable()
export class ProviderListingService {
  constructor(
    private readonly resources: ResourcesService,
    private readonly curation: ResourceCurationService,
  ) {}

  getListing(resourceId: string): Promise<VersionedResource> {
    return this.resources.getResource(resourceId);
  }

  async updateListing(
    resourceId: string,
    patch: UpdateListingRequest,
    ifMatch: string | undefined,
    keyId: string,
  ): Promise<VersionedResource> {
    await this.assertNoOtherPhoneNumbers(resourceId, patch);
    return this.curation.updateProviderListing(resourceId, patch, ifMatch, keyId);
  }

  /**
   * The provider's free text (description, cost notes) may not name a phone number other than the
   * listing's own, written plainly or in disguise: numbers are curated facts (422
   * listing_text_phone_number, naming each field). The listing's numbers are not the provider's to
   * change, so reading them before the write is not a race.
   */
  private async assertNoOtherPhoneNumbers(resourceId: string, patch: UpdateListingRequest): Promise<void> {
    const texts: [string, string | null | undefined][] = [
      ['description', patch.description],
      ['cost.notes', patch.cost?.notes],
    ];
    const given = texts.filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1].length > 0);
    if (!given.length) return;
    const { resource } = await this.resources.getResource(resourceId);
    const context = {
      ownPhones: publishedNumbers(resource),
      countries: [...resource.serviceAreas, ...resource.locations.map((l) => l.country)].map((area) => area.slice(0, 2)),
    };
    const fields = given.filter(([, text]) => hasOtherPhoneNumber(text, context)).map(([field]) => field);
    if (fields.length) throw CurationErrors.textPhoneNumber(fields);
  }

  /** 404 for an unknown resource, 422 safety_line_not_claimable for a hotline. */
  assertClaimable(resourceId: string, manager?: EntityManager): Promise<void> {
    return this.curation.assertClaimable(resourceId, manager);
  }
}
