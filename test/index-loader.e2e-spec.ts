import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';

import type { FeedPosition } from '../src/resources/directory-index/directory-change.js';
import type { IndexRow } from '../src/resources/directory-index/index-row.js';
import { ResourcesRepository } from '../src/resources/resources.repository.js';
import { type DirectoryFeedDatabase, insertResource, openDirectoryFeedDatabase } from './support/directory-feed.js';

/**
 * The index loader on the seeded directory: full loads in keyset batches with the feed position of
 * the same snapshot, rows by id, and catch-ups that find every change committed since a position,
 * including changes committed out of seq order.
 */
describe('index loader', () => {
  let db: DirectoryFeedDatabase;
  beforeAll(async () => {
    db = await openDirectoryFeedDatabase();
  });
  afterAll(async () => db?.close());

  const loadAll = async (batchSize: number, onBatch?: (rows: IndexRow[], n: number) => Promise<void>) => {
    const batches: IndexRow[][] = [];
    const position = await db.loader.loadAll(
      async (rows) => {
        batches.push(rows);
        await onBatch?.(rows, batches.length);
      },
      { batchSize },
    );
    return { position, batches, rows: batches.flat() };
  };
  const seqOf = async (resourceId: string): Promise<number> =>
    Number((await db.dataSource.query('SELECT max(seq) AS s FROM directory_change WHERE resource_id = $1', [resourceId]))[0].s);

  it('streams every resource, active and inactive, once, in id order, in batches of at most the batch size', async () => {
    const inactive = await insertResource(db.dataSource, { status: 'inactive' });
    const { batches, rows } = await loadAll(7);
    const [{ n }] = await db.dataSource.query('SELECT count(*)::int AS n FROM resource');
    expect(rows).toHaveLength(n);
    expect(batches.length).toBe(Math.ceil(n / 7));
    expect(batches.every((b) => b.length <= 7)).toBe(true);
    const ids = rows.map((r) => r.id);
    expect(new Set(ids).size).toBe(n);
    const [{ sorted }] = await db.dataSource.query('SELECT array_agg(id::text ORDER BY id) AS sorted FROM resource');
    expect(ids).toEqual(sorted);
    expect(rows.find((r) => r.id === inactive)?.status).toBe('inactive');
  });

  it('gives each resource as the directory queries do, plus the derived columns the index filters on', async () => {
    const id = await insertResource(db.dataSource, { name: 'Loader couples practice' });
    await db.dataSource.query(
      `UPDATE resource SET insurance_accepted = true, insurers = '{Aetna,Cigna}', insurer_keys = '{aetna,cigna}', fee_min = 9000,
         location_regions = '{US-OR,US}', description = 'Counseling for couples rebuilding trust' WHERE id = $1`,
      [id],
    );
    // Inserted out of position order: the row lists them by position.
    await db.dataSource.query(
      `INSERT INTO resource_location (resource_id, position, city, region, country, latitude, longitude)
       VALUES ($1, 1, 'Salem', 'US-OR', 'US', 44.9, -123.0), ($1, 0, 'Portland', 'US-OR', 'US', 45.5, -122.6)`,
      [id],
    );
    const { rows } = await loadAll(10_000);
    const row = rows.find((r) => r.id === id)!;
    const { insurer_keys, location_regions, fee_sort, search_vector, ...directoryRow } = row;
    expect(directoryRow).toEqual(await new ResourcesRepository(db.dataSource).findByIdOrSlug(id));
    const [stored] = await db.dataSource.query(
      'SELECT insurer_keys, location_regions, fee_sort, search_vector::text AS search_vector FROM resource WHERE id = $1',
      [id],
    );
    expect({ insurer_keys, location_regions, fee_sort, search_vector }).toEqual(stored);
    expect({ insurer_keys, location_regions, fee_sort }).toEqual({
      insurer_keys: ['aetna', 'cigna'],
      location_regions: ['US-OR', 'US'],
      fee_sort: 9000,
    });
    expect(search_vector).toContain("'coupl':");
    expect(row.locations.map((l) => l.city)).toEqual(['Portland', 'Salem']);
  });

  it('reads one snapshot: a change committed during the load is not in it and comes after its position', async () => {
    const [last] = await db.dataSource.query('SELECT id FROM resource ORDER BY id DESC LIMIT 1'); // loaded in the last batch
    const writer = await db.otherConnection();
    let added = '';
    const { position, rows } = await loadAll(5, async (_rows, n) => {
      if (n !== 1) return;
      await writer.query(`UPDATE resource SET name = 'Changed during the load' WHERE id = $1`, [last.id]);
      added = await insertResource(writer);
    });
    expect(rows.find((r) => r.id === last.id)?.name).not.toBe('Changed during the load');
    expect(rows.some((r) => r.id === added)).toBe(false);
    expect(position.seq).toBeLessThan(await seqOf(last.id));
    expect(await db.changes.hasUnapplied(position)).toBe(true);
    const caught = await db.loader.loadChangesSince(position, 100);
    if (caught.rebuild) throw new Error('expected changes');
    expect(caught.upserts.map((r) => r.id).sort()).toEqual([last.id, added].sort());
    expect(caught.upserts.find((r) => r.id === last.id)?.name).toBe('Changed during the load');
    expect(caught.position.seq).toBe(await seqOf(added));
    expect(await db.changes.hasUnapplied(caught.position)).toBe(false);
  });

  it('loads rows by id; an id with no row is not returned', async () => {
    const id = await insertResource(db.dataSource, { name: 'Loaded by id' });
    const gone = await insertResource(db.dataSource);
    await db.dataSource.query('DELETE FROM resource WHERE id = $1', [gone]);
    const rows = await db.loader.loadByIds([id, gone]);
    expect(rows.map((r) => [r.id, r.name])).toEqual([[id, 'Loaded by id']]);
    expect(await db.loader.loadByIds([])).toEqual([]);
  });

  it('reports deleted resources as removals', async () => {
    const id = await insertResource(db.dataSource);
    const { position } = await loadAll(10_000);
    await db.dataSource.query('DELETE FROM resource WHERE id = $1', [id]);
    const caught = await db.loader.loadChangesSince(position, 100);
    expect(caught).toMatchObject({ rebuild: false, upserts: [], removals: [id] });
  });

  it('finds a change committed after its position with a lower seq (a transaction that was open when the position was read)', async () => {
    const slow = await db.otherConnection();
    const fast = await db.otherConnection();
    await slow.query('BEGIN');
    const early = await insertResource(slow); // takes its seq now, commits last
    const late = await insertResource(fast);
    expect(await seqOf(late)).toBeGreaterThan(0);
    const { position } = await loadAll(10_000);
    expect(position.seq).toBe(await seqOf(late));

    // Before the slow transaction commits, nothing is left to apply beyond what was loaded.
    expect(await db.changes.hasUnapplied(position)).toBe(false);
    await slow.query('COMMIT');
    expect(await seqOf(early)).toBeLessThan(position.seq);
    expect(await db.changes.hasUnapplied(position)).toBe(true);
    const caught = await db.loader.loadChangesSince(position, 100);
    if (caught.rebuild) throw new Error('expected changes');
    expect(caught.upserts.map((r) => r.id)).toEqual([early]);
    expect(caught.position.seq).toBe(position.seq);
    expect(await db.changes.hasUnapplied(caught.position)).toBe(false);
  });

  it('asks for a rebuild when changes it never read were pruned, the directory was truncated, or too much changed', async () => {
    const position: FeedPosition = (await loadAll(10_000)).position;
    for (let i = 0; i < 3; i++) await insertResource(db.dataSource);
    expect(await db.loader.loadChangesSince(position, 2)).toEqual({ rebuild: true, reason: 'too_many_changes' });
    expect((await db.loader.loadChangesSince(position, 3)).rebuild).toBe(false);

    await db.changes.pruneChangesBefore(new Date(Date.now() + 60_000));
    expect(await db.changes.hasUnapplied(position)).toBe(true);
    expect(await db.loader.loadChangesSince(position, 100)).toEqual({ rebuild: true, reason: 'pruned' });

    // A position read after pruning starts at the horizon and has nothing to apply.
    const fresh = (await loadAll(10_000)).position;
    expect(fresh.seq).toBeGreaterThan(position.seq);
    expect(await db.changes.hasUnapplied(fresh)).toBe(false);

    await db.dataSource.query('TRUNCATE resource CASCADE');
    expect(await db.loader.loadChangesSince(fresh, 100)).toEqual({ rebuild: true, reason: 'truncated' });
    expect((await loadAll(10_000)).rows).toEqual([]);
  });
});
