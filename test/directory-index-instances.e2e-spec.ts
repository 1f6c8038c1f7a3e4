import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Logger } from '@nestjs/common';
import pg from 'pg';

import { FEED_LISTENER_NAME } from '../src/resources/directory-index/change-feed.js';
import { DirectorySearch } from '../src/resources/directory-search.js';
import type { ResourceResponse } from '../src/resources/dto/resource.response.js';
import { eventually } from './support/directory-feed.js';
import { createTestApp, type TestApp, type TestPartner } from './support/test-app.js';
import { createTestDatabase } from './support/test-database.js';

/**
 * Two instances of one deployment on one database, each with its own in-memory index: a write
 * through one is searchable on the other within a second (NOTIFY), and keeps arriving when the
 * other's LISTEN connection is killed (the poll, then the reconnect's catch-up).
 */
describe('directory index across two instances', () => {
  let a: TestApp;
  let b: TestApp;
  let admin: pg.Client;
  let writer: TestPartner;
  let bListenerPid: number;

  const listenerPids = async (): Promise<number[]> =>
    (
      await admin.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()`, [
        FEED_LISTENER_NAME,
      ])
    ).rows.map((r) => r.pid);
  const namesOnB = async (q: string): Promise<string[]> =>
    ((await b.http().get(`/v1/resources?q=${q}`).expect(200)).body.data as ResourceResponse[]).map((r) => r.name);

  async function rename(id: string, name: string): Promise<void> {
    const etag = (await a.http().get(`/v1/resources/${id}`).expect(200)).headers.etag;
    await a.http().patch(`/v1/resources/${id}`).set('Authorization', writer.auth).set('If-Match', etag).send({ name }).expect(200);
  }

  beforeAll(async () => {
    Logger.overrideLogger(false); // B's feed logs its lost listener: expected here
    const url = await createTestDatabase();
    admin = new pg.Client({ connectionString: url });
    await admin.connect();
    a = await createTestApp({}, [], { databaseUrl: url });
    await eventually(() => a.app.get(DirectorySearch).status().listening);
    const before = await listenerPids();
    b = await createTestApp({}, [], { databaseUrl: url });
    await eventually(async () => b.app.get(DirectorySearch).status().listening && (await listenerPids()).length > before.length);
    bListenerPid = (await listenerPids()).find((pid) => !before.includes(pid))!;
    writer = await a.createPartner({ name: 'curator', scopes: ['directory:read', 'resources:write'] });
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
    await admin?.end();
  });

  const practiceId = async (): Promise<string> =>
    ((await a.http().get('/v1/resources?kind=practice&limit=1').expect(200)).body.data as ResourceResponse[])[0].id;

  it('a PATCH on A is found by a search on B within a second', async () => {
    const id = await practiceId();
    await rename(id, 'Quorvexia Couples Practice');
    const patched = Date.now();
    await eventually(async () => (await namesOnB('Quorvexia')).includes('Quorvexia Couples Practice'), 1_000);
    expect(Date.now() - patched).toBeLessThan(1_000);
  });

  it("catches up when B's LISTEN connection is killed: by the poll meanwhile, and on reconnecting", async () => {
    const killed = await admin.query(`SELECT pg_terminate_backend($1)`, [bListenerPid]);
    expect(killed.rowCount).toBe(1);
    await eventually(() => !b.app.get(DirectorySearch).status().listening);

    const id = await practiceId();
    await rename(id, 'Zembrathia Family Therapy');
    await eventually(async () => (await namesOnB('Zembrathia')).includes('Zembrathia Family Therapy'));

    // The listener comes back, and changes arrive by notification again.
    await eventually(() => b.app.get(DirectorySearch).status().listening);
    await rename(id, 'Plovendra Family Therapy');
    await eventually(async () => (await namesOnB('Plovendra')).includes('Plovendra Family Therapy'));
    expect(await namesOnB('Zembrathia')).toEqual([]);
    expect(b.app.get(DirectorySearch).status()).toMatchObject({ built: true, ready: true });
  });
});
