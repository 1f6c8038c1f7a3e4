import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import type { VersionedResource } from '../resource.mapper.js';
import { ResourcesService } from '../resources.service.js';
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

  updateListing(resourceId: string, patch: UpdateListingRequest, ifMatch: string | undefined, keyId: string): Promise<VersionedResource> {
    return this.curation.updateProviderListing(resourceId, patch, ifMatch, keyId);
  }

  /** 404 for an unknown resource, 422 safety_line_not_claimable for a hotline. */
  assertClaimable(resourceId: string, manager?: EntityManager): Promise<void> {
    return this.curation.assertClaimable(resourceId, manager);
  }
}
