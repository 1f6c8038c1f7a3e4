import { randomUUID } from 'node:crypto';

import pg from 'pg';
import { DataSource } from 'typeorm';

import { dataSourceOptions } from '../../src/database/data-source-options.js';
import { DirectoryChangeFeed } from '../../src/resources/directory-index/change-feed.js';
import type { DirectoryChanges, DirectoryChangeSink, LoadAllRows } from '../../src/resources/directory-index/directory-change.js';
import { DirectoryChangeRepository } from '../../src/resources/directory-index/directory-change.repository.js';
import { IndexLoader } from '../../src/resources/directory-index/index-loader.js';
import type { IndexRow } from '../../src/resources/directory-index/index-row.js';
import { createTestDatabase } from './test-database.js';

/** A fresh clone of the seeded template, with the directory index's feed parts built on it. */
export interface DirectoryFeedDatabase {
  url: string;
  dataSource: DataSource;
  changes: DirectoryChangeRepository;
  loader: IndexLoader;
  newFeed: () => DirectoryChangeFeed;
  /** A separate connection, as another instance (or a psql session) would write. */
  otherConnection: () => Promise<pg.Client>;
  close: () => Promise<void>;
}

export async function openDirectoryFeedDatabase(): Promise<DirectoryFeedDatabase> {
  const url = await createTestDatabase();
  const dataSource = await new DataSource(dataSourceOptions(url, 4)).initialize();
  const changes = new DirectoryChangeRepository(dataSource);
  const loader = new IndexLoader(dataSource, changes);
  const feeds: DirectoryChangeFeed[] = [];
  const clients: pg.Client[] = [];
  return {
    url,
    dataSource,
    changes,
    loader,
    newFeed: () => {
      const feed = new DirectoryChangeFeed(loader, changes, dataSource);
      feeds.push(feed);
      return feed;
    },
    otherConnection: async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      clients.push(client);
      return client;
    },
    close: async () => {
      for (const feed of feeds) await feed.stop();
      for (const client of clients) await client.end().catch(() => undefined);
      await dataSource.destroy();
    },
  };
}

/** Inserts a minimal resource (and its organization) and returns its id. */
export async function insertResource(
  db: { query: (text: string, values?: unknown[]) => Promise<unknown> },
  options: { name?: string; organization?: string; status?: 'active' | 'inactive' } = {},
): Promise<string> {
  const suffix = randomUUID().slice(0, 8);
  const organization = options.organization ?? `Feed test organization ${suffix}`;
  await db.query(`INSERT INTO organization (name) VALUES ($1) ON CONFLICT (name) DO NOTHING`, [organization]);
  const result = await db.query(
    `INSERT INTO resource (slug, organization_id, name, kind, status)
     SELECT $1, o.id, $2, 'practice', $3 FROM organization o WHERE o.name = $4 RETURNING id`,
    [`feed-test-${suffix}`, options.name ?? `Feed test ${suffix}`, options.status ?? 'active', organization],
  );
  const rows = Array.isArray(result) ? result : (result as pg.QueryResult).rows;
  return rows[0].id;
}

/** Terminates the feed's LISTEN connection(s) on this database, as a network fault or failover would. */
export async function killListener(db: DataSource, applicationName: string): Promise<number> {
  const rows = await db.query(
    `SELECT pg_terminate_backend(pid) AS killed FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()`,
    [applicationName],
  );
  return rows.length;
}

/** Polls `check` until it holds; a generous deadline for a busy machine, not a timing assertion. */
export async function eventually(check: () => boolean | Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline;) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  if (!(await check())) throw new Error('condition not met in time');
}

/**
 * The index stand-in: a map by id. Records what the feed did and checks it never calls in
 * concurrently; `hold()` makes apply() wait until released, to pile changes up behind it.
 */
export class FakeIndex implements DirectoryChangeSink {
  rows = new Map<string, IndexRow>();
  rebuilds = 0;
  applied: (DirectoryChanges & { at: number })[] = [];
  /** When set, the index asks for compaction once it has applied this many batches since its build. */
  compactAfter?: number;
  maxConcurrent = 0;
  private active = 0;
  private appliedSinceBuild = 0;

  wantsCompaction(): boolean {
    return this.compactAfter !== undefined && this.appliedSinceBuild >= this.compactAfter;
  }

  private gate?: Promise<void>;
  private release?: () => void;

  async rebuild(load: LoadAllRows): Promise<void> {
    await this.enter(async () => {
      const next = new Map<string, IndexRow>();
      await load((batch) => {
        for (const row of batch) next.set(row.id, row);
      });
      this.rows = next;
      this.rebuilds++;
      this.appliedSinceBuild = 0;
    });
  }

  async apply(changes: DirectoryChanges): Promise<void> {
    await this.enter(async () => {
      await this.gate;
      for (const row of changes.upserts) this.rows.set(row.id, row);
      for (const id of changes.removals) this.rows.delete(id);
      this.applied.push({ ...changes, at: Date.now() });
      this.appliedSinceBuild++;
    });
  }

  /** rebuild() or apply() is running. */
  get busy(): boolean {
    return this.active > 0;
  }

  hold(): void {
    this.gate = new Promise((resolve) => (this.release = resolve));
  }

  unhold(): void {
    this.release?.();
    this.gate = undefined;
  }

  private async enter(work: () => Promise<void>): Promise<void> {
    this.active++;
    this.maxConcurrent = Math.max(this.maxConcurrent, this.active);
    try {
      await work();
    } finally {
      this.active--;
    }
  }
}
