import { createServer, type IncomingMessage, type Server } from 'node:http';

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';

import { IntakeRepository } from '../src/intake/intake.repository.js';
import { WebhookDispatcher } from '../src/webhooks/webhook-dispatcher.js';
import { verifyWebhook } from '../src/webhooks/webhook-signature.js';
import { createTestApp, type TestApp, type TestPartner } from './support/test-app.js';

/**
 * Issue 11: key-management scopes, webhook SSRF, prototype names in search, Cache-Control on
 * personal data, idempotency per API key, erasure. Each test fails without its fix.
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

describe('security hardening (issue 11)', () => {
  let t: TestApp;
  let admin: TestPartner;
  let p: TestPartner;
  let other: TestPartner;
  let resourceId: string;
  const keysOf = async (who: TestPartner) =>
    (await t.http().get('/v1/keys').set('Authorization', who.auth).expect(200)).body.data as {
      id: string;
      kind: string;
      scopes: string[];
      expiresAt: string | null;
    }[];
  const issue = async (partnerId: string, body: Record<string, unknown>) =>
    (await t.http().post(`/v1/partners/${partnerId}/keys`).set('Authorization', admin.auth).send(body).expect(201)).body as {
      id: string;
      key: string;
      scopes: string[];
      expiresAt: string | null;
    };

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.createPartner({ name: 'mend-admin', scopes: ['admin'] });
    p = await t.createPartner({ name: 'owner', origins: ['https://owner.example'] });
    other = await t.createPartner({ name: 'someone-else' });
    const first = (await t.http().post('/v1/intakes').set('Authorization', p.auth).send(INTAKE).expect(201)).body;
    resourceId = first.matches[0].resource.id;
  });
  afterAll(() => t.close());

  describe('1. key management needs keys:manage / webhooks:manage', () => {
    it('a directory:read key cannot list, revoke or rotate keys, nor read or change the webhook', async () => {
      const reader = await issue(p.partnerId, { kind: 'secret', scopes: ['directory:read'] });
      const auth = `Bearer ${reader.key}`;
      const full = (await keysOf(p)).find((k) => k.kind === 'secret')!;
      const attempts = [
        t.http().get('/v1/keys').set('Authorization', auth),
        t.http().post(`/v1/keys/${full.id}/revoke`).set('Authorization', auth),
        t.http().post(`/v1/keys/${full.id}/rotate`).set('Authorization', auth).send({ overlapHours: 0 }),
        t.http().get('/v1/partners/me/webhook').set('Authorization', auth),
        t.http().put('/v1/partners/me/webhook').set('Authorization', auth).send({ url: 'https://attacker.example/hook' }),
      ];
      for (const res of await Promise.all(attempts)) {
        expect(res.status).toBe(403);
        expect(res.body.code).toBe('insufficient_scope');
      }
      await t.http().get('/v1/keys').set('Authorization', p.auth).expect(200); // the full key still works
    });

    it('keys:manage alone cannot rotate a key into scopes the caller lacks', async () => {
      const manager = await issue(p.partnerId, { kind: 'secret', scopes: ['keys:manage'] });
      const full = (await keysOf(p)).find((k) => k.kind === 'secret' && k.scopes.includes('referrals:read'))!;
      const res = await t.http().post(`/v1/keys/${full.id}/rotate`).set('Authorization', `Bearer ${manager.key}`).send({ overlapHours: 0 });
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('rotation_exceeds_caller');
      await t.http().get('/v1/keys').set('Authorization', p.auth).expect(200); // the original was not touched
    });

    it('admin implies both scopes', async () => {
      const res = await t.http().get('/v1/keys').set('Authorization', admin.auth).expect(200);
      expect(res.body.data.length).toBeGreaterThan(0);
      await t.http().get('/v1/partners/me/webhook').set('Authorization', admin.auth).expect(200);
    });

    it('rotation carries expiresAt over and never extends past the caller', async () => {
      const expiresAt = new Date(Date.now() + 5 * 86_400_000).toISOString();
      const expiring = await issue(p.partnerId, { kind: 'secret', scopes: ['keys:manage', 'directory:read'], expiresAt });
      const rotated = await t
        .http()
        .post(`/v1/keys/${expiring.id}/rotate`)
        .set('Authorization', p.auth)
        .send({ overlapHours: 1 })
        .expect(201);
      expect(rotated.body.key.expiresAt).toBe(expiresAt);
      expect(rotated.body.key.scopes.sort()).toEqual(['directory:read', 'keys:manage']);

      // A caller that expires sooner than the key it rotates: the replacement expires with the caller.
      const soon = new Date(Date.now() + 2 * 86_400_000).toISOString();
      const shortLived = await issue(p.partnerId, { kind: 'secret', scopes: ['keys:manage', 'directory:read'], expiresAt: soon });
      const target = await issue(p.partnerId, { kind: 'secret', scopes: ['directory:read'] });
      const clamped = await t
        .http()
        .post(`/v1/keys/${target.id}/rotate`)
        .set('Authorization', `Bearer ${shortLived.key}`)
        .send({})
        .expect(201);
      expect(clamped.body.key.expiresAt).toBe(soon);
    });
  });

  describe('2. webhook SSRF', () => {
    it.each([
      'https://169.254.169.254/latest/meta-data/',
      'https://10.0.0.1/hook',
      'https://127.0.0.1:5432/',
      'https://[::ffff:7f00:1]/hook',
      'https://0x7f000001/hook',
      'https://metadata.google.internal/computeMetadata/v1/',
      'https://[::1]/hook',
      'https://100.64.0.1/hook',
      'https://224.0.0.1/hook',
      'https://0.0.0.0/hook',
      'https://192.168.1.1/hook',
      'https://[fd00:ec2::254]/hook',
      'https://localhost/hook',
      'http://127.0.0.1:8080/hook',
    ])('%s is refused with 422 naming url', async (url) => {
      const res = await t.http().put('/v1/partners/me/webhook').set('Authorization', p.auth).send({ url });
      expect(res.status).toBe(422);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['url']);
    });

    it('an admin cannot create a partner with a private webhook either', async () => {
      const res = await t
        .http()
        .post('/v1/partners')
        .set('Authorization', admin.auth)
        .send({ name: 'ssrf', webhookUrl: 'https://10.1.2.3/hook' });
      expect(res.status).toBe(422);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['webhookUrl']);
    });

    it('a delivery connecting to a blocked address fails, even for a URL stored earlier', async () => {
      const victim = await t.createPartner({ name: 'stored-before-the-fix' });
      const receiver = createServer((_req, res) => res.writeHead(204).end());
      await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', () => r()));
      const port = (receiver.address() as { port: number }).port;
      try {
        // As if saved before this check existed (or by a DNS answer that changed since).
        await sql(t.databaseUrl, `UPDATE partner SET webhook_url = $2 WHERE id = $1`, [victim.partnerId, `https://localhost:${port}/hook`]);
        const intake = (await t.http().post('/v1/intakes').set('Authorization', victim.auth).send(INTAKE).expect(201)).body;
        await t.http().post('/v1/referrals').set('Authorization', victim.auth).send({ intakeId: intake.id, resourceId }).expect(201);
        await t.app.get(WebhookDispatcher).deliverDue();
        const rows = await sql<{ state: string; last_error: string }>(
          t.databaseUrl,
          `SELECT state, last_error FROM webhook_outbox WHERE partner_id = $1`,
          [victim.partnerId],
        );
        expect(rows).toHaveLength(1);
        expect(rows[0].state).toBe('pending');
        expect(rows[0].last_error).toMatch(/^blocked_host: localhost/);
      } finally {
        await new Promise<void>((r) => receiver.close(() => r()));
      }
    });
  });

  describe('7. prototype names in search text', () => {
    it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'prototype', 'isPrototypeOf'])(
      'GET /v1/resources?q=%s is 200',
      async (q) => {
        const res = await t.http().get(`/v1/resources?q=${q}`);
        expect(res.status).toBe(200);
      },
    );
  });

  describe('15. Cache-Control: no-store on intake and referral data', () => {
    it('every intake, referral, key and webhook route answers no-store (walked from the OpenAPI document)', async () => {
      const doc = (await t.http().get('/docs-json').expect(200)).body as { paths: Record<string, Record<string, unknown>> };
      const intake = (await t.http().post('/v1/intakes').set('Authorization', p.auth).send(INTAKE).expect(201)).body;
      const referral = (
        await t.http().post('/v1/referrals').set('Authorization', p.auth).send({ intakeId: intake.id, resourceId }).expect(201)
      ).body;
      const spare = (await t.http().post('/v1/intakes').set('Authorization', p.auth).send(INTAKE).expect(201)).body;
      const revokable = (await issue(p.partnerId, { kind: 'secret', scopes: ['directory:read'] })).id;
      const rotatable = (await issue(p.partnerId, { kind: 'secret', scopes: ['directory:read'] })).id;
      const sensitive = /^\/v1\/(intakes|referrals|keys|partners\/me\/webhook)/;
      const walked: string[] = [];
      for (const [path, operations] of Object.entries(doc.paths).filter(([path]) => sensitive.test(path))) {
        for (const method of Object.keys(operations)) {
          const url = path
            .replace('{referralId}', referral.id)
            .replace('{intakeId}', spare.id)
            .replace('{keyId}', path.endsWith('/revoke') ? revokable : rotatable);
          const bodies: Record<string, unknown> = {
            'post /v1/intakes': INTAKE,
            'post /v1/referrals': { intakeId: intake.id, resourceId },
            'patch /v1/referrals/{referralId}': { status: 'accepted' },
            'put /v1/partners/me/webhook': { url: null },
            'post /v1/keys/{keyId}/rotate': { overlapHours: 1 },
            'post /v1/partners/me/webhook/rotate-secret': { overlapHours: 1 },
          };
          const req = (t.http() as unknown as Record<string, (u: string) => ReturnType<ReturnType<TestApp['http']>['get']>>)
            [method](url)
            .set('Authorization', p.auth);
          const res = await req.send(bodies[`${method} ${path}`] as object);
          expect({ route: `${method} ${path}`, status: res.status < 400 }).toEqual({ route: `${method} ${path}`, status: true });
          expect({ route: `${method} ${path}`, cache: res.headers['cache-control'] }).toEqual({
            route: `${method} ${path}`,
            cache: 'no-store',
          });
          walked.push(`${method} ${path}`);
        }
      }
      expect(walked).toEqual(
        expect.arrayContaining([
          'post /v1/intakes',
          'post /v1/referrals',
          'get /v1/referrals',
          'get /v1/referrals/{referralId}',
          'patch /v1/referrals/{referralId}',
          'delete /v1/referrals/{referralId}',
          'delete /v1/intakes/{intakeId}',
        ]),
      );
      // Errors about such a record say nothing worth caching either.
      const missing = await t.http().get('/v1/referrals/00000000-0000-4000-8000-000000000000').set('Authorization', p.auth);
      expect(missing.status).toBe(404);
      expect(missing.headers['cache-control']).toBe('no-store');
    });
  });

  describe('8. idempotency records are keyed per API key', () => {
    it("the publishable key cannot replay or pre-claim the secret key's Idempotency-Key", async () => {
      const viaBrowser = await t
        .http()
        .post('/v1/intakes')
        .set('Authorization', `Bearer ${p.publishableKey}`)
        .set('Origin', 'https://owner.example')
        .set('Idempotency-Key', 'shared-idem')
        .send(INTAKE)
        .expect(201);
      const viaServer = await t
        .http()
        .post('/v1/intakes')
        .set('Authorization', p.auth)
        .set('Idempotency-Key', 'shared-idem')
        .send({ ...INTAKE, region: 'US-TX' });
      expect(viaServer.status).toBe(201);
      expect(viaServer.headers['idempotent-replayed']).toBeUndefined();
      expect(viaServer.body.id).not.toBe(viaBrowser.body.id);
      const replay = await t
        .http()
        .post('/v1/intakes')
        .set('Authorization', p.auth)
        .set('Idempotency-Key', 'shared-idem')
        .send({ ...INTAKE, region: 'US-TX' })
        .expect(201);
      expect(replay.body.id).toBe(viaServer.body.id);
    });
  });

  describe('9. erasure', () => {
    it('deleting a referral removes its queued webhook events and idempotent replays', async () => {
      const w = await t.createPartner({ name: 'erasing' });
      await sql(t.databaseUrl, `UPDATE partner SET webhook_url = 'https://receiver.example/hook' WHERE id = $1`, [w.partnerId]);
      const intake = (await t.http().post('/v1/intakes').set('Authorization', w.auth).send(INTAKE).expect(201)).body;
      const referral = (
        await t
          .http()
          .post('/v1/referrals')
          .set('Authorization', w.auth)
          .set('Idempotency-Key', 'erase-me')
          .send({ intakeId: intake.id, resourceId })
          .expect(201)
      ).body;
      expect(await sql(t.databaseUrl, `SELECT 1 FROM webhook_outbox WHERE partner_id = $1`, [w.partnerId])).toHaveLength(1);
      await t.http().delete(`/v1/referrals/${referral.id}`).set('Authorization', w.auth).expect(204);
      expect(await sql(t.databaseUrl, `SELECT 1 FROM webhook_outbox WHERE partner_id = $1`, [w.partnerId])).toHaveLength(0);
      expect(
        await sql(t.databaseUrl, `SELECT 1 FROM idempotency_record WHERE partner_id = $1 AND key = 'erase-me'`, [w.partnerId]),
      ).toHaveLength(0);
      // The same Idempotency-Key no longer replays the erased referral.
      const again = await t
        .http()
        .post('/v1/referrals')
        .set('Authorization', w.auth)
        .set('Idempotency-Key', 'erase-me')
        .send({ intakeId: intake.id, resourceId })
        .expect(201);
      expect(again.body.id).not.toBe(referral.id);
    });

    it('DELETE /v1/intakes/:id erases an intake for its partner only (404 for others and for missing ids)', async () => {
      const intake = (
        await t.http().post('/v1/intakes').set('Authorization', p.auth).set('Idempotency-Key', 'intake-erase').send(INTAKE).expect(201)
      ).body;
      const referral = (
        await t.http().post('/v1/referrals').set('Authorization', p.auth).send({ intakeId: intake.id, resourceId }).expect(201)
      ).body;
      const foreign = await t.http().delete(`/v1/intakes/${intake.id}`).set('Authorization', other.auth);
      expect(foreign.status).toBe(404);
      expect(foreign.body.code).toBe('not_found');
      await t.http().delete(`/v1/intakes/${intake.id}`).set('Authorization', p.auth).expect(204);
      expect(await sql(t.databaseUrl, `SELECT 1 FROM intake WHERE id = $1`, [intake.id])).toHaveLength(0);
      expect(await sql(t.databaseUrl, `SELECT 1 FROM idempotency_record WHERE key = 'intake-erase'`)).toHaveLength(0);
      expect((await t.http().delete(`/v1/intakes/${intake.id}`).set('Authorization', p.auth)).status).toBe(404);
      expect((await t.http().delete('/v1/intakes/not-a-uuid').set('Authorization', p.auth)).status).toBe(404);
      const kept = await t.http().get(`/v1/referrals/${referral.id}`).set('Authorization', p.auth).expect(200);
      expect(kept.body.intakeId).toBeNull();
      // Publishable keys cannot erase.
      const pk = await t
        .http()
        .delete(`/v1/intakes/${referral.id}`)
        .set('Authorization', `Bearer ${p.publishableKey}`)
        .set('Origin', 'https://owner.example');
      expect(pk.status).toBe(403);
    });

    it('delivered and failed events are purged after the retention window; pending ones stay', async () => {
      const w = await t.createPartner({ name: 'outbox-retention' });
      await sql(
        t.databaseUrl,
        `INSERT INTO webhook_outbox (partner_id, type, payload, state, created_at, delivered_at) VALUES
           ($1, 'referral.created', '{}', 'delivered', now() - interval '40 days', now() - interval '40 days'),
           ($1, 'referral.created', '{}', 'failed', now() - interval '40 days', NULL),
           ($1, 'referral.created', '{}', 'delivered', now(), now()),
           ($1, 'referral.created', '{}', 'pending', now() - interval '40 days', NULL)`,
        [w.partnerId],
      );
      const { WebhookOutboxPurgeJob } = await import('../src/webhooks/webhook-outbox-purge.job.js');
      expect(await t.app.get(WebhookOutboxPurgeJob).purge()).toBeGreaterThanOrEqual(2);
      const left = await sql<{ state: string }>(t.databaseUrl, `SELECT state FROM webhook_outbox WHERE partner_id = $1 ORDER BY state`, [
        w.partnerId,
      ]);
      expect(left.map((r) => r.state)).toEqual(['delivered', 'pending']);
      expect(t.app.get(IntakeRepository)).toBeDefined();
    });
  });

  describe('6. per-partner webhook signing secrets, rotatable with dual signing', () => {
    let receiver: Server;
    let received: { headers: IncomingMessage['headers']; body: string }[] = [];
    let url: string;
    let w: TestApp;
    beforeAll(async () => {
      // The receiver listens on loopback: only this app's test-only allow-list lets webhooks reach it.
      w = await createTestApp({ WEBHOOK_TEST_ALLOWED_CIDRS: '127.0.0.1/32' }, [], { databaseUrl: t.databaseUrl });
      receiver = createServer((req, res) => {
        let body = '';
        req.on('data', (c) => (body += c));
        req.on('end', () => {
          received.push({ headers: req.headers, body });
          res.writeHead(204).end();
        });
      });
      await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', () => r()));
      url = `http://127.0.0.1:${(receiver.address() as { port: number }).port}/hooks`;
    });
    afterAll(async () => {
      await w.close();
      await new Promise<void>((r) => receiver.close(() => r()));
    });

    it('each partner has its own random secret; rotation signs with both during the overlap', async () => {
      const one = await w.createPartner({ name: 'signer-1' });
      const two = await w.createPartner({ name: 'signer-2' });
      const s1 = (await w.http().put('/v1/partners/me/webhook').set('Authorization', one.auth).send({ url }).expect(200)).body
        .signingSecret;
      const s2 = (await w.http().get('/v1/partners/me/webhook').set('Authorization', two.auth).expect(200)).body.signingSecret;
      expect(s1).toMatch(/^whsec_/);
      expect(s1).not.toBe(s2);
      const rotated = await w
        .http()
        .post('/v1/partners/me/webhook/rotate-secret')
        .set('Authorization', one.auth)
        .send({ overlapHours: 24 })
        .expect(201);
      expect(rotated.body.signingSecret).not.toBe(s1);
      expect(rotated.body.previousSigningSecretExpiresAt).toEqual(expect.any(String));
      const intake = (await w.http().post('/v1/intakes').set('Authorization', one.auth).send(INTAKE).expect(201)).body;
      await w.http().post('/v1/referrals').set('Authorization', one.auth).send({ intakeId: intake.id, resourceId }).expect(201);
      received = [];
      await w.app.get(WebhookDispatcher).deliverDue();
      const mine = received.filter((r) => JSON.parse(r.body).data.referral?.intakeId === intake.id);
      expect(mine).toHaveLength(1);
      const header = String(mine[0].headers['mend-signature']);
      expect(header.match(/v1=/g)).toHaveLength(2);
      expect(verifyWebhook(rotated.body.signingSecret, mine[0].body, header)).toBe(true);
      expect(verifyWebhook(s1, mine[0].body, header)).toBe(true);
      expect(verifyWebhook(s2, mine[0].body, header)).toBe(false);
      // Overlap 0: the old secret stops at once.
      const again = await w
        .http()
        .post('/v1/partners/me/webhook/rotate-secret')
        .set('Authorization', one.auth)
        .send({ overlapHours: 0 })
        .expect(201);
      await w
        .http()
        .post('/v1/referrals')
        .set('Authorization', one.auth)
        .send({ intakeId: intake.id, resourceId, clientReference: 'after-rotation' })
        .expect(201);
      received = [];
      await w.app.get(WebhookDispatcher).deliverDue();
      const after = received.find((r) => JSON.parse(r.body).data.referral?.clientReference === 'after-rotation')!;
      expect(String(after.headers['mend-signature']).match(/v1=/g)).toHaveLength(1);
      expect(verifyWebhook(again.body.signingSecret, after.body, String(after.headers['mend-signature']))).toBe(true);
      expect(verifyWebhook(rotated.body.signingSecret, after.body, String(after.headers['mend-signature']))).toBe(false);
    });
  });
});
