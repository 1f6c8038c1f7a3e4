import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';

import type { CandidateQuery, CandidateSet } from './directory-index/candidate-query.js';
import { DirectoryChangeFeed } from './directory-index/change-feed.js';
import type { DirectoryChanges, DirectoryChangeSink, LoadAllRows } from './directory-index/directory-change.js';
import { DirectoryIndex, type FacetResult, type SearchResult } from './directory-index/directory-index.js';
import type { IndexedResource } from './directory-index/row-store.js';
import type { FacetField } from './dto/search-resources.query.js';
import type { ResourceSearchCriteria, SearchPage } from './resource-search.criteria.js';
import { ResourceErrors } from './resources.errors.js';

/** What readiness reports about the index. */
export interface DirectorySearchStatus {
  /** Built, and every write this instance made before the build finished is in it. */
  ready: boolean;
  built: boolean;
  /** Resources held (any status), and the active ones. */
  resources: number;
  active: number;
  lastAppliedSeq: number | null;
  lagMs: number | null;
  listening: boolean;
}

/**
 * The one boundary behind which the directory is searched: an in-memory DirectoryIndex, built
 * from PostgreSQL when the HTTP application boots (in the background: the server listens
 * meanwhile) and kept fresh by the DirectoryChangeFeed, which also stops it on shutdown. Reads
 * never touch PostgreSQL; until the first build they answer 503 directory_not_ready.
 *
 * Read-your-writes: every directory write through this instance calls catchUpAfterWrite() after
 * its transaction commits and before it answers.
 */
@Injectable()
export class DirectorySearch implements DirectoryChangeSink, OnApplicationBootstrap {
  private readonly logger = new Logger('DirectorySearch');
  private index?: DirectoryIndex;
  private started = false;
  /** Catch-ups asked for by writes made before the first build finished (readiness waits for them). */
  private earlyWrites = 0;

  constructor(
    private readonly feed: DirectoryChangeFeed,
    private readonly adapterHost: HttpAdapterHost,
  ) {}

  /** Only an HTTP application serves reads: CLI contexts and OpenAPI generation build nothing. */
  onApplicationBootstrap(): void {
    if (!this.adapterHost.httpAdapter) return;
    this.started = true;
    this.feed.start(this);
  }

  async rebuild(load: LoadAllRows): Promise<void> {
    const builder = DirectoryIndex.builder();
    await load((rows) => {
      builder.add(rows);
    });
    this.index = builder.finish();
  }

  apply({ upserts, removals }: DirectoryChanges): void {
    const index = this.builtIndex();
    index.remove(removals);
    index.upsert(upserts);
  }

  /**
   * Resolves once every directory change committed before the call is in the index. Before the
   * first build nothing reads the index, so the writer does not wait (start-up seeding must not
   * hold the server back): readiness waits instead. A failed catch-up is logged, not thrown: the
   * write has committed, and the feed's poll applies it once the database answers again.
   */
  async catchUpAfterWrite(): Promise<void> {
    if (!this.started) return; // a CLI script: the serving instances' feeds pick the write up
    const caughtUp = this.feed.refreshNow().catch((error: Error) => {
      this.logger.warn(`Directory index catch-up after a write failed (${(error as { code?: string }).code ?? error.name})`);
    });
    if (this.index) return caughtUp;
    this.earlyWrites++;
    void caughtUp.finally(() => this.earlyWrites--);
  }

  status(): DirectorySearchStatus {
    const feed = this.feed.status();
    const stats = this.index?.stats();
    const built = feed.built && this.index !== undefined;
    return {
      ready: built && this.earlyWrites === 0,
      built,
      resources: stats?.resources ?? 0,
      active: stats?.active ?? 0,
      lastAppliedSeq: feed.lastAppliedSeq,
      lagMs: feed.lagMs,
      listening: feed.listening,
    };
  }

  /** One page in `page.sort` order and the exact total (see DirectoryIndex.search). */
  search(criteria: ResourceSearchCriteria, page: SearchPage): SearchResult {
    return this.builtIndex().search(criteria, page);
  }

  facets(criteria: ResourceSearchCriteria, fields: readonly FacetField[]): FacetResult {
    return this.builtIndex().facets(criteria, fields);
  }

  /** Every active resource meeting an intake's hard constraints. */
  candidates(query: CandidateQuery): CandidateSet {
    return this.builtIndex().candidates(query);
  }

  /** The stored row of a resource the index returned (read in the same tick, so it is there). */
  row(id: string): IndexedResource {
    const row = this.builtIndex().row(id);
    if (!row) throw new Error(`The directory index returned ${id} without its row`);
    return row;
  }

  private builtIndex(): DirectoryIndex {
    if (!this.index) throw ResourceErrors.directoryNotReady();
    return this.index;
  }
}
