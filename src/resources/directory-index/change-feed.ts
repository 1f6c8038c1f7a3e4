import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import pg from 'pg';
import type { DataSource } from 'typeorm';

import { type DirectoryChangeSink, type FeedPosition, snapshotHasTransactionsInProgress } from './directory-change.js';
import { DirectoryChangeRepository } from './directory-change.repository.js';
import { DEFAULT_LOAD_BATCH, IndexLoader } from './index-loader.js';

/** The NOTIFY channel the directory triggers signal on (migrations/1796300000000-directory-change-feed.ts). */
export const DIRECTORY_CHANGE_CHANNEL = 'directory_change';
/** application_name of the LISTEN connection, so operators (and tests) can tell it apart. */
export const FEED_LISTENER_NAME = 'mend-directory-feed';

export interface ChangeFeedOptions {
  /** Safety-net poll for changes whose notification was lost (default 500 ms). */
  pollIntervalMs?: number;
  /** First delay before reconnecting a lost LISTEN connection, doubled per failure (default 250 ms)… */
  reconnectDelayMs?: number;
  /** …up to this (default 10 s). */
  maxReconnectDelayMs?: number;
  /** More changed resources than this in one catch-up: rebuild instead (default 20,000). */
  maxIncrementalIds?: number;
  /** Rows per batch of a full load (default DEFAULT_LOAD_BATCH, 2,000). */
  loadBatchSize?: number;
}

export interface ChangeFeedStatus {
  /** The index has been built at least once (readiness). */
  built: boolean;
  /** Highest change seq applied (every change visible in the feed's last snapshot is applied). */
  lastAppliedSeq: number | null;
  /** How long ago the feed last confirmed the index had every committed change; null before the first build. */
  lagMs: number | null;
  /** The LISTEN connection is up; when it is not, the poll alone keeps the index fresh. */
  listening: boolean;
}

interface Waiter {
  resolve: () => void;
  reject: (error: Error) => void;
}

/**
 * Keeps a DirectoryChangeSink (the in-memory directory index) in step with PostgreSQL, the only
 * source of truth. A dedicated connection LISTENs for the triggers' notifications; a poll every
 * `pollIntervalMs` catches what a lost notification or connection would miss; either way the feed
 * reads the change log from its last position, so nothing depends on a notification arriving.
 * Catch-ups never overlap: requests that arrive during one are served by a single next one.
 *
 * Read-your-writes: the instance that wrote calls refreshNow() (or waitFor(seq)) after its
 * transaction commits and before it answers.
 */
@Injectable()
export class DirectoryChangeFeed implements OnApplicationShutdown {
  private readonly logger = new Logger('DirectoryChangeFeed');
  private sink?: DirectoryChangeSink;
  private options: Required<ChangeFeedOptions> = defaults({});
  private position?: FeedPosition;
  private needsRebuild = true;
  private currentAsOf?: number;
  private failing = false;
  private stopped = true;
  private listenerUrl = '';
  private abort = new AbortController();

  private running?: Promise<void>;
  private rerun = false;
  private waiting: Waiter[] = [];

  private pollTimer?: NodeJS.Timeout;
  private listener?: pg.Client;
  private listening = false;
  private reconnectTimer?: NodeJS.Timeout;
  private reconnectAttempts = 0;

  constructor(
    private readonly loader: IndexLoader,
    private readonly changes: DirectoryChangeRepository,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** Builds the sink's index and keeps it fresh until stop(). Returns at once: see status().built. */
  start(sink: DirectoryChangeSink, options: ChangeFeedOptions = {}): void {
    if (!this.stopped) throw new Error('The directory change feed is already running');
    this.listenerUrl = this.connectionString();
    this.sink = sink;
    this.options = defaults(options);
    this.stopped = false;
    this.abort = new AbortController();
    this.needsRebuild = true;
    void this.listen();
    this.pollTimer = setInterval(() => this.trigger(), this.options.pollIntervalMs);
    this.pollTimer.unref();
    this.trigger();
  }

  status(): ChangeFeedStatus {
    const built = this.position !== undefined;
    return {
      built,
      lastAppliedSeq: this.position?.seq ?? null,
      lagMs: built && this.currentAsOf !== undefined ? Math.max(0, Date.now() - this.currentAsOf) : null,
      listening: this.listening,
    };
  }

  /**
   * Resolves once every change committed before the call is applied (building first if needed);
   * rejects if that catch-up fails or the feed stops.
   */
  refreshNow(): Promise<void> {
    if (this.stopped) return Promise.reject(new Error('The directory change feed is not running'));
    return new Promise<void>((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      this.trigger();
    });
  }

  /** Resolves once the change numbered `seq` (already committed) is applied. */
  async waitFor(seq: number): Promise<void> {
    // Already applied for certain: no transaction was open in the applied snapshot, so no seq at
    // or below its high-water mark can still commit. Otherwise a fresh catch-up settles it.
    const p = this.position;
    if (p && !this.needsRebuild && seq <= p.seq && !snapshotHasTransactionsInProgress(p.snapshot)) return;
    await this.refreshNow();
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    clearInterval(this.pollTimer);
    clearTimeout(this.reconnectTimer);
    this.abort.abort();
    await this.listener?.end().catch(() => undefined);
    this.listening = false;
    await this.running?.catch(() => undefined);
    const stopped = new Error('The directory change feed stopped');
    for (const waiter of this.waiting.splice(0)) waiter.reject(stopped);
    this.position = undefined;
    this.currentAsOf = undefined;
  }

  onApplicationShutdown(): Promise<void> {
    return this.stop();
  }

  /** Asks for a catch-up: starts one now, or one more after the one running. */
  private trigger(): void {
    if (this.stopped) return;
    if (this.running) {
      this.rerun = true;
      return;
    }
    this.running = this.runWhileRequested().finally(() => {
      this.running = undefined;
      if (this.rerun) this.trigger(); // asked for between the loop's last check and here
    });
  }

  private async runWhileRequested(): Promise<void> {
    do {
      this.rerun = false;
      // Waiters that asked before this run began; its snapshot is taken after they asked.
      const waiters = this.waiting.splice(0);
      const startedAt = Date.now();
      try {
        await this.catchUp();
        this.currentAsOf = startedAt;
        this.reportHealth(undefined);
        for (const waiter of waiters) waiter.resolve();
      } catch (error) {
        if (!this.stopped) this.reportHealth(error as Error);
        for (const waiter of waiters) waiter.reject(error as Error);
      }
    } while (this.rerun && !this.stopped);
  }

  private async catchUp(): Promise<void> {
    if (this.needsRebuild || !this.position) return this.rebuild();
    if (!(await this.changes.hasUnapplied(this.position))) return;
    const found = await this.loader.loadChangesSince(this.position, this.options.maxIncrementalIds);
    if (found.rebuild) {
      this.logger.warn(`Rebuilding the directory index (${found.reason})`);
      this.needsRebuild = true;
      return this.rebuild();
    }
    if (found.upserts.length || found.removals.length) {
      await this.sink!.apply({ upserts: found.upserts, removals: found.removals, seq: found.position.seq });
    }
    this.position = found.position;
    if (this.sink!.wantsCompaction?.()) {
      this.logger.log('Rebuilding the directory index to compact the changes it has taken since its build');
      // Not awaited by this catch-up's waiters: their changes are applied; the next run rebuilds.
      this.needsRebuild = true;
      this.rerun = true;
    }
  }

  private async rebuild(): Promise<void> {
    const started = performance.now();
    let rows = 0;
    let position: FeedPosition | undefined;
    await this.sink!.rebuild(async (onBatch) => {
      position = await this.loader.loadAll(
        (batch) => {
          rows += batch.length;
          return onBatch(batch);
        },
        { batchSize: this.options.loadBatchSize, signal: this.abort.signal },
      );
    });
    if (!position) throw new Error('The directory index sink finished rebuild() without loading');
    this.position = position;
    this.needsRebuild = false;
    this.logger.log(
      `Directory index built: ${rows} resources in ${((performance.now() - started) / 1000).toFixed(1)} s (change seq ${position.seq})`,
    );
  }

  /** Logs only when the feed starts or stops failing, not on every poll. */
  private reportHealth(error: Error | undefined): void {
    if (error && !this.failing) this.logger.warn(`Directory index catch-up failing (${errorCode(error)}); serving the last applied state`);
    if (!error && this.failing) this.logger.log('Directory index catch-up recovered');
    this.failing = error !== undefined;
  }

  private async listen(): Promise<void> {
    if (this.stopped) return;
    const client = new pg.Client({ connectionString: this.listenerUrl, application_name: FEED_LISTENER_NAME, keepAlive: true });
    this.listener = client;
    let lost = false;
    const onLost = (error?: Error) => {
      if (lost) return;
      lost = true;
      this.listening = false;
      if (this.listener === client) this.listener = undefined;
      void client.end().catch(() => undefined);
      if (this.stopped) return;
      this.logger.warn(`Directory change listener lost (${error ? errorCode(error) : 'connection ended'}); polling until it reconnects`);
      const delay = Math.min(this.options.maxReconnectDelayMs, this.options.reconnectDelayMs * 2 ** this.reconnectAttempts++);
      this.reconnectTimer = setTimeout(() => void this.listen(), delay);
      this.reconnectTimer.unref();
    };
    client.on('notification', () => this.trigger());
    client.on('error', onLost);
    client.on('end', () => onLost());
    try {
      await client.connect();
      await client.query(`LISTEN ${DIRECTORY_CHANGE_CHANNEL}`);
    } catch (error) {
      onLost(error as Error);
      return;
    }
    if (lost || this.stopped) return;
    this.listening = true;
    this.reconnectAttempts = 0;
    // Whatever was committed while no one listened is in the change log: catch up from it.
    this.trigger();
  }

  /** The LISTEN connection goes to the same database as the pool (dataSourceOptions' url). */
  private connectionString(): string {
    const url = (this.dataSource.options as { url?: string }).url;
    if (!url) throw new Error('The directory change feed needs a DataSource configured with a url');
    return url;
  }
}

function defaults(options: ChangeFeedOptions): Required<ChangeFeedOptions> {
  return {
    pollIntervalMs: options.pollIntervalMs ?? 500,
    reconnectDelayMs: options.reconnectDelayMs ?? 250,
    maxReconnectDelayMs: options.maxReconnectDelayMs ?? 10_000,
    maxIncrementalIds: options.maxIncrementalIds ?? 20_000,
    loadBatchSize: options.loadBatchSize ?? DEFAULT_LOAD_BATCH,
  };
}

/** A PostgreSQL or socket error code, never the message (it can quote data). */
function errorCode(error: Error): string {
  return (error as { code?: string }).code ?? error.name;
}
