import { randomUUID } from 'node:crypto';

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';

import { IdempotencyService } from '../src/idempotency/idempotency.service.js';
import { createTestApp, type TestApp, type TestPartner } from './support/test-app.js';

/**
 * Idempotency keys are kept 24 hours: replays inside that window return the first answer; after
 * it the key is free again, and the purge removes expired records only. Time passes by moving
 * expires_at in the database, not by waiting.
 */
describe('idempotency records: expiry and purge', () => {
  let t: TestApp;
  let db: DataSource;
  let partner: TestPartner;
  let target: { intakeId: string; resourceId: string };
  beforeAll(async () => {
    t = await createTestApp();
    db = t.app.get(DataSource);
    partner = await t.createPartner({ name: 'idempotent' });
    const intake = await t
      .http()
      .post('/v1/intakes')
      .set('Authorization', partner.auth)
      .send({ concerns: ['lying'], willingness: 'both', region: 'US-OH' })
      .expect(201);
    target = { intakeId: intake.body.id, resourceId: intake.body.matches[0].resource.id };
  });
  afterAll(() => t.close());

  const send = (key: string, clientReference: string) =>
    t
      .http()
      .post('/v1/referrals')
      .set('Authorization', partner.auth)
      .set('Idempotency-Key', key)
      .send({ ...target, clientReference });
  const recordOf = async (key: string) =>
    (
      await db.query(`SELECT extract(epoch FROM expires_at - created_at)::int AS kept_seconds FROM idempotency_record WHERE key = $1`, [
        key,
      ])
    )[0] as { kept_seconds: number } | undefined;

  it('keeps a key for 24 hours, replaying the first answer within them', async () => {
    const key = randomUUID();
    const first = await send(key, 'idem-window').expect(201);
    const replay = await send(key, 'idem-window').expect(201);
    expect(replay.body.id).toBe(first.body.id);
    expect((await recordOf(key))!.kept_seconds).toBe(24 * 3600);
  });

  it('after expiry the same key makes a new referral', async () => {
    const key = randomUUID();
    const first = await send(key, 'idem-expiry').expect(201);
    await db.query(`UPDATE idempotency_record SET expires_at = now() - interval '1 second' WHERE key = $1`, [key]);
    const later = await send(key, 'idem-expiry').expect(201);
    expect(later.body.id).not.toBe(first.body.id);
    const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM referral WHERE client_reference = 'idem-expiry'`);
    expect(n).toBe(2);
  });

  it('the purge deletes expired records and keeps live ones, which still replay', async () => {
    const expired = randomUUID();
    const live = randomUUID();
    await send(expired, 'idem-purge-old').expect(201);
    const kept = await send(live, 'idem-purge-live').expect(201);
    await db.query(`UPDATE idempotency_record SET expires_at = now() - interval '1 hour' WHERE key = $1`, [expired]);
    const [{ n: expiredBefore }] = await db.query(`SELECT count(*)::int AS n FROM idempotency_record WHERE expires_at < now()`);
    expect(await t.app.get(IdempotencyService).purgeExpired()).toBe(expiredBefore);
    expect(await recordOf(expired)).toBeUndefined();
    expect(await recordOf(live)).toBeDefined();
    expect((await send(live, 'idem-purge-live').expect(201)).body.id).toBe(kept.body.id);
  });

  describe('the Idempotency-Key header and the answer', () => {
    const intake = (key: string | undefined, body: object) => {
      const request = t.http().post('/v1/intakes').set('Authorization', partner.auth);
      return (key === undefined ? request : request.set('Idempotency-Key', key)).send(body);
    };

    it('a referral answers 201 with its Location, first and on a replay, which alone says Idempotent-Replayed', async () => {
      const key = randomUUID();
      const first = await send(key, 'idem-headers').expect(201);
      expect(first.headers.location).toBe(`/v1/referrals/${first.body.id}`);
      expect(first.headers['idempotent-replayed']).toBeUndefined();
      const replay = await send(key, 'idem-headers').expect(201);
      expect(replay.headers.location).toBe(`/v1/referrals/${first.body.id}`);
      expect(replay.headers['idempotent-replayed']).toBe('true');
    });

    it('an intake replay answers 201 with Idempotent-Replayed, and no Location', async () => {
      const body = { concerns: ['lying'], willingness: 'both', region: 'US-OH' };
      const first = await intake('intake-headers', body).expect(201);
      expect(first.headers['idempotent-replayed']).toBeUndefined();
      const replay = await intake('intake-headers', body).expect(201);
      expect(replay.body.id).toBe(first.body.id);
      expect(replay.headers['idempotent-replayed']).toBe('true');
      expect(replay.headers.location).toBeUndefined();
    });

    it('a quoted key (a structured-field string) is the same key unquoted', async () => {
      const first = await send('quoted-key', 'idem-quoted').expect(201);
      const quoted = await send('"quoted-key"', 'idem-quoted').expect(201);
      expect(quoted.body.id).toBe(first.body.id);
      expect(quoted.headers['idempotent-replayed']).toBe('true');
    });

    it('a malformed key is a 400 naming the header; with an invalid body too, the body is named', async () => {
      for (const key of ['x'.repeat(256), '""', 'tab\there']) {
        const res = await send(key, 'idem-malformed').expect(400);
        expect([key, res.body.code, res.body.errors]).toEqual([
          key,
          'validation_failed',
          [expect.objectContaining({ field: 'Idempotency-Key', code: 'invalid_idempotency_key' })],
        ]);
      }
      const both = await intake('x'.repeat(256), { concerns: ['lying'], willingness: 'sometimes', region: 'US-OH' }).expect(400);
      expect(both.body.errors.map((e: { field: string }) => e.field)).toEqual(['willingness']);
    });
  });
});
