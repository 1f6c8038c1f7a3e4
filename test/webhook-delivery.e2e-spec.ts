import { createServer, type Server } from 'node:http';

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';

import { nextDelaySeconds, WebhookDispatcher } from '../src/webhooks/webhook-dispatcher.js';
import { createTestApp, type TestApp, type TestPartner } from './support/test-app.js';

/**
 * Webhook delivery beyond the happy path: retries end in `failed` after the maximum attempts,
 * backoff doubles from 10 s up to a 6 h cap, a lease left by a dead instance is reclaimed, and a
 * redirect is never followed. Each test has its own partner and receiver path; the outbox rows are
 * moved in time by SQL instead of waiting.
 */
describe('webhook delivery', () => {
  let t: TestApp;
  let db: DataSource;
  let dispatcher: WebhookDispatcher;
  let server: Server;
  let base: string;
  const hits = new Map<string, number>();

  beforeAll(async () => {
    t = await createTestApp({ WEBHOOK_TEST_ALLOWED_CIDRS: '127.0.0.1/32' }); // the local receiver, through the test-only allow-list
    db = t.app.get(DataSource);
    dispatcher = t.app.get(WebhookDispatcher);
    server = createServer((req, res) => {
      const path = req.url ?? '';
      hits.set(path, (hits.get(path) ?? 0) + 1);
      req.resume().on('end', () => {
        if (path.startsWith('/fail')) res.writeHead(500).end();
        else if (path.startsWith('/redirect')) res.writeHead(302, { location: `${base}/redirect-target${path}` }).end();
        else res.writeHead(204).end();
      });
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', () => done()));
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(async () => {
    await t.close();
    await new Promise<void>((done) => server.close(() => done()));
  });

  /** A partner whose webhook goes to `path`, and the id of its one outbox event (referral.created). */
  async function eventFor(path: string): Promise<{ partner: TestPartner; eventId: string }> {
    const partner = await t.createPartner({ name: `hooks${path.replace(/\W/g, '-')}` });
    await t
      .http()
      .put('/v1/partners/me/webhook')
      .set('Authorization', partner.auth)
      .send({ url: base + path })
      .expect(200);
    const intake = await t
      .http()
      .post('/v1/intakes')
      .set('Authorization', partner.auth)
      .send({ concerns: ['lying'], willingness: 'both', region: 'US-OH' })
      .expect(201);
    await t
      .http()
      .post('/v1/referrals')
      .set('Authorization', partner.auth)
      .send({ intakeId: intake.body.id, resourceId: intake.body.matches[0].resource.id })
      .expect(201);
    const rows = await db.query(`SELECT id FROM webhook_outbox WHERE partner_id = $1`, [partner.partnerId]);
    expect(rows).toHaveLength(1);
    return { partner, eventId: rows[0].id };
  }
  const row = async (id: string) =>
    (await db.query(`SELECT state, attempts, last_error, next_attempt_at, now() AS db_now FROM webhook_outbox WHERE id = $1`, [id]))[0] as {
      state: string;
      attempts: number;
      last_error: string | null;
      next_attempt_at: Date;
      db_now: Date;
    };
  const dbNow = async () => (await db.query('SELECT clock_timestamp() AS now'))[0].now as Date;

  it('backs off 10 s, 20 s, 40 s … and never more than 6 h', () => {
    // Written out, not computed by the same formula.
    expect([1, 2, 3, 4, 5].map(nextDelaySeconds)).toEqual([10, 20, 40, 80, 160]);
    expect(nextDelaySeconds(11)).toBe(10_240);
    expect(nextDelaySeconds(12)).toBe(20_480);
    expect(nextDelaySeconds(13)).toBe(21_600);
    expect(nextDelaySeconds(40)).toBe(21_600);
  });

  it('a failed delivery is retried after the backoff for its attempt number', async () => {
    const { eventId } = await eventFor('/fail/backoff');
    await db.query(`UPDATE webhook_outbox SET attempts = 2 WHERE id = $1`, [eventId]); // this is the third attempt
    const before = await dbNow();
    await dispatcher.deliverDue();
    const after = await dbNow();
    const r = await row(eventId);
    expect(r).toMatchObject({ state: 'pending', attempts: 3, last_error: 'HTTP 500' });
    // 40 s after the failure was recorded, which happened between `before` and `after`.
    expect(r.next_attempt_at.getTime()).toBeGreaterThanOrEqual(before.getTime() + 40_000);
    expect(r.next_attempt_at.getTime()).toBeLessThanOrEqual(after.getTime() + 40_000);
  });

  it('gives up after 10 attempts: the event is failed and no longer tried', async () => {
    const { eventId } = await eventFor('/fail/max');
    await db.query(`UPDATE webhook_outbox SET attempts = 8 WHERE id = $1`, [eventId]);
    await dispatcher.deliverDue(); // attempt 9: still pending
    expect(await row(eventId)).toMatchObject({ state: 'pending', attempts: 9 });
    await db.query(`UPDATE webhook_outbox SET next_attempt_at = now() WHERE id = $1`, [eventId]);
    await dispatcher.deliverDue(); // attempt 10: failed
    expect(await row(eventId)).toMatchObject({ state: 'failed', attempts: 10, last_error: 'HTTP 500' });
    const sent = hits.get('/fail/max');
    await db.query(`UPDATE webhook_outbox SET next_attempt_at = now() - interval '1 day' WHERE id = $1`, [eventId]);
    await dispatcher.deliverDue();
    expect(hits.get('/fail/max')).toBe(sent);
    expect(await row(eventId)).toMatchObject({ state: 'failed', attempts: 10 });
  });

  it('reclaims an event whose lease ran out (its instance died mid-delivery), but not one still leased', async () => {
    const expired = await eventFor('/ok/lease-expired');
    const held = await eventFor('/ok/lease-held');
    await db.query(
      `UPDATE webhook_outbox SET state = 'delivering', attempts = 1, next_attempt_at = now() - interval '1 second' WHERE id = $1`,
      [expired.eventId],
    );
    await db.query(
      `UPDATE webhook_outbox SET state = 'delivering', attempts = 1, next_attempt_at = now() + interval '1 hour' WHERE id = $1`,
      [held.eventId],
    );
    await dispatcher.deliverDue();
    expect(await row(expired.eventId)).toMatchObject({ state: 'delivered', attempts: 2 });
    expect(hits.get('/ok/lease-expired')).toBe(1);
    expect(await row(held.eventId)).toMatchObject({ state: 'delivering', attempts: 1 });
    expect(hits.get('/ok/lease-held')).toBeUndefined();
  });

  it('the scheduled tick is the same delivery (tests only stop its timer, test-app.ts NoSchedulingRegistry)', async () => {
    const { eventId } = await eventFor('/ok/tick');
    await dispatcher.tick();
    expect(await row(eventId)).toMatchObject({ state: 'delivered', attempts: 1 });
    expect(hits.get('/ok/tick')).toBe(1);
  });

  it('never follows a redirect: the event stays undelivered and the target gets nothing', async () => {
    const { eventId } = await eventFor('/redirect/once');
    await dispatcher.deliverDue();
    const r = await row(eventId);
    expect(r.state).toBe('pending');
    expect(r.attempts).toBe(1);
    expect(r.last_error).toBeTruthy();
    expect(hits.get('/redirect/once')).toBe(1);
    expect(hits.get('/redirect-target/redirect/once')).toBeUndefined();
  });
});
