import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type pg from 'pg';

import { type DirectoryFeedDatabase, eventually, insertResource, openDirectoryFeedDatabase } from './support/directory-feed.js';

/**
 * The change log's triggers (migrations/1796300000000-directory-change-feed.ts): every write that
 * changes what the directory index holds appends the affected resource ids and notifies once per
 * statement with its highest seq; retention prunes and raises the horizon.
 */
describe('directory change log triggers', () => {
  let db: DirectoryFeedDatabase;
  let listener: pg.Client;
  const notifications: number[] = [];

  beforeAll(async () => {
    db = await openDirectoryFeedDatabase();
    listener = await db.otherConnection();
    listener.on('notification', (n) => n.channel === 'directory_change' && notifications.push(Number(n.payload)));
    await listener.query('LISTEN directory_change');
  });
  afterAll(async () => db?.close());

  const maxSeq = async (): Promise<number> =>
    Number((await db.dataSource.query('SELECT coalesce(max(seq), 0) AS s FROM directory_change'))[0].s);
  /** Change rows after `seq`, oldest first. */
  const loggedAfter = async (seq: number): Promise<{ seq: number; resource_id: string | null }[]> =>
    (await db.dataSource.query('SELECT seq, resource_id FROM directory_change WHERE seq > $1 ORDER BY seq', [seq])).map(
      (r: { seq: string; resource_id: string | null }) => ({ seq: Number(r.seq), resource_id: r.resource_id }),
    );
  let markers = 0;
  /**
   * Sends a marker notification and waits for it: notifications arrive in commit order, so every
   * one committed before it has arrived too. Returns how many have arrived.
   */
  async function flushNotifications(): Promise<number> {
    const marker = -++markers;
    await db.dataSource.query(`SELECT pg_notify('directory_change', $1)`, [String(marker)]);
    await eventually(() => notifications.includes(marker));
    return notifications.length;
  }
  /** What `write` logged, and the notifications it sent (delivered at commit). */
  async function logged(write: () => Promise<unknown>): Promise<{ ids: (string | null)[]; seqs: number[]; notified: number[] }> {
    const heard = await flushNotifications(); // earlier writes' notifications are not this one's
    const before = await maxSeq();
    await write();
    const rows = await loggedAfter(before);
    await flushNotifications();
    return { ids: rows.map((r) => r.resource_id), seqs: rows.map((r) => r.seq), notified: notifications.slice(heard).filter((n) => n > 0) };
  }

  it('logs an inserted resource and notifies its seq once', async () => {
    let id = '';
    const { ids, seqs, notified } = await logged(async () => (id = await insertResource(db.dataSource)));
    expect(ids).toEqual([id]);
    expect(notified).toEqual(seqs);
  });

  it('logs updates and deletes of a resource', async () => {
    const id = await insertResource(db.dataSource);
    expect((await logged(() => db.dataSource.query(`UPDATE resource SET name = 'Renamed' WHERE id = $1`, [id]))).ids).toEqual([id]);
    expect((await logged(() => db.dataSource.query(`DELETE FROM resource WHERE id = $1`, [id]))).ids).toEqual([id]);
  });

  it("logs a location's resource when the location is added, moved or removed", async () => {
    const id = await insertResource(db.dataSource);
    const add = await logged(() =>
      db.dataSource.query(
        `INSERT INTO resource_location (resource_id, position, city, region, country, latitude, longitude)
         VALUES ($1, 0, 'Portland', 'US-OR', 'US', 45.5, -122.6), ($1, 1, 'Salem', 'US-OR', 'US', 44.9, -123.0)`,
        [id],
      ),
    );
    expect(add.ids).toEqual([id]); // one row for the resource, not one per location
    expect(
      (
        await logged(() =>
          db.dataSource.query(`UPDATE resource_location SET city = 'Eugene' WHERE resource_id = $1 AND position = 1`, [id]),
        )
      ).ids,
    ).toEqual([id]);
    expect((await logged(() => db.dataSource.query(`DELETE FROM resource_location WHERE resource_id = $1`, [id]))).ids).toEqual([id]);
  });

  it('logs every resource of an organization whose name or website changes, and nothing for other organization updates', async () => {
    const organization = 'Feed test renamed organization';
    const a = await insertResource(db.dataSource, { organization });
    const b = await insertResource(db.dataSource, { organization, status: 'inactive' });
    const other = await insertResource(db.dataSource);
    const renamed = await logged(() =>
      db.dataSource.query(`UPDATE organization SET name = 'Feed test organization, renamed' WHERE name = $1`, [organization]),
    );
    expect([...renamed.ids].sort()).toEqual([a, b].sort());
    expect(renamed.ids).not.toContain(other);
    expect(renamed.notified).toEqual([Math.max(...renamed.seqs)]); // one statement, one notification
    const moved = await logged(() =>
      db.dataSource.query(`UPDATE organization SET website = 'https://example.org/moved' WHERE name = 'Feed test organization, renamed'`),
    );
    expect([...moved.ids].sort()).toEqual([a, b].sort());
    // The seed upsert touches updated_at of every organization it meets: not a directory change.
    const touched = await logged(() => db.dataSource.query(`UPDATE organization SET updated_at = now()`));
    expect(touched).toEqual({ ids: [], seqs: [], notified: [] });
  });

  it('logs a bulk insert as one row per resource with a single notification', async () => {
    const [{ id: organizationId }] = await db.dataSource.query(`INSERT INTO organization (name) VALUES ('Feed test bulk') RETURNING id`);
    const { ids, seqs, notified } = await logged(() =>
      db.dataSource.query(
        `INSERT INTO resource (slug, organization_id, name, kind)
         SELECT 'feed-test-bulk-' || n, $1, 'Bulk ' || n, 'practice' FROM generate_series(1, 1000) n`,
        [organizationId],
      ),
    );
    expect(new Set(ids).size).toBe(1000);
    expect(notified).toEqual([Math.max(...seqs)]);
  });

  it('logs and notifies nothing for a rolled-back write or a statement that changes no row', async () => {
    const client = await db.otherConnection();
    const rolledBack = await logged(async () => {
      await client.query('BEGIN');
      await insertResource(client);
      await client.query('ROLLBACK');
    });
    expect(rolledBack).toEqual({ ids: [], seqs: [], notified: [] });
    expect(await logged(() => db.dataSource.query(`UPDATE resource SET name = 'x' WHERE false`))).toEqual({
      ids: [],
      seqs: [],
      notified: [],
    });
  });

  it('records the writing transaction, so a reader can find rows committed out of seq order', async () => {
    const client = await db.otherConnection();
    await client.query('BEGIN');
    const [{ xid }] = (await client.query('SELECT pg_current_xact_id()::text AS xid')).rows;
    const id = await insertResource(client);
    await client.query('COMMIT');
    const [row] = await db.dataSource.query(`SELECT xid::text FROM directory_change WHERE resource_id = $1`, [id]);
    expect(row.xid).toBe(xid);
  });

  it('prunes rows older than the cutoff and raises the horizon to the highest seq removed, never lowering it', async () => {
    await insertResource(db.dataSource);
    const newest = await maxSeq();
    const horizon = async () => Number((await db.dataSource.query('SELECT pruned_through_seq AS h FROM directory_change_horizon'))[0].h);
    expect(await db.changes.pruneChangesBefore(new Date(Date.now() - 86_400_000))).toBe(0);
    expect(await horizon()).toBe(0);
    const total = Number((await db.dataSource.query('SELECT count(*) AS n FROM directory_change'))[0].n);
    expect(await db.changes.pruneChangesBefore(new Date(Date.now() + 60_000))).toBe(total);
    expect(await horizon()).toBe(newest);
    expect(await db.changes.pruneChangesBefore(new Date(Date.now() + 60_000))).toBe(0);
    expect(await horizon()).toBe(newest);
  });
});
