import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestApp, type TestApp } from './support/test-app.js';

/**
 * Issue 11, item 10: revocation and suspension reach other instances at once. The auth cache is
 * set to an hour, so only the broadcast (not the cache expiring) can make the second instance
 * refuse the key; the loop waits for the message to arrive, it does not time anything.
 */
async function eventually(check: () => Promise<boolean>): Promise<boolean> {
  for (let i = 0; i < 100; i++) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}

describe.each([
  ['PostgreSQL NOTIFY', false],
  ['Redis pub/sub', true],
])('key revocation broadcast over %s', (_name, useRedis) => {
  let one: TestApp;
  let two: TestApp;
  beforeAll(async () => {
    const overrides: Record<string, string> = { AUTH_CACHE_SECONDS: '3600', RATE_LIMIT_REDIS_PREFIX: `mend-test:${Date.now()}:${Math.random().toString(36).slice(2)}` };
    if (useRedis) overrides.REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
    one = await createTestApp(overrides);
    two = await createTestApp(overrides, [], { databaseUrl: one.databaseUrl });
  });
  afterAll(async () => {
    await two.close();
    await one.close();
  });

  it('a key revoked on one instance stops working on the other at once', async () => {
    const p = await one.createPartner({ name: 'revoked-elsewhere' });
    const { body: extra } = await one.http().post('/v1/partners/' + p.partnerId + '/keys').set('Authorization', (await one.createPartner({ name: 'admin-1', scopes: ['admin'] })).auth)
      .send({ kind: 'secret', scopes: ['directory:read'] }).expect(201);
    await two.http().get('/v1/resources?limit=1').set('Authorization', `Bearer ${extra.key}`).expect(200); // now cached on instance two
    await one.http().post(`/v1/keys/${extra.id}/revoke`).set('Authorization', p.auth).expect(200);
    expect(await eventually(async () => (await two.http().get('/v1/resources?limit=1').set('Authorization', `Bearer ${extra.key}`)).status === 401)).toBe(true);
  });

  it('a partner suspended on one instance is refused on the other at once, and works again when reactivated', async () => {
    const admin = await one.createPartner({ name: 'admin-2', scopes: ['admin'] });
    const p = await one.createPartner({ name: 'suspended-elsewhere' });
    await two.http().get('/v1/resources?limit=1').set('Authorization', p.auth).expect(200);
    await one.http().patch(`/v1/partners/${p.partnerId}`).set('Authorization', admin.auth).send({ status: 'suspended' }).expect(200);
    expect(await eventually(async () => (await two.http().get('/v1/resources?limit=1').set('Authorization', p.auth)).status === 401)).toBe(true);
    await one.http().patch(`/v1/partners/${p.partnerId}`).set('Authorization', admin.auth).send({ status: 'active' }).expect(200);
    expect(await eventually(async () => (await two.http().get('/v1/resources?limit=1').set('Authorization', p.auth)).status === 200)).toBe(true);
    expect((await one.http().patch(`/v1/partners/${p.partnerId}`).set('Authorization', admin.auth).send({ status: 'gone' })).status).toBe(400);
  });
});
