import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { type ResourceDocument, toResourceDocument } from './curation/resource-document.js';
import { DirectorySearch } from './directory-search.js';
import type { ResourceWrite } from './resource.row.js';
import { ResourcesRepository } from './resources.repository.js';

/**
 * Bulk writes into the directory by slug, for the curated seed files (src/seeding) and HSDS
 * imports (src/hsds/import). Curation through the API writes by id with a version check instead
 * (curation/); a resource a curator has changed is never overwritten by an import.
 */
@Injectable()
export class ResourceImportService {
  constructor(
    private readonly repository: ResourcesRepository,
    private readonly directory: DirectorySearch,
  ) {}

  /**
   * Inserts or updates the resources by slug (with their organizations and locations), in one
   * transaction (the caller's, when given). Returns how many were written: a resource curated
   * through the API since is kept as the curator made it, and not counted. Without a caller's
   * transaction, the write is in this instance's index when this resolves; with one, the caller
   * calls catchUpAfterCommit() once it commits.
   */
  async upsertBySlug(resources: ResourceWrite[], manager?: EntityManager): Promise<number> {
    const written = await this.repository.upsertMany(resources, manager);
    if (!manager) await this.directory.catchUpAfterWrite();
    return written;
  }

  /** Marks these demo listings inactive (SEED_DEMO turned off); real listings are never touched. Returns how many. */
  async withdrawDemoListings(slugs: string[], manager?: EntityManager): Promise<number> {
    const withdrawn = await this.repository.deactivateSeededDemo(slugs, manager);
    if (!manager) await this.directory.catchUpAfterWrite();
    return withdrawn;
  }

  /** Read-your-writes after the caller's transaction committed: this instance's index has its writes. */
  catchUpAfterCommit(): Promise<void> {
    return this.directory.catchUpAfterWrite();
  }

  /** The stored resource with this slug as a record (the base an import compares with), and its status. */
  async findStored(slug: string): Promise<{ document: ResourceDocument; status: ResourceWrite['status'] } | undefined> {
    const row = await this.repository.findByIdOrSlug(slug);
    return row && { document: toResourceDocument(row), status: row.status };
  }
}
