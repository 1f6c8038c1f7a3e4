import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';

import type { CandidateCriteria, CandidateFacts } from './candidate-criteria.js';
import { Bitmap } from './directory-index/bitmap.js';
import type { CandidateFact, CandidateSet } from './directory-index/candidate-query.js';
import { DirectoryChangeFeed } from './directory-index/change-feed.js';
import type { DirectoryChanges, DirectoryChangeSink, LoadAllRows } from './directory-index/directory-change.js';
import { DirectoryIndex, type FacetResult, type SearchResult } from './directory-index/directory-index.js';
import type { IndexedResource } from './directory-index/row-store.js';
import type { ResourceResponse } from './dto/resource.response.js';
import type { FacetField } from './dto/search-resources.query.js';
import { mapResource, mapResourceDistance, withVerificationAt } from './resource.mapper.js';
import type { ResourceSearchCriteria, SearchPage } from './resource-search.criteria.js';
import { ResourceErrors } from './resources.errors.js';
import type { VerificationCutoffs } from './verification.js';

/** See wantsCompaction(). */
const MIN_CHANGES_BEFORE_COMPACTION = 10_000;

/** Mapped resources kept for hydration: about 2 KB each, so at most ~40 MB. */
const MAX_CACHED_RESPONSES = 20_000;

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
  /** Mapped responses by row slot (a changed row gets a new slot, so an entry is never stale); cleared when full. */
  private responses = new Map<number, ResourceResponse>();
  /** Safety lines per area list, until the directory next changes (every intake reads them; they rarely change). */
  private safetyLineCache = new Map<string, readonly IndexedResource[]>();

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
    this.safetyLineCache = new Map();
    this.responses = new Map();
  }

  apply({ upserts, removals }: DirectoryChanges): void {
    const index = this.builtIndex();
    index.remove(removals);
    index.upsert(upserts);
    this.safetyLineCache = new Map();
  }

  /**
   * Changed rows take new slots and are merged into the prebuilt orders per query, so pages slow
   * down as they pile up: rebuild once they pass a quarter of the directory (at least 10,000).
   */
  wantsCompaction(): boolean {
    const stats = this.index?.stats();
    return stats !== undefined && stats.addedSinceBuild > Math.max(MIN_CHANGES_BEFORE_COMPACTION, stats.resources / 4);
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
  candidates(query: CandidateCriteria): CandidateSet {
    return this.builtIndex().candidates(query);
  }

  /**
   * Every candidate of an intake with, for each, its kind, name, distance and which of `facts`
   * hold, read from the index's bitmaps and arrays: no row is decoded until row() is asked for.
   */
  candidateFacts(query: CandidateCriteria, facts: readonly CandidateFact[]): CandidateFacts {
    if (facts.length > 64) throw new Error('At most 64 candidate facts');
    const index = this.builtIndex();
    const set = index.candidates(query);
    const slots = set.slots();
    const eligible = new Bitmap(slots);
    /** Positions in `slots` of the candidates in `holds` (both ascending: one merge walk). */
    const positionsIn = (holds: Bitmap, visit: (position: number) => void) => {
      const members = Bitmap.and(eligible, holds).toUint32Array();
      for (let i = 0, j = 0; i < slots.length && j < members.length; i++) {
        if (slots[i] === members[j]) {
          visit(i);
          j++;
        }
      }
    };
    const kinds = new Array<string>(slots.length);
    for (const kind of new Set(query.kinds)) positionsIn(index.factSlots({ field: 'kind', value: kind }), (i) => (kinds[i] = kind));
    const words = new Uint32Array(slots.length * 2);
    facts.forEach((fact, bit) => {
      const word = bit >>> 5;
      const mask = 1 << (bit & 31);
      positionsIn(index.factSlots(fact), (i) => (words[i * 2 + word] |= mask));
    });
    return {
      size: slots.length,
      kinds,
      facts: words,
      id: (i) => index.idAt(slots[i]),
      name: (i) => index.nameAt(slots[i]),
      distances: set.distancesAt(slots),
    };
  }

  /**
   * Active, real hotlines with a safety role serving any of these areas, in name order. The same
   * array is returned until the directory changes, so callers may memoise what they derive from it.
   */
  safetyLines(areas: readonly string[]): readonly IndexedResource[] {
    const index = this.builtIndex();
    const key = [...areas].sort().join(' ');
    let lines = this.safetyLineCache.get(key);
    if (!lines) {
      lines = Object.freeze(index.safetyLines(areas));
      this.safetyLineCache.set(key, lines);
    }
    return lines;
  }

  /**
   * The public representation of a resource the index returned, with its verification status at
   * `cutoffs` and its distance when searched near a point. Decoding and mapping a row is most of a
   * search page's cost, and the same rows are asked for again and again, so the mapped row is kept
   * (bounded) until the row changes; only its status moves with time, and is checked on each read.
   * The object is shared: frozen, and copied when the status changes or a distance is added.
   */
  response(id: string, cutoffs: VerificationCutoffs, distanceMeters?: number | null): ResourceResponse {
    const slot = this.builtIndex().rowSlot(id);
    const cached = slot === undefined ? undefined : this.responses.get(slot);
    const response = cached ? withVerificationAt(cached, cutoffs) : Object.freeze(mapResource(this.row(id), cutoffs));
    if (response !== cached) {
      if (this.responses.size >= MAX_CACHED_RESPONSES) this.responses.clear();
      this.responses.set(slot!, response);
    }
    return distanceMeters === undefined || distanceMeters === null ? response : mapResourceDistance(response, distanceMeters);
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
