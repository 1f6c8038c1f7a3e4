import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { Logger } from '@nestjs/common';
import type pg from 'pg';

import type { ChangeFeedOptions, DirectoryChangeFeed } from '../src/resources/directory-index/change-feed.js';
import { FEED_LISTENER_NAME } from '../src/resources/directory-index/change-feed.js';
import {
  type DirectoryFeedDatabase,
  eventually,
  FakeIndex,
  insertResource,
  killListener,
  openDirectoryFeedDatabase,
} from './support/directory-feed.js';

/**
 * The change feed against real PostgreSQL, with a fake index as its sink: writes from another
 * connection (another instance) arrive by NOTIFY, by the poll when the LISTEN connection is gone,
 * and by catching up from the log after it reconnects; a writer reads its own writes; pruning past
 * the feed and TRUNCATE rebuild; bursts coalesce into serial catch-ups.
 */
describe('directory change feed', () => {
  let db: DirectoryFeedDatabase;
  let feed: DirectoryChangeFeed;
  let index: FakeIndex;

  beforeAll(async () => {
    Logger.overrideLogger(false); // the feed logs lost listeners and rebuilds: expected here
    db = await openDirectoryFeedDatabase();
  });
  afterEach(async () => feed?.stop());
  afterAll(async () => db?.close());

  /** Poll and reconnect far apart: only what the test does moves the feed. */
  const QUIET: ChangeFeedOptions = { pollIntervalMs: 3_600_000, reconnectDelayMs: 3_600_000 };
  async function startFeed(options: ChangeFeedOptions = {}): Promise<void> {
    feed = db.newFeed();
    index = new FakeIndex();
    feed.start(index, options);
    await eventually(() => feed.status().built && feed.status().listening);
  }
  /** A feed that hears nothing by itself: listener killed and not reconnecting, no poll. */
  async function startDeafFeed(): Promise<void> {
    await startFeed(QUIET);
    await killListener(db.dataSource, FEED_LISTENER_NAME);
    await eventually(() => !feed.status().listening);
  }
  let writer: pg.Client | undefined;
  /** Renames from another connection, as another instance would write. */
  const rename = async (id: string, name: string) => {
    writer ??= await db.otherConnection();
    await writer.query('UPDATE resource SET name = $2 WHERE id = $1', [id, name]);
  };
  const maxSeq = async () => Number((await db.dataSource.query('SELECT max(seq) AS s FROM directory_change'))[0].s);

  it('builds the index from every resource and reports itself built, listening and current', async () => {
    await startFeed();
    const [{ n }] = await db.dataSource.query('SELECT count(*)::int AS n FROM resource');
    expect(index.rows.size).toBe(n);
    expect(index.rebuilds).toBe(1);
    const status = feed.status();
    expect(status).toMatchObject({ built: true, listening: true, lastAppliedSeq: await maxSeq() });
    await eventually(() => feed.status().lagMs! < 1_000); // the poll keeps confirming it is current
  });

  it('applies a change committed by another connection within 1 s, through NOTIFY', async () => {
    await startFeed({ pollIntervalMs: 3_600_000 });
    const id = await insertResource(db.dataSource);
    await eventually(() => index.rows.has(id));
    const committed = Date.now();
    await rename(id, 'Renamed elsewhere');
    await eventually(() => index.rows.get(id)?.name === 'Renamed elsewhere');
    expect(Date.now() - committed).toBeLessThan(1_000);
    expect(feed.status().lastAppliedSeq).toBe(await maxSeq());
  });

  it('keeps applying changes within about a second by polling while the LISTEN connection is down', async () => {
    await startFeed({ pollIntervalMs: 500, reconnectDelayMs: 3_600_000 });
    expect(await killListener(db.dataSource, FEED_LISTENER_NAME)).toBe(1);
    await eventually(() => !feed.status().listening);
    const committed = Date.now();
    const id = await insertResource(db.dataSource, { name: 'Added while deaf' });
    await eventually(() => index.rows.has(id));
    // 500 ms poll + one catch-up; the margin is for a busy 2-core CI machine.
    expect(Date.now() - committed).toBeLessThan(1_500);
    expect(feed.status().listening).toBe(false);
  });

  it('reconnects after the LISTEN connection is killed and catches up on what was committed meanwhile', async () => {
    await startFeed({ pollIntervalMs: 3_600_000, reconnectDelayMs: 2_000 });
    await killListener(db.dataSource, FEED_LISTENER_NAME);
    await eventually(() => !feed.status().listening);
    const id = await insertResource(db.dataSource, { name: 'Added while disconnected' });
    expect(feed.status().listening).toBe(false); // committed before the feed listens again
    await eventually(() => feed.status().listening);
    await eventually(() => index.rows.get(id)?.name === 'Added while disconnected');
    // …and hears the next change by NOTIFY again.
    await rename(id, 'Heard after reconnecting');
    await eventually(() => index.rows.get(id)?.name === 'Heard after reconnecting');
  });

  it('reads its own writes: refreshNow() after commit applies them before it resolves, without NOTIFY or poll', async () => {
    await startDeafFeed();
    const id = await insertResource(db.dataSource, { name: 'Written here' });
    expect(index.rows.has(id)).toBe(false);
    await feed.refreshNow();
    expect(index.rows.get(id)?.name).toBe('Written here');

    await db.dataSource.query(`UPDATE resource SET name = 'Written again' WHERE id = $1`, [id]);
    await feed.waitFor(await maxSeq());
    expect(index.rows.get(id)?.name).toBe('Written again');
    expect(feed.status().lastAppliedSeq).toBe(await maxSeq());
    await feed.waitFor(1); // long applied: resolves
  });

  it('applies a change that committed after a later-numbered one once it commits', async () => {
    await startDeafFeed();
    const slow = await db.otherConnection();
    await slow.query('BEGIN');
    const early = await insertResource(slow);
    const [{ s: earlySeq }] = (await slow.query('SELECT max(seq) AS s FROM directory_change WHERE resource_id = $1', [early])).rows;
    const late = await insertResource(db.dataSource);
    await feed.refreshNow();
    expect(index.rows.has(late)).toBe(true);
    expect(index.rows.has(early)).toBe(false);
    expect(feed.status().lastAppliedSeq).toBeGreaterThan(Number(earlySeq));

    await slow.query('COMMIT');
    await feed.waitFor(Number(earlySeq)); // below lastAppliedSeq, but not applied yet: waitFor must not trust the number alone
    expect(index.rows.has(early)).toBe(true);
  });

  it('rebuilds when the changes it had not read were pruned', async () => {
    await startDeafFeed();
    const id = await insertResource(db.dataSource, { name: 'Pruned before it was read' });
    expect(await db.changes.pruneChangesBefore(new Date(Date.now() + 60_000))).toBeGreaterThan(0);
    await feed.refreshNow();
    expect(index.rebuilds).toBe(2);
    expect(index.rows.get(id)?.name).toBe('Pruned before it was read');
    expect(feed.status().lastAppliedSeq).toBe(
      Number((await db.dataSource.query('SELECT pruned_through_seq AS h FROM directory_change_horizon'))[0].h),
    );
  });

  it('rebuilds in the background when the index asks to compact what it has taken since its build', async () => {
    await startDeafFeed();
    index.compactAfter = 2;
    const id = await insertResource(db.dataSource, { name: 'First change' });
    await feed.refreshNow();
    expect(index.rebuilds).toBe(1);
    await rename(id, 'Second change');
    await feed.refreshNow(); // applied, then the index asks for compaction
    expect(index.rows.get(id)?.name).toBe('Second change');
    await eventually(() => index.rebuilds === 2);
    expect(index.rows.get(id)?.name).toBe('Second change');
    expect(feed.status().lastAppliedSeq).toBe(await maxSeq());
  });

  it('serialises catch-ups and coalesces a burst of changes into one catch-up after the one running', async () => {
    await startFeed({ pollIntervalMs: 50 });
    const ids = await Promise.all(Array.from({ length: 5 }, () => insertResource(db.dataSource)));
    await eventually(() => ids.every((id) => index.rows.has(id)));
    const appliedBefore = index.applied.length;

    index.hold(); // the next apply waits: everything after it piles up
    await rename(ids[0], 'Burst 0');
    await eventually(() => index.busy); // held in apply
    for (let round = 1; round <= 30; round++) await rename(ids[round % ids.length], `Burst ${round}`);
    const waiters = Array.from({ length: 10 }, () => feed.refreshNow());
    index.unhold();
    await Promise.all(waiters);

    expect(index.applied.length - appliedBefore).toBe(2); // the held one, then one for all the rest
    expect(index.maxConcurrent).toBe(1);
    for (const [i, id] of ids.entries()) expect(index.rows.get(id)?.name).toBe(`Burst ${i === 0 ? 30 : 25 + i}`);
  });

  it('rebuilds after a TRUNCATE', async () => {
    await startDeafFeed();
    expect(index.rows.size).toBeGreaterThan(0);
    await db.dataSource.query('TRUNCATE resource CASCADE');
    await feed.refreshNow();
    expect(index.rebuilds).toBe(2);
    expect(index.rows.size).toBe(0);
  });

  it('stops cleanly: no listener left on the server, waiters rejected, not built', async () => {
    await startFeed();
    await feed.stop();
    const listeners = await db.dataSource.query(
      `SELECT 1 FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()`,
      [FEED_LISTENER_NAME],
    );
    expect(listeners).toEqual([]);
    expect(feed.status()).toEqual({ built: false, lastAppliedSeq: null, lagMs: null, listening: false });
    await expect(feed.refreshNow()).rejects.toThrow();
  });
});
