import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Response } from 'supertest';
import { DataSource } from 'typeorm';

import { describeWithService, reachable } from './support/services.js';
import { createTestApp, type TestApp, type TestPartner } from './support/test-app.js';

const INTAKE = { concerns: ['lying'], willingness: 'both', region: 'US-OH' };

describe('partners, API keys, scopes, origins', () => {
  let t: TestApp;
  let admin: TestPartner;
  let partner: TestPartner;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.createPartner({ name: 'mend-admin', scopes: ['admin'] });
    partner = await t.createPartner({ name: 'blog', origins: ['https://blog.example'] });
  });
  afterAll(() => t.close());

  it('an admin creates a partner; the keys are shown once and work', async () => {
    const res = await t
      .http()
      .post('/v1/partners')
      .set('Authorization', admin.auth)
      .send({ name: 'Clinic', allowedOrigins: ['https://clinic.example'] })
      .expect(201);
    const [secret, publishable] = res.body.keys;
    expect(secret.key).toMatch(/^mend_sk_live_[0-9A-Za-z]{38}$/);
    expect(publishable.key).toMatch(/^mend_pk_live_[0-9A-Za-z]{38}$/);
    expect(secret.key.startsWith(secret.prefix)).toBe(true);
    const list = await t.http().get('/v1/keys').set('Authorization', `Bearer ${secret.key}`).expect(200);
    expect(list.body.data).toHaveLength(2);
    expect(JSON.stringify(list.body)).not.toContain(secret.key); // never shown again
    await t.http().post('/v1/intakes').set('Authorization', `Bearer ${secret.key}`).send(INTAKE).expect(201);
  });

  it('admin endpoints need the admin scope', async () => {
    const res = await t.http().post('/v1/partners').set('Authorization', partner.auth).send({ name: 'x' });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('insufficient_scope');
  });

  it('intakes need a key; directory reads do not', async () => {
    const res = await t.http().post('/v1/intakes').send(INTAKE);
    expect(res.status).toBe(401);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
    await t.http().get('/v1/resources?limit=1').expect(200);
  });

  it('a wrong, malformed or revoked key gets the same 401, revealing nothing', async () => {
    const { body: issued } = await t
      .http()
      .post(`/v1/partners/${partner.partnerId}/keys`)
      .set('Authorization', admin.auth)
      .send({ kind: 'secret', environment: 'test' })
      .expect(201);
    await t.http().post(`/v1/keys/${issued.id}/revoke`).set('Authorization', partner.auth).expect(200);
    const flipped = partner.secretKey.slice(0, -1) + (partner.secretKey.endsWith('A') ? 'B' : 'A');
    const bodies = [];
    for (const key of [issued.key, flipped, 'mend_sk_live_' + 'x'.repeat(38), 'garbage']) {
      const res = await t.http().get('/v1/resources?limit=1').set('Authorization', `Bearer ${key}`);
      expect(res.status).toBe(401);
      bodies.push({ code: res.body.code, detail: res.body.detail });
    }
    expect(new Set(bodies.map((b) => JSON.stringify(b))).size).toBe(1);
  });

  it('an expired key stops working', async () => {
    const expiresAt = Date.now() + 3_600_000;
    const { body } = await t
      .http()
      .post(`/v1/partners/${partner.partnerId}/keys`)
      .set('Authorization', admin.auth)
      .send({ kind: 'secret', expiresAt: new Date(expiresAt).toISOString() })
      .expect(201);
    await t.http().get('/v1/keys').set('Authorization', `Bearer ${body.key}`).expect(200);
    // The app's clock moves past the expiry (no sleeping): the same key, already verified and cached, now fails.
    const clock = jest.spyOn(Date, 'now').mockReturnValue(expiresAt + 1000);
    try {
      expect((await t.http().get('/v1/keys').set('Authorization', `Bearer ${body.key}`)).status).toBe(401);
    } finally {
      clock.mockRestore();
    }
    await t.http().get('/v1/keys').set('Authorization', admin.auth).expect(200); // other keys unaffected
  });

  it('rotation issues a new key and keeps the old one for the overlap', async () => {
    const own = await t.createPartner({ name: 'rotating' });
    const keys = await t.http().get('/v1/keys').set('Authorization', own.auth).expect(200);
    const secretId = keys.body.data.find((k: { kind: string }) => k.kind === 'secret').id;
    const rotated = await t.http().post(`/v1/keys/${secretId}/rotate`).set('Authorization', own.auth).send({ overlapHours: 1 }).expect(201);
    expect(rotated.body.key.rotatedFromId).toBe(secretId);
    expect(new Date(rotated.body.previous.expiresAt).getTime()).toBeGreaterThan(Date.now() + 3_500_000);
    await t.http().get('/v1/keys').set('Authorization', own.auth).expect(200); // old key still works
    await t.http().get('/v1/keys').set('Authorization', `Bearer ${rotated.body.key.key}`).expect(200);
    const none = await t.http().post(`/v1/keys/${secretId}/rotate`).set('Authorization', own.auth).send({ overlapHours: 0 }).expect(201);
    expect(none.body.previous.id).toBe(secretId);
    expect((await t.http().get('/v1/keys').set('Authorization', own.auth)).status).toBe(401); // overlap 0: expired now
  });

  it("a partner cannot see or change another partner's keys (404)", async () => {
    const other = await t.createPartner({ name: 'other' });
    const theirs = (await t.http().get('/v1/keys').set('Authorization', other.auth)).body.data[0].id;
    expect((await t.http().post(`/v1/keys/${theirs}/revoke`).set('Authorization', partner.auth)).status).toBe(404);
    expect((await t.http().post(`/v1/keys/${theirs}/rotate`).set('Authorization', partner.auth).send({})).status).toBe(404);
  });

  it('records lastUsedAt', async () => {
    const fresh = await t.createPartner({ name: 'last-used' });
    const db = t.app.get(DataSource);
    const lastUsed = async () =>
      (await db.query(`SELECT last_used_at FROM api_key WHERE partner_id = $1 AND kind = 'secret'`, [fresh.partnerId]))[0]
        .last_used_at as Date | null;
    expect(await lastUsed()).toBeNull();
    const before = Date.now();
    await t.http().get('/v1/resources?limit=1').set('Authorization', fresh.auth).expect(200);
    // Written after the response (fire and forget): poll the database, with a generous deadline, no sleep-and-hope.
    let recorded: Date | null = null;
    for (const deadline = Date.now() + 20_000; !recorded && Date.now() < deadline;) {
      recorded = await lastUsed();
      if (!recorded) await new Promise((r) => setTimeout(r, 50));
    }
    expect(recorded).not.toBeNull();
    expect(recorded!.getTime()).toBeGreaterThanOrEqual(before - 1000); // this request's use, not an older one
  });

  it('creates the demo partner once on an embedded development start, never in production', async () => {
    const { DemoPartnerBootstrap } = await import('../src/partners/demo-partner.js');
    const { PartnersService } = await import('../src/partners/partners.service.js');
    const { validateEnvironment } = await import('../src/config/environment.js');
    const partners = t.app.get(PartnersService);
    const embedded = { isEmbedded: true } as never;
    const printed: string[] = [];
    const log = jest.spyOn(console, 'log').mockImplementation((m: unknown) => void printed.push(String(m)));
    try {
      await new DemoPartnerBootstrap(
        validateEnvironment({ NODE_ENV: 'production', API_KEY_SECRET: 'x'.repeat(32) }),
        embedded,
        partners,
      ).onApplicationBootstrap();
      expect(await partners.findByName('demo')).toBeNull();
      const dev = validateEnvironment({ NODE_ENV: 'development' });
      await new DemoPartnerBootstrap(dev, embedded, partners).onApplicationBootstrap();
      await new DemoPartnerBootstrap(dev, embedded, partners).onApplicationBootstrap(); // second start: nothing new
    } finally {
      log.mockRestore();
    }
    expect(printed).toHaveLength(1);
    const secret = /mend_sk_test_[0-9A-Za-z]{38}/.exec(printed[0])![0];
    await t.http().get('/v1/keys').set('Authorization', `Bearer ${secret}`).expect(200);
  });

  describe('publishable keys', () => {
    it('work only from the partner origin, with CORS for that origin', async () => {
      const ok = await t
        .http()
        .post('/v1/intakes')
        .set('Authorization', `Bearer ${partner.publishableKey}`)
        .set('Origin', 'https://blog.example')
        .send(INTAKE)
        .expect(201);
      expect(ok.headers['access-control-allow-origin']).toBe('https://blog.example');
      expect(ok.headers['access-control-expose-headers']).toMatch(/RateLimit/);
      const elsewhere = await t
        .http()
        .post('/v1/intakes')
        .set('Authorization', `Bearer ${partner.publishableKey}`)
        .set('Origin', 'https://evil.example')
        .send(INTAKE);
      expect(elsewhere.status).toBe(403);
      expect(elsewhere.body.code).toBe('origin_not_allowed');
      expect(elsewhere.headers['access-control-allow-origin']).toBeUndefined();
      const noOrigin = await t.http().post('/v1/intakes').set('Authorization', `Bearer ${partner.publishableKey}`).send(INTAKE);
      expect(noOrigin.status).toBe(403);
    });

    it('cannot manage keys or use admin endpoints', async () => {
      const res = await t
        .http()
        .get('/v1/keys')
        .set('Authorization', `Bearer ${partner.publishableKey}`)
        .set('Origin', 'https://blog.example');
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('publishable_key_not_allowed');
    });

    it('cannot be issued with server-side scopes', async () => {
      const res = await t
        .http()
        .post(`/v1/partners/${partner.partnerId}/keys`)
        .set('Authorization', admin.auth)
        .send({ kind: 'publishable', scopes: ['referrals:read'] });
      expect(res.status).toBe(400);
    });
  });

  describe('CORS', () => {
    it('answers preflights only for partner origins', async () => {
      const ok = await t
        .http()
        .options('/v1/intakes')
        .set('Origin', 'https://blog.example')
        .set('Access-Control-Request-Method', 'POST')
        .set('Access-Control-Request-Headers', 'authorization,content-type');
      expect(ok.status).toBe(204);
      expect(ok.headers['access-control-allow-origin']).toBe('https://blog.example');
      expect(ok.headers['access-control-allow-headers']).toMatch(/Authorization/);
      const no = await t.http().options('/v1/intakes').set('Origin', 'https://evil.example').set('Access-Control-Request-Method', 'POST');
      expect(no.headers['access-control-allow-origin']).toBeUndefined();
    });
  });

  describe('validation', () => {
    it.each([
      [{ name: '' }, 'name'],
      [{ name: 'x', allowedOrigins: ['https://a.example/path'] }, 'allowedOrigins'],
      [{ name: 'x', webhookUrl: 'http://insecure.example' }, 'webhookUrl'],
      [{ name: 'x', secret: 'y' }, 'secret'],
    ])('%j → 400 naming %s', async (body, field) => {
      const res = await t.http().post('/v1/partners').set('Authorization', admin.auth).send(body);
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    });
    it('an unknown key id is 404, a malformed one too', async () => {
      expect((await t.http().post('/v1/keys/00000000-0000-4000-8000-000000000000/revoke').set('Authorization', partner.auth)).status).toBe(
        404,
      );
      expect((await t.http().post('/v1/keys/not-a-uuid/revoke').set('Authorization', partner.auth)).status).toBe(404);
    });
  });
});

// Redis: REDIS_URL, or the default local one. The Redis suite runs when it answers, is skipped
// (with the reason) when it does not, and fails under CI=true, where .ci/run starts Redis.
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const redis = await reachable(redisUrl);

const rateLimitSuite = (useRedis: boolean) => () => {
  let t: TestApp;
  let second: TestApp | undefined;
  beforeAll(async () => {
    // A fresh Redis namespace per run: counters from an earlier run in the same minute must not count.
    const overrides: Record<string, string> = {
      RATE_LIMIT_ANON_PER_MINUTE: '5',
      RATE_LIMIT_REDIS_PREFIX: `mend-test:${Date.now()}:${Math.random().toString(36).slice(2)}`,
    };
    if (useRedis) overrides.REDIS_URL = redisUrl;
    t = await createTestApp(overrides);
    if (useRedis) second = await createTestApp(overrides, [], { databaseUrl: t.databaseUrl });
  });
  afterAll(async () => {
    await t.close();
    await second?.close();
  });

  it('anonymous reads are limited per IP, with IETF RateLimit headers and a 429 problem', async () => {
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 7; i++) {
      // With Redis, alternate between two API instances: the limit is shared.
      const app = second && i % 2 ? second : t;
      last = await app.http().get('/v1/taxonomy');
      statuses.push(last.status);
      if (last.status === 200) {
        expect(last.headers['ratelimit-policy']).toMatch(/^"ip";q=5;w=60$/);
        expect(last.headers.ratelimit).toMatch(/^"ip";r=\d+;t=\d+$/);
      }
    }
    expect(statuses.filter((s) => s === 200)).toHaveLength(5);
    expect(statuses.slice(5)).toEqual([429, 429]);
    expect(last?.headers['content-type']).toMatch(/problem\+json/);
    expect(Number(last?.headers['retry-after'])).toBeGreaterThan(0);
    expect(last?.body.code).toBe('rate_limited');
  });

  it('keys are limited per key at the partner rate', async () => {
    const p = await t.createPartner({ name: `limited-${useRedis}`, rateLimitPerMinute: 3 });
    const statuses = [];
    for (let i = 0; i < 4; i++) {
      const app = second && i % 2 ? second : t;
      const res = await app.http().get('/v1/taxonomy').set('Authorization', p.auth);
      statuses.push(res.status);
      if (i === 0) expect(res.headers['ratelimit-policy']).toBe('"key";q=3;w=60');
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
  });
};

describe('rate limits in memory', rateLimitSuite(false));
describeWithService('Redis', redis, 'rate limits in Redis (shared by instances)', rateLimitSuite(true));

describe('partner input edge cases', () => {
  let t: TestApp;
  let p: TestPartner;
  beforeAll(async () => {
    t = await createTestApp();
    p = await t.createPartner({ name: 'edges' });
  });
  afterAll(() => t.close());

  it('PUT /v1/partners/me/webhook needs url (null removes it, {} is a 400)', async () => {
    await t.http().put('/v1/partners/me/webhook').set('Authorization', p.auth).send({ url: 'https://edges.example/hook' }).expect(200);
    const empty = await t.http().put('/v1/partners/me/webhook').set('Authorization', p.auth).send({});
    expect(empty.status).toBe(400);
    expect((await t.http().get('/v1/partners/me/webhook').set('Authorization', p.auth)).body.url).toBe('https://edges.example/hook');
    const removed = await t.http().put('/v1/partners/me/webhook').set('Authorization', p.auth).send({ url: null }).expect(200);
    expect(removed.body.url).toBeNull();
  });

  it('impossible dates are a 400, not rolled into the next month', async () => {
    const admin = await t.createPartner({ name: 'edges-admin', scopes: ['admin'] });
    const res = await t
      .http()
      .post(`/v1/partners/${p.partnerId}/keys`)
      .set('Authorization', admin.auth)
      .send({ kind: 'secret', expiresAt: '2030-02-30T00:00:00Z' });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].field).toBe('expiresAt');
    expect((await t.http().get('/v1/referrals?createdFrom=2026-02-30').set('Authorization', p.auth)).status).toBe(400);
  });
});
