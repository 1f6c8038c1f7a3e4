import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

import type { FeedPosition } from './directory-change.js';

/**
 * Changes a reader at `position` has not applied: newer than its seq, or written by a transaction
 * that was still in progress in its snapshot (it may have taken a lower seq and committed since).
 * Two arms rather than one OR, so each uses its index (primary key range, directory_change_xid_idx):
 * with an OR the planner cannot estimate the xid list and scans the whole log (40 ms a poll at 170k
 * rows, against under 1 ms). $1 = position.seq, $2 = position.snapshot.
 */
const UNAPPLIED = `(
  SELECT seq, resource_id FROM directory_change WHERE seq > $1
  UNION ALL
  SELECT seq, resource_id FROM directory_change WHERE xid = ANY(ARRAY(SELECT pg_snapshot_xip($2::pg_snapshot))) AND seq <= $1
) unapplied`;

/** Every query on the directory change log (written by triggers; see the migration). */
@Injectable()
export class DirectoryChangeRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The position of a reader whose snapshot is this transaction's (call it first in a REPEATABLE
   * READ transaction). When pruning has removed newer rows than any left, the horizon stands in.
   */
  async currentPosition(manager: EntityManager): Promise<FeedPosition> {
    const [row] = await manager.query<[{ snapshot: string; seq: string }]>(
      `SELECT pg_current_snapshot()::text AS snapshot,
              greatest((SELECT max(seq) FROM directory_change), (SELECT pruned_through_seq FROM directory_change_horizon), 0) AS seq`,
    );
    return { snapshot: row.snapshot, seq: Number(row.seq) };
  }

  /**
   * The safety-net poll, one cheap statement: has anything been committed that a reader at
   * `position` has not applied (including changes pruned before it read them)?
   */
  async hasUnapplied(position: FeedPosition): Promise<boolean> {
    const [row] = await this.dataSource.query<[{ unapplied: boolean }]>(
      `SELECT EXISTS (SELECT 1 FROM ${UNAPPLIED})
           OR (SELECT pruned_through_seq FROM directory_change_horizon) > $1 AS unapplied`,
      [position.seq, position.snapshot],
    );
    return row.unapplied;
  }

  /**
   * In the caller's REPEATABLE READ transaction: the new position, whether changes the reader
   * never saw were pruned, and up to `limit + 1` distinct changed resource ids (null = a TRUNCATE).
   */
  async unappliedSince(
    manager: EntityManager,
    position: FeedPosition,
    limit: number,
  ): Promise<{ position: FeedPosition; prunedUnseen: boolean; resourceIds: (string | null)[] }> {
    const [head] = await manager.query<[{ snapshot: string; horizon: string; last_seq: string | null }]>(
      `SELECT pg_current_snapshot()::text AS snapshot,
              (SELECT pruned_through_seq FROM directory_change_horizon) AS horizon,
              (SELECT max(seq) FROM ${UNAPPLIED}) AS last_seq`,
      [position.seq, position.snapshot],
    );
    const horizon = Number(head.horizon);
    const lastSeq = head.last_seq === null ? position.seq : Number(head.last_seq);
    const next = { snapshot: head.snapshot, seq: Math.max(position.seq, lastSeq, horizon) };
    if (horizon > position.seq) return { position: next, prunedUnseen: true, resourceIds: [] };
    const rows: { resource_id: string | null }[] = await manager.query(`SELECT DISTINCT resource_id FROM ${UNAPPLIED} LIMIT $3`, [
      position.seq,
      position.snapshot,
      limit + 1,
    ]);
    return { position: next, prunedUnseen: false, resourceIds: rows.map((r) => r.resource_id) };
  }

  /**
   * Retention: removes change rows recorded before `before` and raises the horizon to the highest
   * seq removed, so an instance that had not read them rebuilds instead of missing them. Assumes
   * no directory write stays uncommitted for longer than the retention period (the app's
   * statements time out after 10 s). Returns how many rows were removed.
   */
  async pruneChangesBefore(before: Date): Promise<number> {
    const [row] = await this.dataSource.query<[{ removed: number }]>(
      `WITH pruned AS (DELETE FROM directory_change WHERE changed_at < $1 RETURNING seq),
            raised AS (
              UPDATE directory_change_horizon SET pruned_through_seq = (SELECT max(seq) FROM pruned)
              WHERE (SELECT max(seq) FROM pruned) > pruned_through_seq RETURNING 1)
       SELECT count(*)::int AS removed FROM pruned`,
      [before],
    );
    return row.removed;
  }
}
