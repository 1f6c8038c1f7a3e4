import type { IndexRow } from './index-row.js';

/**
 * Where a reader of the directory change log stands (migrations/1796300000000-directory-change-feed.ts).
 * `seq` alone is not enough: sequence numbers are taken before commit, so a transaction still
 * open when the reader looked can later commit a seq below `seq`. `snapshot` (pg_snapshot text)
 * names the transactions that were in progress then; their rows are read on the next catch-up.
 */
export interface FeedPosition {
  /** Highest change seq visible to the reader (or the pruning horizon, if higher). */
  seq: number;
  /** The PostgreSQL snapshot the reader saw, as pg_current_snapshot()::text. */
  snapshot: string;
}

/** Rows changed since the last build or change, ready for the index. */
export interface DirectoryChanges {
  /** Current rows of changed resources (active and inactive). */
  upserts: IndexRow[];
  /** Ids of resources that no longer exist. */
  removals: string[];
  /** The feed position once these are applied. */
  seq: number;
}

/** Streams every resource, in batches, into `onBatch`. */
export type LoadAllRows = (onBatch: (rows: IndexRow[]) => void | Promise<void>) => Promise<void>;

/** What the change feed keeps fresh: the in-memory directory index (or a fake in tests). */
export interface DirectoryChangeSink {
  /**
   * Builds the whole index anew from `load` and swaps it in when `load` resolves; until then the
   * previous index (if any) keeps serving. Called at start and whenever the feed cannot prove it
   * has every change (changes pruned before it read them, a TRUNCATE, a very large change).
   */
  rebuild(load: LoadAllRows): Promise<void>;
  /** Applies changed rows and removals; never called concurrently with itself or rebuild. */
  apply(changes: DirectoryChanges): void | Promise<void>;
  /**
   * Asked after each apply: true when the index has taken so many changes since its build that
   * a fresh build would serve faster (the feed then rebuilds in the background, serving meanwhile).
   */
  wantsCompaction?(): boolean;
}

/** Why the feed rebuilds instead of applying changes. */
export type RebuildReason = 'pruned' | 'truncated' | 'too_many_changes';

/** What a catch-up found: changes to apply, or a reason to rebuild everything. */
export type LoadedChanges =
  { rebuild: false; upserts: IndexRow[]; removals: string[]; position: FeedPosition } | { rebuild: true; reason: RebuildReason };

/** Whether any transaction was in progress in a pg_snapshot text ("xmin:xmax:xip,…"). */
export function snapshotHasTransactionsInProgress(snapshot: string): boolean {
  return (snapshot.split(':')[2] ?? '') !== '';
}
