import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';

import { generateSyntheticResources } from '../seeds/synthetic.js';
import { createTestApp, type TestApp, waitForDirectoryIndex } from './support/test-app.js';

/** Exact totals on a directory of ~1,600 rows (curated + synthetic). */
describe('GET /v1/resources on a larger directory', () => {
  let t: TestApp;
  let active: number;
  beforeAll(async () => {
    t = await createTestApp();
    const pool = new pg.Pool({ connectionString: t.databaseUrl, max: 2 });
    try {
      await generateSyntheticResources(pool, 1500, { seed: 7, vacuum: false });
      // Searches leave out programs for people who use abuse unless asked for (eligibility filter),
      // and never list a demo hotline (a fictional number someone could call).
      active = Number(
        (
          await pool.query(
            `SELECT count(*) FROM resource WHERE status = 'active' AND NOT ('people_who_use_abuse' = ANY(eligibility))
               AND NOT (kind = 'hotline' AND demo)`,
          )
        ).rows[0].count,
      );
    } finally {
      await pool.end();
    }
    await waitForDirectoryIndex(t.app);
  }, 120_000);
  afterAll(() => t.close());

  it('counts every match exactly, even without facets (no cap)', async () => {
    expect(active).toBeGreaterThan(1000);
    const res = await t.http().get('/v1/resources?limit=5').expect(200);
    expect(res.body.page).toMatchObject({ total: active, totalExact: true });
  });

  it('counts exactly when facets are requested, and the facets agree', async () => {
    const res = await t.http().get('/v1/resources?limit=5&facets=kind').expect(200);
    expect(res.body.page).toMatchObject({ total: active, totalExact: true });
    const sum = res.body.facets.kind.reduce((n: number, f: { count: number }) => n + f.count, 0);
    expect(sum).toBe(active);
  });

  it('carries the first page total to the next pages', async () => {
    const first = await t.http().get('/v1/resources?format=video&limit=50&facets=format').expect(200);
    const second = await t.http().get(`/v1/resources?format=video&limit=50&facets=format&cursor=${first.body.page.nextCursor}`).expect(200);
    expect(second.body.page.total).toBe(first.body.page.total);
    const plain = await t.http().get('/v1/resources?format=video&limit=50').expect(200);
    const next = await t.http().get(`/v1/resources?format=video&limit=50&cursor=${plain.body.page.nextCursor}`).expect(200);
    expect(next.body.page).toMatchObject({ total: plain.body.page.total, totalExact: plain.body.page.totalExact });
  });
});
