import { Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';

import { registerMergePatchParser } from './curation/merge-patch-parser.js';
import { ProviderListingService } from './curation/provider-listing.service.js';
import { ResourceCurationController } from './curation/resource-curation.controller.js';
import { ResourceCurationRepository } from './curation/resource-curation.repository.js';
import { ResourceCurationService } from './curation/resource-curation.service.js';
import { DirectoryFeedRepository } from './directory-feed.repository.js';
import { DirectoryFeedService } from './directory-feed.service.js';
import { DirectoryChangeFeed } from './directory-index/change-feed.js';
import { DirectoryChangeRepository } from './directory-index/directory-change.repository.js';
import { IndexLoader } from './directory-index/index-loader.js';
import { DirectorySearch } from './directory-search.js';
import { Freshness } from './freshness.js';
import { ResourceImportService } from './resource-import.service.js';
import { ResourcesController } from './resources.controller.js';
import { ResourcesRepository } from './resources.repository.js';
import { ResourcesService } from './resources.service.js';

/**
 * The directory: the only owner of the resource, resource_location, organization,
 * resource_audit and directory_change tables. Other modules ask it through the exported
 * services. Searches are answered from the in-memory index behind DirectorySearch.
 */
@Module({
  controllers: [ResourcesController, ResourceCurationController],
  providers: [
    ResourcesService,
    ResourcesRepository,
    ResourceCurationService,
    ResourceCurationRepository,
    ProviderListingService,
    DirectoryFeedService,
    DirectoryFeedRepository,
    ResourceImportService,
    DirectorySearch,
    DirectoryChangeFeed,
    DirectoryChangeRepository,
    IndexLoader,
    Freshness,
  ],
  exports: [
    ResourcesService,
    ResourceCurationService,
    DirectoryFeedService,
    ResourceImportService,
    DirectorySearch,
    ProviderListingService,
  ],
})
export class ResourcesModule implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    // Absent in Nest's preview mode (OpenAPI generation), where no server runs.
    const fastify: FastifyInstance | undefined = this.adapterHost.httpAdapter?.getInstance?.();
    if (fastify?.addContentTypeParser) registerMergePatchParser(fastify);
  }
}
