import { createServer } from 'node:http';

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';

import { WebhookDispatcher } from '../src/webhooks/webhook-dispatcher.js';
import { createTestApp, type TestApp, type TestPartner } from './support/test-app.js';

/**
 * Findings of the external attack on a running instance (issue 11b). Each test fails without its fix;
 * every refusal is a 4xx application/problem+json.
 */
const INTAKE = { concerns: ['infidelity'], willingness: 'both', region: 'US-OH', doNotContact: true };

async function sql<T = Record<string, unknown>>(url: string, text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, values)).rows as T[];
  } finally {
    await client.end();
  }
}

/** A valid demo resource (a curated seed record's shape); the slug makes it unique. */
function resource(slug: string, over: Record<string, unknown> = {}) {
  return {
    slug,
    name: `Brackenridge Couples Practice ${slug}`,
    description: 'Couples counseling for partners rebuilding trust after an affair.',
    organization: { name: `Brackenridge Counseling ${slug}`, website: 'https://brackenridge.example' },
    url: 'https://brackenridge.example/couples',
    kind: 'practice',
    formats: ['video'],
    cost: {
      free: false,
      slidingScale: true,
      feeMin: 8000,
      feeMax: 12000,
      currency: 'USD',
      insuranceAccepted: false,
      insurers: [],
      noInsuranceNeeded: true,
    },
    specialties: ['infidelity'],
    approaches: [],
    languages: ['en'],
    audiences: [],
    credentials: ['licensed_clinician'],
    paymentOptions: ['cash'],
    locations: [],
    serviceAreas: ['US-OH'],
    acceptingNewClients: true,
    availability: [],
    jointSessions: true,
    demo: true,
    ...over,
  };
}

const problemJson = /^application\/problem\+json/;

describe('attack findings (issue 11b)', () => {
  let t: TestApp;
  let admin: TestPartner;
  let p: TestPartner;
  let resourceId: string;
  const issue = async (partnerId: string, body: Record<string, unknown>) =>
    (await t.http().post(`/v1/partners/${partnerId}/keys`).set('Authorization', admin.auth).send(body).expect(201)).body as {
      id: string;
      key: string;
      scopes: string[];
    };

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.createPartner({ name: 'findings-admin', scopes: ['admin'] });
    p = await t.createPartner({ name: 'findings-owner', origins: ['https://owner.example'] });
    const first = (await t.http().post('/v1/intakes').set('Authorization', p.auth).send(INTAKE).expect(201)).body;
    resourceId = first.matches[0].resource.id;
  });
  afterAll(() => t.close());

  describe('1. revocation never exceeds the caller', () => {
    it("a keys:manage-only key cannot revoke the partner's admin key (403 revocation_exceeds_caller); the admin key keeps working", async () => {
      const partnerAdmin = await issue(p.partnerId, { kind: 'secret', scopes: ['admin'] });
      const manager = await issue(p.partnerId, { kind: 'secret', scopes: ['keys:manage'] });
      const res = await t.http().post(`/v1/keys/${partnerAdmin.id}/revoke`).set('Authorization', `Bearer ${manager.key}`);
      expect(res.status).toBe(403);
      expect(res.headers['content-type']).toMatch(problemJson);
      expect(res.body.code).toBe('revocation_exceeds_caller');
      expect(res.body.missingScopes).toEqual(['admin']);
      await t.http().get('/v1/keys').set('Authorization', `Bearer ${partnerAdmin.key}`).expect(200);
      // Nor the full secret key (scopes the manager lacks).
      const full = await t
        .http()
        .post(`/v1/keys/${(await issue(p.partnerId, { kind: 'secret' })).id}/revoke`)
        .set('Authorization', `Bearer ${manager.key}`);
      expect(full.status).toBe(403);
    });

    it('a key may revoke a key whose scopes it covers, and itself', async () => {
      const manager = await issue(p.partnerId, { kind: 'secret', scopes: ['keys:manage', 'directory:read'] });
      const reader = await issue(p.partnerId, { kind: 'secret', scopes: ['directory:read'] });
      await t.http().post(`/v1/keys/${reader.id}/revoke`).set('Authorization', `Bearer ${manager.key}`).expect(200);
      const own = await t.http().post(`/v1/keys/${manager.id}/revoke`).set('Authorization', `Bearer ${manager.key}`).expect(200);
      expect(own.body.revokedAt).toEqual(expect.any(String));
      await t.http().get('/v1/keys').set('Authorization', `Bearer ${manager.key}`).expect(401);
    });

    it("the partner's full key can revoke a publishable key; an admin key can revoke anything", async () => {
      const pk = await issue(p.partnerId, { kind: 'publishable' });
      await t.http().post(`/v1/keys/${pk.id}/revoke`).set('Authorization', p.auth).expect(200);
      const partnerAdmin = await issue(p.partnerId, { kind: 'secret', scopes: ['admin'] });
      await t.http().post(`/v1/keys/${partnerAdmin.id}/revoke`).set('Authorization', admin.auth).expect(200);
    });
  });

  describe('2. webhook SSRF: IPv4 embedded in IPv6', () => {
    it.each([
      'https://[::127.0.0.1]:8443/hook',
      'https://[::a9fe:a9fe]/',
      'https://[::7f00:1]/hook',
      'https://[::10.0.0.1]/hook',
      'https://[64:ff9b::7f00:1]/hook',
      'https://[64:ff9b:1::a9fe:a9fe]/hook',
      'https://[2002:7f00:1::]/hook',
      'https://[2001:0:4136:e378:8000:63bf:80ff:fffe]/hook',
    ])('%s is refused at save with 422 naming url', async (url) => {
      const res = await t.http().put('/v1/partners/me/webhook').set('Authorization', p.auth).send({ url });
      expect(res.status).toBe(422);
      expect(res.headers['content-type']).toMatch(problemJson);
      expect(res.body.errors.map((e: { field: string; code: string }) => [e.field, e.code])).toEqual([['url', 'blocked_address']]);
    });

    it('a delivery to a stored https://[::7f00:1] URL is refused before connecting', async () => {
      const victim = await t.createPartner({ name: 'ipv4-compatible' });
      const receiver = createServer((_req, res) => res.writeHead(204).end());
      await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', () => r()));
      const port = (receiver.address() as { port: number }).port;
      try {
        await sql(t.databaseUrl, `UPDATE partner SET webhook_url = $2 WHERE id = $1`, [
          victim.partnerId,
          `https://[::7f00:1]:${port}/hook`,
        ]);
        const intake = (await t.http().post('/v1/intakes').set('Authorization', victim.auth).send(INTAKE).expect(201)).body;
        await t.http().post('/v1/referrals').set('Authorization', victim.auth).send({ intakeId: intake.id, resourceId }).expect(201);
        await t.app.get(WebhookDispatcher).deliverDue();
        const rows = await sql<{ state: string; last_error: string }>(
          t.databaseUrl,
          `SELECT state, last_error FROM webhook_outbox WHERE partner_id = $1`,
          [victim.partnerId],
        );
        expect(rows).toHaveLength(1);
        expect(rows[0].last_error).toMatch(/^blocked_address: ::7f00:1 \(loopback\)/);
      } finally {
        await new Promise<void>((r) => receiver.close(() => r()));
      }
    });
  });

  describe('7. webhook ports', () => {
    it.each(['https://hooks.example.net:22/hook', 'https://hooks.example.net:8080/hook', 'https://93.184.216.34:5432/'])(
      'a webhook on port %s is refused (443 and 8443 only)',
      async (url) => {
        const res = await t.http().put('/v1/partners/me/webhook').set('Authorization', p.auth).send({ url });
        expect(res.status).toBe(422);
        expect(res.body.errors.map((e: { field: string; code: string }) => [e.field, e.code])).toEqual([['url', 'blocked_port']]);
      },
    );

    it('ports 443 and 8443 are accepted', async () => {
      await t
        .http()
        .put('/v1/partners/me/webhook')
        .set('Authorization', p.auth)
        .send({ url: 'https://93.184.216.34:8443/hook' })
        .expect(200);
      await t.http().put('/v1/partners/me/webhook').set('Authorization', p.auth).send({ url: 'https://93.184.216.34/hook' }).expect(200);
      await t.http().put('/v1/partners/me/webhook').set('Authorization', p.auth).send({ url: null }).expect(200);
    });
  });

  describe('3. erasing an intake erases stored responses that carry its id', () => {
    it("a referral creation replayed after DELETE /v1/intakes/:id no longer returns the erased intake's id", async () => {
      const second = await issue(p.partnerId, { kind: 'secret', scopes: ['referrals:write', 'referrals:read'] });
      const intake = (await t.http().post('/v1/intakes').set('Authorization', p.auth).send(INTAKE).expect(201)).body;
      const body = { intakeId: intake.id, resourceId };
      const first = await t
        .http()
        .post('/v1/referrals')
        .set('Authorization', `Bearer ${second.key}`)
        .set('Idempotency-Key', 'refer-then-erase')
        .send(body)
        .expect(201);
      expect(first.body.intakeId).toBe(intake.id);
      await t.http().delete(`/v1/intakes/${intake.id}`).set('Authorization', p.auth).expect(204);
      expect(await sql(t.databaseUrl, `SELECT 1 FROM idempotency_record WHERE key = 'refer-then-erase'`)).toHaveLength(0);
      const replay = await t
        .http()
        .post('/v1/referrals')
        .set('Authorization', `Bearer ${second.key}`)
        .set('Idempotency-Key', 'refer-then-erase')
        .send(body);
      expect(replay.headers['idempotent-replayed']).toBeUndefined();
      expect(replay.status).toBe(422);
      expect(replay.body.code).toBe('intake_not_found');
      expect(JSON.stringify(replay.body)).not.toContain(intake.id);
    });
  });

  describe('4. dates that cannot be true', () => {
    it.each([
      ['POST', '2099-01-01'],
      ['POST', new Date(Date.now() + 2 * 86_400_000).toISOString()],
    ])('%s /v1/resources with lastVerifiedAt %s is 400 naming lastVerifiedAt', async (_method, lastVerifiedAt) => {
      const res = await t
        .http()
        .post('/v1/resources')
        .set('Authorization', admin.auth)
        .send(resource(`future-${Date.now()}`, { lastVerifiedAt }));
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(problemJson);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['lastVerifiedAt']);
    });

    it('PATCH /v1/resources/{id} with a future lastVerifiedAt is 400 naming it; today (and within a day ahead, for time zones) is fine', async () => {
      const created = await t.http().post('/v1/resources').set('Authorization', admin.auth).send(resource('future-patch')).expect(201);
      const res = await t
        .http()
        .patch(`/v1/resources/${created.body.id}`)
        .set('Authorization', admin.auth)
        .set('If-Match', created.headers.etag)
        .send({ lastVerifiedAt: '2099-01-01' });
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['lastVerifiedAt']);
      const today = new Date(Date.now() + 12 * 3_600_000).toISOString().slice(0, 10);
      await t
        .http()
        .patch(`/v1/resources/${created.body.id}`)
        .set('Authorization', admin.auth)
        .set('If-Match', created.headers.etag)
        .send({ lastVerifiedAt: today })
        .expect(200);
    });

    it('a key cannot be issued already expired: 422 naming expiresAt', async () => {
      const res = await t
        .http()
        .post(`/v1/partners/${p.partnerId}/keys`)
        .set('Authorization', admin.auth)
        .send({ kind: 'secret', expiresAt: '2020-01-01T00:00:00Z' });
      expect(res.status).toBe(422);
      expect(res.headers['content-type']).toMatch(problemJson);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['expiresAt']);
    });
  });

  describe('5. bodies other than JSON are 415, and no error echoes the body', () => {
    const personal = 'concerns=infidelity&name=Jane+Roe&phone=614-555-0100';
    it.each([
      ['application/x-www-form-urlencoded', personal],
      ['text/plain', JSON.stringify(INTAKE)],
      ['application/json; charset=utf-16', JSON.stringify(INTAKE)],
      ['application/json; charset=iso-8859-1', JSON.stringify(INTAKE)],
      ['application/merge-patch+json', JSON.stringify(INTAKE)],
      ['multipart/form-data; boundary=x', `--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nJane Roe\r\n--x--\r\n`],
    ])('POST /v1/intakes with %s is 415', async (contentType, body) => {
      const res = await t.http().post('/v1/intakes').set('Authorization', p.auth).set('Content-Type', contentType).send(body);
      expect(res.status).toBe(415);
      expect(res.headers['content-type']).toMatch(problemJson);
      expect(res.body.code).toBe('unsupported_media_type');
      expect(JSON.stringify(res.body)).not.toMatch(/Jane|infidelity|614-555/);
    });

    it('a body without a Content-Type is 415', async () => {
      const res = await t
        .http()
        .post('/v1/intakes')
        .set('Authorization', p.auth)
        .set('Content-Type', '')
        .send(Buffer.from(JSON.stringify(INTAKE)));
      expect(res.status).toBe(415);
    });

    it('application/json with charset=utf-8 (any case) is taken', async () => {
      await t
        .http()
        .post('/v1/intakes')
        .set('Authorization', p.auth)
        .set('Content-Type', 'application/json; charset=UTF-8')
        .send(JSON.stringify(INTAKE))
        .expect(201);
    });

    it('application/merge-patch+json only where PATCH takes it', async () => {
      const created = await t.http().post('/v1/resources').set('Authorization', admin.auth).send(resource('merge-patch-media')).expect(201);
      await t
        .http()
        .patch(`/v1/resources/${created.body.id}`)
        .set('Authorization', admin.auth)
        .set('If-Match', created.headers.etag)
        .set('Content-Type', 'application/merge-patch+json')
        .send(JSON.stringify({ waitTimeDays: 3 }))
        .expect(200);
      const referral = (
        await t
          .http()
          .post('/v1/referrals')
          .set('Authorization', p.auth)
          .send({ intakeId: (await t.http().post('/v1/intakes').set('Authorization', p.auth).send(INTAKE)).body.id, resourceId })
          .expect(201)
      ).body;
      const res = await t
        .http()
        .patch(`/v1/referrals/${referral.id}`)
        .set('Authorization', p.auth)
        .set('Content-Type', 'application/merge-patch+json')
        .send(JSON.stringify({ status: 'accepted' }));
      expect(res.status).toBe(415);
    });

    it('unknown field names and invalid JSON are not echoed', async () => {
      const long = await t
        .http()
        .post('/v1/intakes')
        .set('Authorization', p.auth)
        .send({ ...INTAKE, 'Jane Roe 614-555-0100 my husband hits me': true });
      expect(long.status).toBe(400);
      expect(JSON.stringify(long.body)).not.toMatch(/Jane|614-555|husband/);
      const short = await t
        .http()
        .post('/v1/intakes')
        .set('Authorization', p.auth)
        .send({ ...INTAKE, colour: 'red' });
      expect(short.body.errors.map((e: { field: string }) => e.field)).toEqual(['colour']); // a plain field name still helps
      const broken = await t
        .http()
        .post('/v1/intakes')
        .set('Authorization', p.auth)
        .set('Content-Type', 'application/json')
        .send('{"note": "Jane Roe 614-555-0100"');
      expect(broken.status).toBe(400);
      expect(broken.body.code).toBe('invalid_json');
      expect(JSON.stringify(broken.body)).not.toMatch(/Jane|614-555/);
    });
  });

  describe('6. If-Match compares strongly', () => {
    it('a weak tag W/"vN" does not match: 412', async () => {
      const created = await t.http().post('/v1/resources').set('Authorization', admin.auth).send(resource('weak-if-match')).expect(201);
      const res = await t
        .http()
        .patch(`/v1/resources/${created.body.id}`)
        .set('Authorization', admin.auth)
        .set('If-Match', `W/${created.headers.etag}`)
        .send({ waitTimeDays: 4 });
      expect(res.status).toBe(412);
      expect(res.headers['content-type']).toMatch(problemJson);
      await t
        .http()
        .patch(`/v1/resources/${created.body.id}`)
        .set('Authorization', admin.auth)
        .set('If-Match', created.headers.etag)
        .send({ waitTimeDays: 4 })
        .expect(200);
    });
  });

  describe('7. the audit log is not cached', () => {
    it('GET /v1/resources/{id}/audit is Cache-Control: no-store', async () => {
      const created = await t.http().post('/v1/resources').set('Authorization', admin.auth).send(resource('audit-no-store')).expect(201);
      const res = await t.http().get(`/v1/resources/${created.body.id}/audit`).set('Authorization', admin.auth).expect(200);
      expect(res.headers['cache-control']).toBe('no-store');
    });
  });

  describe('7. prototype names in bodies and queries', () => {
    it.each([
      ['a top-level __proto__', '{"__proto__": {"admin": true}, "concerns": ["infidelity"]}', '__proto__'],
      ['a nested __proto__', '{"concerns": ["infidelity"], "safety": {"__proto__": {"x": 1}}}', 'safety.__proto__'],
      ['constructor.prototype', '{"concerns": ["infidelity"], "constructor": {"prototype": {"x": 1}}}', 'constructor'],
      ['toString in an array item', '{"concerns": ["infidelity"], "list": [{"toString": 1}]}', 'list.0.toString'],
    ])('%s in a JSON body is a 400 naming the field', async (_name, body, field) => {
      const res = await t.http().post('/v1/intakes').set('Authorization', p.auth).set('Content-Type', 'application/json').send(body);
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(problemJson);
      expect(res.body.code).toBe('forbidden_field_name');
      expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual([field]);
    });

    it.each(['__proto__=1', 'constructor=1', '__proto__[x]=1', 'prototype=1'])(
      'the query parameter %s is a 400 like any unknown parameter',
      async (query) => {
        const res = await t.http().get(`/v1/resources?${query}`);
        expect(res.status).toBe(400);
        expect(res.headers['content-type']).toMatch(problemJson);
      },
    );
  });
});
