import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';

import { WebhookDispatcher } from '../src/webhooks/webhook-dispatcher.js';
import { createTestApp, type TestApp, type TestPartner } from './support/test-app.js';

const INTAKE = { concerns: ['infidelity'], willingness: 'both', region: 'US-OH', doNotContact: true };

describe('referrals', () => {
  let t: TestApp;
  let a: TestPartner;
  let b: TestPartner;
  let resourceId: string;
  let intakeA: string;
  let intakeB: string;

  const intake = async (p: TestPartner) => (await t.http().post('/v1/intakes').set('Authorization', p.auth).send(INTAKE).expect(201)).body;
  const create = (p: TestPartner, body: Record<string, unknown>, key?: string) => {
    const req = t.http().post('/v1/referrals').set('Authorization', p.auth);
    if (key) req.set('Idempotency-Key', key);
    return req.send(body);
  };

  beforeAll(async () => {
    // The webhook receiver below listens on loopback: reachable only through the test-only allow-list.
    t = await createTestApp({ WEBHOOK_TEST_ALLOWED_CIDRS: '127.0.0.1/32' });
    a = await t.createPartner({ name: 'partner-a', origins: ['https://a.example'] });
    b = await t.createPartner({ name: 'partner-b' });
    const first = await intake(a);
    intakeA = first.id;
    resourceId = first.matches[0].resource.id;
    intakeB = (await intake(b)).id;
  });
  afterAll(() => t.close());

  it('creates a referral: requested, with history, doNotContact and a capacity snapshot, least data', async () => {
    const res = await create(a, { intakeId: intakeA, resourceId, clientReference: 'case-1' }).expect(201);
    expect(res.headers.location).toBe(`/v1/referrals/${res.body.id}`);
    expect(res.body).toMatchObject({
      intakeId: intakeA,
      resourceId,
      clientReference: 'case-1',
      status: 'requested',
      outcome: null,
      doNotContact: true,
      allowedTransitions: ['accepted', 'rejected', 'on-hold', 'cancelled'],
    });
    expect(res.body.capacityAtReferral).toMatchObject({ acceptingNewClients: expect.any(Boolean) });
    expect(res.body.history).toEqual([expect.objectContaining({ from: null, to: 'requested' })]);
  });

  it('walks the lifecycle to completed with an outcome; every change is an event', async () => {
    const { body } = await create(a, { intakeId: intakeA, resourceId }).expect(201);
    for (const [status, extra] of [
      ['accepted', { reason: 'first_session_booked' }],
      ['in-progress', {}],
      ['completed', { outcome: 'got_help' }],
    ] as const) {
      const res = await t
        .http()
        .patch(`/v1/referrals/${body.id}`)
        .set('Authorization', a.auth)
        .send({ status, ...extra })
        .expect(200);
      expect(res.body.status).toBe(status);
    }
    const final = await t.http().get(`/v1/referrals/${body.id}`).set('Authorization', a.auth).expect(200);
    expect(final.body.outcome).toBe('got_help');
    expect(final.body.history.map((e: { from: string | null; to: string }) => [e.from, e.to])).toEqual([
      [null, 'requested'],
      ['requested', 'accepted'],
      ['accepted', 'in-progress'],
      ['in-progress', 'completed'],
    ]);
    expect(final.body.history[1].reason).toBe('first_session_booked');
    expect(final.body.history.every((e: { keyId: string }) => /^[0-9a-f-]{36}$/.test(e.keyId))).toBe(true);
    expect(final.body.allowedTransitions).toEqual([]);
  });

  it('rejects invalid transitions with 409 problem+json listing the allowed ones', async () => {
    const { body } = await create(a, { intakeId: intakeA, resourceId }).expect(201);
    const skip = await t.http().patch(`/v1/referrals/${body.id}`).set('Authorization', a.auth).send({ status: 'completed' });
    expect(skip.status).toBe(409);
    expect(skip.headers['content-type']).toMatch(/problem\+json/);
    expect(skip.body).toMatchObject({ code: 'invalid_transition', currentStatus: 'requested' });
    await t
      .http()
      .patch(`/v1/referrals/${body.id}`)
      .set('Authorization', a.auth)
      .send({ status: 'cancelled', outcome: 'no_longer_interested' })
      .expect(200);
    expect((await t.http().patch(`/v1/referrals/${body.id}`).set('Authorization', a.auth).send({ status: 'accepted' })).status).toBe(409);
  });

  it('validates: outcome only when it ends, codes not free text, unknown fields rejected', async () => {
    const { body } = await create(a, { intakeId: intakeA, resourceId }).expect(201);
    for (const [payload, field] of [
      [{ status: 'accepted', outcome: 'got_help' }, 'outcome'],
      [{ status: 'accepted', reason: 'She said he yelled' }, 'reason'],
      [{ status: 'done' }, 'status'],
      [{ status: 'accepted', note: 'x' }, 'note'],
    ] as const) {
      const res = await t.http().patch(`/v1/referrals/${body.id}`).set('Authorization', a.auth).send(payload);
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    const named = await create(a, { intakeId: intakeA, resourceId, clientReference: 'Jane Doe' });
    expect(named.status).toBe(400);
    const unknownResource = await create(a, { intakeId: intakeA, resourceId: '00000000-0000-4000-8000-000000000000' });
    expect(unknownResource.status).toBe(422);
  });

  describe('idempotency', () => {
    it('a retry with the same key and body returns the original response', async () => {
      const first = await create(a, { intakeId: intakeA, resourceId }, 'retry-1').expect(201);
      const again = await create(a, { resourceId, intakeId: intakeA }, 'retry-1').expect(201); // same body, other key order
      expect(again.body.id).toBe(first.body.id);
      expect(again.headers['idempotent-replayed']).toBe('true');
    });

    it('the same key with a different body is 422', async () => {
      await create(a, { intakeId: intakeA, resourceId }, 'retry-2').expect(201);
      const res = await create(a, { intakeId: intakeA, resourceId, clientReference: 'other' }, 'retry-2');
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('idempotency_key_reused');
    });

    it('keys are per partner', async () => {
      const mine = await create(a, { intakeId: intakeA, resourceId }, 'shared-key').expect(201);
      const theirs = await create(b, { intakeId: intakeB, resourceId }, 'shared-key').expect(201);
      expect(theirs.body.id).not.toBe(mine.body.id);
    });

    it('concurrent retries create exactly one referral; others replay it or get 409 while it runs', async () => {
      const results = await Promise.all(
        Array.from({ length: 8 }, () => create(a, { intakeId: intakeA, resourceId, clientReference: 'concurrent' }, 'burst-1')),
      );
      const created = results.filter((r) => r.status === 201);
      expect(created.length).toBeGreaterThan(0);
      expect(new Set(created.map((r) => r.body.id)).size).toBe(1);
      for (const r of results) expect([201, 409]).toContain(r.status);
      const client = new pg.Client({ connectionString: t.databaseUrl });
      await client.connect();
      try {
        const { rows } = await client.query(`SELECT count(*)::int AS n FROM referral WHERE client_reference = 'concurrent'`);
        expect(rows[0].n).toBe(1);
      } finally {
        await client.end();
      }
    });

    it('intakes honour Idempotency-Key too', async () => {
      const first = await t
        .http()
        .post('/v1/intakes')
        .set('Authorization', a.auth)
        .set('Idempotency-Key', 'intake-1')
        .send(INTAKE)
        .expect(201);
      const again = await t
        .http()
        .post('/v1/intakes')
        .set('Authorization', a.auth)
        .set('Idempotency-Key', 'intake-1')
        .send(INTAKE)
        .expect(201);
      expect(again.body.id).toBe(first.body.id);
      expect(
        (
          await t
            .http()
            .post('/v1/intakes')
            .set('Authorization', a.auth)
            .set('Idempotency-Key', 'intake-1')
            .send({ ...INTAKE, region: 'US-TX' })
        ).status,
      ).toBe(422);
    });

    it('rejects a malformed Idempotency-Key', async () => {
      const res = await create(a, { intakeId: intakeA, resourceId }, 'x'.repeat(300));
      expect(res.status).toBe(400);
    });
  });

  describe("isolation: another partner's records answer 404 on every endpoint", () => {
    let theirs: string;
    beforeAll(async () => {
      theirs = (await create(b, { intakeId: intakeB, resourceId, clientReference: 'b-only' }).expect(201)).body.id;
    });
    it('GET one', async () => {
      expect((await t.http().get(`/v1/referrals/${theirs}`).set('Authorization', a.auth)).status).toBe(404);
    });
    it('PATCH', async () => {
      expect((await t.http().patch(`/v1/referrals/${theirs}`).set('Authorization', a.auth).send({ status: 'accepted' })).status).toBe(404);
    });
    it('DELETE', async () => {
      expect((await t.http().delete(`/v1/referrals/${theirs}`).set('Authorization', a.auth)).status).toBe(404);
      await t.http().get(`/v1/referrals/${theirs}`).set('Authorization', b.auth).expect(200);
    });
    it('list', async () => {
      const list = await t.http().get('/v1/referrals?limit=100').set('Authorization', a.auth).expect(200);
      expect(list.body.data.some((r: { id: string }) => r.id === theirs)).toBe(false);
      expect(list.body.data.every((r: { clientReference: string | null }) => r.clientReference !== 'b-only')).toBe(true);
    });
    it("POST with another partner's intake (422, same as a missing one)", async () => {
      const res = await create(a, { intakeId: intakeB, resourceId });
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('intake_not_found');
    });
    it('a missing id looks the same as a foreign one', async () => {
      const missing = await t.http().get('/v1/referrals/00000000-0000-4000-8000-000000000000').set('Authorization', a.auth);
      const foreign = await t.http().get(`/v1/referrals/${theirs}`).set('Authorization', a.auth);
      expect([missing.status, missing.body.code, missing.body.detail]).toEqual([foreign.status, foreign.body.code, foreign.body.detail]);
    });
  });

  describe('access', () => {
    it('needs a key; publishable keys may create but not read or change', async () => {
      expect((await t.http().get('/v1/referrals')).status).toBe(401);
      const created = await t
        .http()
        .post('/v1/referrals')
        .set('Authorization', `Bearer ${a.publishableKey}`)
        .set('Origin', 'https://a.example')
        .send({ intakeId: intakeA, resourceId })
        .expect(201);
      const read = await t
        .http()
        .get(`/v1/referrals/${created.body.id}`)
        .set('Authorization', `Bearer ${a.publishableKey}`)
        .set('Origin', 'https://a.example');
      expect(read.status).toBe(403);
      const change = await t
        .http()
        .patch(`/v1/referrals/${created.body.id}`)
        .set('Authorization', `Bearer ${a.publishableKey}`)
        .set('Origin', 'https://a.example')
        .send({ status: 'accepted' });
      expect(change.status).toBe(403);
    });
  });

  it("lists the partner's referrals newest first, filtered, keyset-paginated without gaps or duplicates", async () => {
    const c = await t.createPartner({ name: 'lister' });
    const intakeC = (await intake(c)).id;
    const ids: string[] = [];
    for (let i = 0; i < 7; i++)
      ids.push((await create(c, { intakeId: intakeC, resourceId, clientReference: `r-${i}` }).expect(201)).body.id);
    await t.http().patch(`/v1/referrals/${ids[0]}`).set('Authorization', c.auth).send({ status: 'accepted' }).expect(200);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { body: { data: { id: string }[]; page: { nextCursor: string | null } } } = await t
        .http()
        .get(`/v1/referrals?limit=3${cursor ? `&cursor=${cursor}` : ''}`)
        .set('Authorization', c.auth)
        .expect(200);
      seen.push(...res.body.data.map((r: { id: string }) => r.id));
      cursor = res.body.page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...ids].reverse());
    const accepted = await t.http().get('/v1/referrals?status=accepted').set('Authorization', c.auth).expect(200);
    expect(accepted.body.data.map((r: { id: string }) => r.id)).toEqual([ids[0]]);
    const future = await t
      .http()
      .get(`/v1/referrals?createdFrom=${new Date(Date.now() + 60_000).toISOString()}`)
      .set('Authorization', c.auth)
      .expect(200);
    expect(future.body.data).toEqual([]);
    expect((await t.http().get('/v1/referrals?cursor=@@').set('Authorization', c.auth)).status).toBe(400);
  });

  it('a partner deletes its own referral data', async () => {
    const { body } = await create(a, { intakeId: intakeA, resourceId }).expect(201);
    await t.http().delete(`/v1/referrals/${body.id}`).set('Authorization', a.auth).expect(204);
    expect((await t.http().get(`/v1/referrals/${body.id}`).set('Authorization', a.auth)).status).toBe(404);
  });

  it('outlives the purged intake: only ids and history remain', async () => {
    const own = await intake(a);
    const { body } = await create(a, { intakeId: own.id, resourceId }).expect(201);
    const client = new pg.Client({ connectionString: t.databaseUrl });
    await client.connect();
    try {
      await client.query(`DELETE FROM intake WHERE id = $1`, [own.id]);
    } finally {
      await client.end();
    }
    const after = await t.http().get(`/v1/referrals/${body.id}`).set('Authorization', a.auth).expect(200);
    expect(after.body.intakeId).toBeNull();
    expect(after.body.history).toHaveLength(1);
  });

  describe('webhooks', () => {
    let server: Server;
    // One receiver, but each test its own path: a test sees only its own deliveries and failures.
    const received: { path: string; headers: IncomingMessage['headers']; body: string }[] = [];
    const failNext = new Map<string, number>();
    let base: string;
    const deliveredTo = (path: string) => received.filter((r) => r.path === path);
    beforeAll(async () => {
      server = createServer((req, res) => {
        let body = '';
        req.on('data', (c) => (body += c));
        req.on('end', () => {
          const path = req.url ?? '';
          if ((failNext.get(path) ?? 0) > 0) {
            failNext.set(path, failNext.get(path)! - 1);
            res.writeHead(500).end();
            return;
          }
          received.push({ path, headers: req.headers, body });
          res.writeHead(204).end();
        });
      });
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
      base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    });
    afterAll(() => new Promise<void>((r) => server.close(() => r())));

    it('delivers signed events for creation and each status change, once, with retries', async () => {
      const path = '/hooks/signed';
      const url = base + path;
      const w = await t.createPartner({ name: 'webhook-partner' });
      const settings = await t.http().put('/v1/partners/me/webhook').set('Authorization', w.auth).send({ url }).expect(200);
      expect(settings.body.signingSecret).toMatch(/^whsec_/);
      const wIntake = (await intake(w)).id;
      const { body: referral } = await create(w, { intakeId: wIntake, resourceId }).expect(201);
      await t.http().patch(`/v1/referrals/${referral.id}`).set('Authorization', w.auth).send({ status: 'accepted' }).expect(200);

      failNext.set(path, 1); // the first delivery fails and is retried later
      const dispatcher = t.app.get(WebhookDispatcher);
      await dispatcher.deliverDue();
      const client = new pg.Client({ connectionString: t.databaseUrl });
      await client.connect();
      try {
        // Make the retry due now instead of in 10 s, then drain again (twice: nothing is sent twice).
        await client.query(`UPDATE webhook_outbox SET next_attempt_at = now() WHERE state = 'pending'`);
        await dispatcher.deliverDue();
        await dispatcher.deliverDue();
        const { rows } = await client.query(`SELECT state, attempts FROM webhook_outbox WHERE partner_id = $1 ORDER BY created_at`, [
          w.partnerId,
        ]);
        expect(rows.map((r) => r.state)).toEqual(['delivered', 'delivered']);
        expect(rows.map((r) => r.attempts).sort()).toEqual([1, 2]);
      } finally {
        await client.end();
      }
      const events = deliveredTo(path).map((r) => JSON.parse(r.body));
      expect(events.map((e) => e.type).sort()).toEqual(['referral.created', 'referral.status_changed']);
      expect(new Set(events.map((e) => e.id)).size).toBe(2);
      const changed = events.find((e) => e.type === 'referral.status_changed');
      expect(changed.data).toMatchObject({ previousStatus: 'requested', referral: { id: referral.id, status: 'accepted' } });
      for (const r of deliveredTo(path)) {
        expect(r.headers['mend-event-id']).toBe(JSON.parse(r.body).id);
        // The documented scheme, recomputed here with node:crypto (not the app's verifyWebhook):
        // Mend-Signature: t=<unix seconds>,v1=hex(HMAC-SHA-256(secret, "<t>.<raw body>")).
        const signature = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(r.headers['mend-signature']));
        expect(signature).not.toBeNull();
        const [, ts, v1] = signature!;
        expect(v1).toBe(createHmac('sha256', settings.body.signingSecret).update(`${ts}.${r.body}`).digest('hex'));
        expect(v1).not.toBe(createHmac('sha256', 'whsec_wrong').update(`${ts}.${r.body}`).digest('hex'));
        expect(Math.abs(Date.now() / 1000 - Number(ts))).toBeLessThan(3600); // a current timestamp, not 0 or a constant
      }
    });

    it('two API instances draining the outbox at once deliver each event exactly once', async () => {
      const url = `${base}/hooks/two-instances`;
      const w = await t.createPartner({ name: 'two-instances' });
      await t.http().put('/v1/partners/me/webhook').set('Authorization', w.auth).send({ url }).expect(200);
      const wIntake = (await intake(w)).id;
      const created: string[] = [];
      for (let i = 0; i < 12; i++)
        created.push((await create(w, { intakeId: wIntake, resourceId, clientReference: `multi-${i}` }).expect(201)).body.id);
      const other = await createTestApp({ WEBHOOK_TEST_ALLOWED_CIDRS: '127.0.0.1/32' }, [], { databaseUrl: t.databaseUrl });
      try {
        const [one, two] = [t.app.get(WebhookDispatcher), other.app.get(WebhookDispatcher)];
        for (let round = 0; round < 3; round++) await Promise.all([one.deliverDue(), two.deliverDue()]);
      } finally {
        await other.close();
      }
      const ids = deliveredTo('/hooks/two-instances')
        .map((r) => JSON.parse(r.body))
        .filter((e) => e.data.referral.clientReference?.startsWith('multi-'))
        .map((e) => e.data.referral.id);
      expect(ids.sort()).toEqual([...created].sort());
    });

    it('rejects a non-https webhook URL', async () => {
      const res = await t.http().put('/v1/partners/me/webhook').set('Authorization', a.auth).send({ url: 'ftp://example.org/hook' });
      expect(res.status).toBe(400);
    });
  });
});
