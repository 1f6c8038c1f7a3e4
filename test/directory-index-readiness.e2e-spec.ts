import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';

import { createTestApp, type TestApp, waitForDirectoryIndex } from './support/test-app.js';
import { createTestDatabase } from './support/test-database.js';

/**
 * Until the directory index is built, readiness is 503 and directory reads answer 503 with
 * Retry-After, never an empty result. The build is held back by a lock on the resource table.
 */
describe('readiness and the directory index', () => {
  let t: TestApp;
  let locker: pg.Client;
  let partnerAuth: string;

  beforeAll(async () => {
    const url = await createTestDatabase();
    // The partner is made first: its key row references the resource table, which the lock below blocks.
    const setup = await createTestApp({}, [], { databaseUrl: url });
    partnerAuth = (await setup.createPartner()).auth;
    await setup.close();
    locker = new pg.Client({ connectionString: url });
    await locker.connect();
    await locker.query('BEGIN');
    await locker.query('LOCK TABLE resource IN ACCESS EXCLUSIVE MODE');
    t = await createTestApp({}, [], { databaseUrl: url, waitForIndex: false });
  });
  afterAll(async () => {
    await locker?.end().catch(() => undefined);
    await t?.close();
  });

  it('is not ready, and directory reads are 503 directory_not_ready, while the index is being built', async () => {
    const ready = await t.http().get('/health/ready').expect(503);
    expect(ready.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(ready.headers['retry-after']).toBeDefined();
    expect(ready.body).toMatchObject({
      code: 'not_ready',
      checks: { directoryIndex: { status: 'down', built: false, lastAppliedSeq: null } },
    });

    const search = await t.http().get('/v1/resources?kind=practice').expect(503);
    expect(search.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(search.headers['retry-after']).toBe('5');
    expect(search.body.code).toBe('directory_not_ready');

    const intake = await t
      .http()
      .post('/v1/intakes')
      .set('Authorization', partnerAuth)
      .send({ concerns: ['infidelity'], willingness: 'both', postalCode: '43215' })
      .expect(503);
    expect(intake.body.code).toBe('directory_not_ready');
  });

  it('is ready once built, and reports the index', async () => {
    await locker.query('COMMIT');
    await waitForDirectoryIndex(t.app);
    const ready = await t.http().get('/health/ready').expect(200);
    expect(ready.body.info.database.status).toBe('up');
    const index = ready.body.info.directoryIndex;
    expect(index).toMatchObject({ status: 'up', built: true, listening: expect.any(Boolean) });
    expect(index.resources).toBeGreaterThan(100);
    expect(index.active).toBeGreaterThan(0);
    expect(index.lastAppliedSeq).toEqual(expect.any(Number));
    expect(index.lagMs).toEqual(expect.any(Number));
    expect((await t.http().get('/v1/resources?kind=practice').expect(200)).body.data.length).toBeGreaterThan(0);
  });
});
