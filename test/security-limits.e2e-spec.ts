import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import { getRepositoryToken } from '@nestjs/typeorm';

import { ApiKey } from '../src/partners/api-key.entity.js';
import { generateKey } from '../src/partners/api-key.format.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/** Issue 11: TRUST_PROXY, publishable-key sub-limits, limits before key lookups, secrets and production defaults. */
const INTAKE = { concerns: ['lying'], willingness: 'both', region: 'US-OH' };
const fresh = () => `mend-test:${Date.now()}:${Math.random().toString(36).slice(2)}`;

describe('4. TRUST_PROXY', () => {
  let off: TestApp;
  let on: TestApp;
  beforeAll(async () => {
    off = await createTestApp({ RATE_LIMIT_ANON_PER_MINUTE: '2', RATE_LIMIT_REDIS_PREFIX: fresh() });
    on = await createTestApp(
      { RATE_LIMIT_ANON_PER_MINUTE: '2', RATE_LIMIT_REDIS_PREFIX: fresh(), TRUST_PROXY: '127.0.0.1/8,::1/128,::ffff:127.0.0.1/128' },
      [],
      { databaseUrl: off.databaseUrl },
    );
  });
  afterAll(async () => {
    await on.close();
    await off.close();
  });

  it('off (default): X-Forwarded-For is ignored, so a client cannot pick its own bucket', async () => {
    const statuses = [];
    for (const ip of ['203.0.113.1', '203.0.113.2', '203.0.113.3'])
      statuses.push((await off.http().get('/v1/resources?limit=1').set('X-Forwarded-For', ip)).status);
    expect(statuses).toEqual([200, 200, 429]);
  });

  it('on: each forwarded client gets its own bucket', async () => {
    for (const ip of ['203.0.113.1', '203.0.113.2', '203.0.113.3']) {
      await on.http().get('/v1/resources?limit=1').set('X-Forwarded-For', ip).expect(200);
      await on.http().get('/v1/resources?limit=1').set('X-Forwarded-For', ip).expect(200);
    }
    expect((await on.http().get('/v1/resources?limit=1').set('X-Forwarded-For', '203.0.113.1')).status).toBe(429);
  });

  it('refuses a malformed TRUST_PROXY', async () => {
    const { validateEnvironment } = await import('../src/config/environment.js');
    expect(() => validateEnvironment({ NODE_ENV: 'test', TRUST_PROXY: 'everyone' })).toThrow(/TRUST_PROXY/);
  });
});

describe('5, 11. publishable-key sub-limits; limits before key lookups', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({
      TRUST_PROXY: '127.0.0.1/8,::1/128,::ffff:127.0.0.1/128',
      RATE_LIMIT_REDIS_PREFIX: fresh(),
      PUBLISHABLE_KEY_PER_IP_PER_MINUTE: '4',
      PUBLISHABLE_KEY_WRITES_PER_IP_PER_MINUTE: '2',
      RATE_LIMIT_KEY_LOOKUPS_PER_MINUTE: '3',
      RATE_LIMIT_WIDGET_FRAME_PER_MINUTE: '3',
    });
  });
  afterAll(() => t.close());

  it("one IP cannot spend a publishable key's quota; other visitors keep working", async () => {
    const p = await t.createPartner({ name: 'widget-partner', origins: ['https://w.example'], rateLimitPerMinute: 1000 });
    const read = (ip: string) =>
      t
        .http()
        .get('/v1/resources?limit=1')
        .set('Authorization', `Bearer ${p.publishableKey}`)
        .set('Origin', 'https://w.example')
        .set('X-Forwarded-For', ip);
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await read('198.51.100.7')).status);
    expect(statuses).toEqual([200, 200, 200, 200, 429]);
    await read('198.51.100.8').expect(200);
    // The secret key is not sub-limited per IP.
    for (let i = 0; i < 5; i++)
      await t.http().get('/v1/resources?limit=1').set('Authorization', p.auth).set('X-Forwarded-For', '198.51.100.7').expect(200);
  });

  it('creating intakes from a publishable key is limited harder per IP', async () => {
    const p = await t.createPartner({ name: 'intake-partner', origins: ['https://i.example'], rateLimitPerMinute: 1000 });
    const submit = (ip: string) =>
      t
        .http()
        .post('/v1/intakes')
        .set('Authorization', `Bearer ${p.publishableKey}`)
        .set('Origin', 'https://i.example')
        .set('X-Forwarded-For', ip)
        .send(INTAKE);
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await submit('198.51.100.9')).status);
    expect(statuses).toEqual([201, 201, 429]);
    expect((await submit('198.51.100.10')).status).toBe(201);
  });

  it('unknown well-formed keys: the per-IP lookup limit is checked before the database is asked', async () => {
    const repo = t.app.get(getRepositoryToken(ApiKey));
    const lookups = jest.spyOn(repo, 'findOne');
    try {
      const statuses = [];
      for (let i = 0; i < 6; i++) {
        const res = await t
          .http()
          .get('/v1/resources?limit=1')
          .set('Authorization', `Bearer ${generateKey('secret', 'live').plaintext}`)
          .set('X-Forwarded-For', '192.0.2.50');
        statuses.push(res.status);
      }
      expect(statuses).toEqual([401, 401, 401, 429, 429, 429]);
      expect(lookups).toHaveBeenCalledTimes(3);
    } finally {
      lookups.mockRestore();
    }
  });

  it('/widget/frame loads are limited per IP before the key is looked up', async () => {
    const statuses = [];
    for (let i = 0; i < 4; i++)
      statuses.push(
        (
          await t
            .http()
            .get(`/widget/frame?key=${generateKey('publishable', 'live').plaintext}`)
            .set('X-Forwarded-For', '192.0.2.60')
        ).status,
      );
    expect(statuses).toEqual([403, 403, 403, 429]);
    expect((await t.http().get(`/widget/frame?key=x`).set('X-Forwarded-For', '192.0.2.61')).status).toBe(403);
  });
});

describe('3. API_KEY_SECRET', () => {
  it('refuses to start without it unless NODE_ENV is explicitly development or test', async () => {
    await expect(createTestApp({ NODE_ENV: '' })).rejects.toThrow(/API_KEY_SECRET/); // NODE_ENV unset: "development" by default
  });

  it('warns whenever the development secret is in use, and not with a real one', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    try {
      const dev = await createTestApp();
      await dev.close();
      expect(warn.mock.calls.some(([m]) => /API_KEY_SECRET is not set/.test(String(m)))).toBe(true);
      warn.mockClear();
      const real = await createTestApp({ API_KEY_SECRET: 'k'.repeat(40) });
      await real.close();
      expect(warn.mock.calls.some(([m]) => /API_KEY_SECRET is not set/.test(String(m)))).toBe(false);
    } finally {
      warn.mockRestore();
    }
  });
});

describe('13. production defaults', () => {
  it('DOCS_ENABLED=false turns /docs and /docs-json off; on by default', async () => {
    const hidden = await createTestApp({ DOCS_ENABLED: 'false' });
    try {
      expect((await hidden.http().get('/docs-json')).status).toBe(404);
      expect((await hidden.http().get('/docs')).status).toBe(404);
    } finally {
      await hidden.close();
    }
  });

  it('allowedOrigins must be https:// in production', async () => {
    const prod = await createTestApp({ NODE_ENV: 'production', API_KEY_SECRET: 'p'.repeat(40) });
    try {
      const admin = await prod.createPartner({ name: 'prod-admin', scopes: ['admin'] });
      const res = await prod
        .http()
        .post('/v1/partners')
        .set('Authorization', admin.auth)
        .send({ name: 'plain', allowedOrigins: ['http://plain.example'] });
      expect(res.status).toBe(422);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['allowedOrigins']);
      await prod
        .http()
        .post('/v1/partners')
        .set('Authorization', admin.auth)
        .send({ name: 'tls', allowedOrigins: ['https://tls.example'] })
        .expect(201);
    } finally {
      await prod.close();
    }
  });

  it('refuses the webhook test allow-list in production', async () => {
    const { validateEnvironment } = await import('../src/config/environment.js');
    expect(() =>
      validateEnvironment({ NODE_ENV: 'production', API_KEY_SECRET: 'p'.repeat(40), WEBHOOK_TEST_ALLOWED_CIDRS: '127.0.0.1/32' }),
    ).toThrow(/WEBHOOK_TEST_ALLOWED_CIDRS/);
  });
});

describe('13. key environment is enforced per partner', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it("a test partner gets only test keys (default: the partner's environment); a live key is a 422 naming environment", async () => {
    const admin = await t.createPartner({ name: 'env-admin', scopes: ['admin'] });
    const testPartner = await t.createPartner({ name: 'test-partner' }); // test keys
    const live = await t
      .http()
      .post(`/v1/partners/${testPartner.partnerId}/keys`)
      .set('Authorization', admin.auth)
      .send({ kind: 'secret', environment: 'live' });
    expect(live.status).toBe(422);
    expect(live.body.errors.map((e: { field: string }) => e.field)).toEqual(['environment']);
    const byDefault = await t
      .http()
      .post(`/v1/partners/${testPartner.partnerId}/keys`)
      .set('Authorization', admin.auth)
      .send({ kind: 'secret' })
      .expect(201);
    expect(byDefault.body.environment).toBe('test');
    expect(byDefault.body.key).toMatch(/^mend_sk_test_/);
    const livePartner = (await t.http().post('/v1/partners').set('Authorization', admin.auth).send({ name: 'live-partner' }).expect(201))
      .body;
    expect(livePartner.keys.map((k: { environment: string }) => k.environment)).toEqual(['live', 'live']);
    expect(
      (
        await t
          .http()
          .post(`/v1/partners/${livePartner.partner.id}/keys`)
          .set('Authorization', admin.auth)
          .send({ kind: 'secret', environment: 'test' })
      ).status,
    ).toBe(422);
  });
});
