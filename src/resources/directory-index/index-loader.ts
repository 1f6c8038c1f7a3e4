import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

import { LOCATIONS_JSON, RESOURCE_COLUMNS } from '../resource-search.sql.js';
import type { FeedPosition, LoadedChanges } from './directory-change.js';
import { DirectoryChangeRepository } from './directory-change.repository.js';
import type { IndexRow } from './index-row.js';

/**
 * Rows per keyset batch of a full load. Measured at 100k rows (bench/index-load.ts): 2,000 uses
 * ~17% less of this process's CPU than 10,000 (a smaller batch dies young instead of being
 * promoted and collected by the old-generation GC); planning 500 batches per million costs 0.5 s.
 */
export const DEFAULT_LOAD_BATCH = 2_000;

/** The directory row plus the derived columns the index filters and ranks on. */
const INDEX_COLUMNS = `${RESOURCE_COLUMNS}, r.insurer_keys, r.location_regions, r.fee_sort, r.search_vector::text AS search_vector`;

/** IndexRows matching `where` (on resource r), in id order; locations by position. */
function indexRowsSql(where: string, limit = ''): string {
  return `
    SELECT page.*, ${LOCATIONS_JSON}
    FROM (
      SELECT ${INDEX_COLUMNS}
      FROM resource r JOIN organization o ON o.id = r.organization_id
      WHERE ${where}
      ORDER BY r.id ${limit}
    ) page
    ORDER BY page.id`;
}

// Keyset on the primary key: each batch is an index range scan, however deep the load is.
const BATCH_SQL = indexRowsSql('r.id > $1::uuid', 'LIMIT $2');
const FIRST_BATCH_SQL = indexRowsSql('true', 'LIMIT $1');
const BY_IDS_SQL = indexRowsSql('r.id = ANY($1::uuid[])');

/**
 * Reads the directory for the in-memory index: everything (a build), or the rows behind a set of
 * changes (a catch-up). Every read that goes with a feed position runs in one REPEATABLE READ
 * snapshot with it, so no change can fall between what was loaded and where the feed resumes.
 */
@Injectable()
export class IndexLoader {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly changes: DirectoryChangeRepository,
  ) {}

  /**
   * Streams every resource (active and inactive) to `onBatch` in id order, `batchSize` at a time,
   * and returns the feed position of the same snapshot. `signal` aborts between batches.
   */
  async loadAll(
    onBatch: (rows: IndexRow[]) => void | Promise<void>,
    options: { batchSize?: number; signal?: AbortSignal } = {},
  ): Promise<FeedPosition> {
    const batchSize = options.batchSize ?? DEFAULT_LOAD_BATCH;
    return this.inSnapshot(async (manager) => {
      const position = await this.changes.currentPosition(manager);
      // One batch ahead: PostgreSQL reads the next batch while this process indexes the current one
      // (sequential, the build waited on the database for a third of its time at 1M rows).
      const read = (sql: string, values: unknown[]): Promise<IndexRow[]> => {
        const rows = manager.query<IndexRow[]>(sql, values);
        rows.catch(() => undefined); // awaited below; a build that stops early must not leave it unhandled
        return rows;
      };
      let next = read(FIRST_BATCH_SQL, [batchSize]);
      for (;;) {
        options.signal?.throwIfAborted();
        const rows = await next;
        const more = rows.length === batchSize;
        if (more) next = read(BATCH_SQL, [rows[rows.length - 1].id, batchSize]);
        if (rows.length) await onBatch(rows);
        if (!more) return position;
      }
    });
  }

  /** The current rows of these resources; an id with no row was deleted. */
  async loadByIds(ids: string[], manager: EntityManager = this.dataSource.manager): Promise<IndexRow[]> {
    if (!ids.length) return [];
    return manager.query(BY_IDS_SQL, [ids]);
  }

  /**
   * Everything committed since `position`, in one snapshot: the rows of changed resources and the
   * ids that are gone, or a reason to rebuild instead (changes pruned unseen, a TRUNCATE, or more
   * than `maxIds` resources, which a full load handles better).
   */
  async loadChangesSince(position: FeedPosition, maxIds: number): Promise<LoadedChanges> {
    return this.inSnapshot(async (manager) => {
      const found = await this.changes.unappliedSince(manager, position, maxIds);
      if (found.prunedUnseen) return { rebuild: true, reason: 'pruned' };
      if (found.resourceIds.includes(null)) return { rebuild: true, reason: 'truncated' };
      if (found.resourceIds.length > maxIds) return { rebuild: true, reason: 'too_many_changes' };
      const ids = found.resourceIds as string[];
      const upserts = await this.loadByIds(ids, manager);
      const present = new Set(upserts.map((r) => r.id));
      return { rebuild: false, upserts, removals: ids.filter((id) => !present.has(id)), position: found.position };
    });
  }

  /** Runs `read` in a read-only REPEATABLE READ transaction: one snapshot for all its statements. */
  private async inSnapshot<T>(read: (manager: EntityManager) => Promise<T>): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction('REPEATABLE READ');
      try {
        await runner.query('SET TRANSACTION READ ONLY');
        // Per batch, JIT compiled the plan anew (~50 ms) and a parallel Gather Merge of wide rows on
        // two cores doubled the time: neither pays on a few thousand rows.
        await runner.query('SET LOCAL jit = off');
        await runner.query('SET LOCAL max_parallel_workers_per_gather = 0');
        const result = await read(runner.manager);
        await runner.commitTransaction();
        return result;
      } catch (error) {
        await runner.rollbackTransaction().catch(() => undefined);
        throw error;
      }
    } finally {
      await runner.release();
    }
  }
}
