import { Injectable } from '@nestjs/common';

import { DirectoryFeedRepository, type FeedFilter, type FeedOrganizationRow, type FeedResourceRow } from './directory-feed.repository.js';

export type { FeedFilter, FeedOrganizationRow, FeedResourceRow };

/**
 * The whole directory, page by page, for feeds and exports in other formats (the HSDS module):
 * inactive resources too, demo listings only when asked, organizations while they have resources.
 */
@Injectable()
export class DirectoryFeedService {
  constructor(private readonly repository: DirectoryFeedRepository) {}

  countResources(filter?: FeedFilter): Promise<number> {
    return this.repository.countResources(filter);
  }

  listResources(offset: number, limit: number | null, withLocations: boolean, filter?: FeedFilter): Promise<FeedResourceRow[]> {
    return this.repository.listResources(offset, limit, withLocations, filter);
  }

  findResource(id: string): Promise<FeedResourceRow | undefined> {
    return this.repository.findResource(id);
  }

  countOrganizations(includeDemo?: boolean): Promise<number> {
    return this.repository.countOrganizations(includeDemo);
  }

  listOrganizations(offset: number, limit: number | null, includeDemo?: boolean): Promise<FeedOrganizationRow[]> {
    return this.repository.listOrganizations(offset, limit, includeDemo);
  }

  findOrganization(id: string): Promise<FeedOrganizationRow | undefined> {
    return this.repository.findOrganization(id);
  }
}
