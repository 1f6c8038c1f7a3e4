import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';

import { FixedClock } from '../src/common/clock.js';
import type { ResourceResponse } from '../src/resources/dto/resource.response.js';
import { WebhookDispatcher } from '../src/webhooks/webhook-dispatcher.js';
import { submitIntake } from './support/intakes.js';
import { createTestApp, type TestApp, type TestPartner } from './support/test-app.js';

const NDVH = 'national-domestic-violence-hotline';
const LOVEISRESPECT = 'loveisrespect';
const HOUR = 3_600_000;

interface Report {
  id: string;
  resource: { id: string; slug: string; name: string; kind: string };
  reason: string;
  note: string | null;
  status: string;
  reporterPartnerId: string | null;
  suspendsSafetyLine: boolean;
  createdAt: string;
  closed: null | {
    at: string;
    partnerId: string | null;
    keyId: string | null;
    reverified: boolean;
    listingUpdated: boolean;
    dismissReason: string | null;
  };
}

/**
 * Reports from the field (issue 16): anyone may report a problem with a listing (a reason, and a
 * short note without personal data), visitors under a strict per-IP limit; curators triage them
 * (list, resolve with re-verification or a listing change, dismiss), audited; several independent
 * reports suspend a safety line from every safety list until a curator reviews it; curators'
 * webhooks hear of every report, signed, without the note.
 */
describe('reports from the field', () => {
  let t: TestApp;
  let db: DataSource;
  let curator: TestPartner;
  let reader: TestPartner;
  let server: Server;
  let base: string;
  const received: { path: string; headers: IncomingHttpHeaders; body: string }[] = [];
  const clock = new FixedClock(new Date('2026-12-02T12:00:00Z'));
  let nextIp = 1;
  /** A fresh visitor address (X-Forwarded-For through the trusted loopback proxy). */
  const visitor = () => `198.${nextIp++}.100.1`; // a network of its own: one /24 is one reporter

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        received.push({ path: req.url ?? '', headers: req.headers, body });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', () => done()));
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    t = await createTestApp(
      {
        TRUST_PROXY: '127.0.0.1/8,::1/128,::ffff:127.0.0.1/128',
        WEBHOOK_TEST_ALLOWED_CIDRS: '127.0.0.1/32',
        RATE_LIMIT_REPORTS_PER_IP_PER_HOUR: '5', // the default, which createTestApp otherwise lifts
      },
      [],
      { clock },
    );
    db = t.app.get(DataSource);
    curator = await t.createPartner({ name: 'reports-curator' });
    reader = await t.createPartner({ name: 'reports-reader', scopes: ['directory:read', 'webhooks:manage'] });
  });
  afterAll(async () => {
    await t.close();
    await new Promise<void>((done) => server.close(() => done()));
  });

  const report = (idOrSlug: string, body: Record<string, unknown>, from: { ip?: string; auth?: string } = {}) => {
    const req = t
      .http()
      .post(`/v1/resources/${idOrSlug}/reports`)
      .set('X-Forwarded-For', from.ip ?? visitor());
    if (from.auth) void req.set('Authorization', from.auth);
    return req.send(body);
  };
  const asCurator = () => ({ Authorization: curator.auth });
  const stored = async (id: string) => (await db.query(`SELECT * FROM resource_report WHERE id = $1`, [id]))[0];
  const safetyLines = async (query: string) =>
    ((await t.http().get(`/v1/safety-lines?${query}`).expect(200)).body.lines as ResourceResponse[]).map((l) => l.slug);
  const resourceId = async (slug: string) => ((await t.http().get(`/v1/resources/${slug}`).expect(200)).body as ResourceResponse).id;
  const listFor = async (slug: string, query = '') =>
    (await t.http().get(`/v1/curation/reports?resource=${slug}${query}`).set(asCurator()).expect(200)).body.data as Report[];

  describe('sending a report', () => {
    it('a visitor without a key: 201, stored with a keyed hash of the IP (never the address) and no partner', async () => {
      const res = await report('riverbend-couples-therapy', { reason: 'not_accepting_clients' }, { ip: '203.0.113.77' }).expect(201);
      expect(res.body).toEqual({
        id: expect.any(String),
        resourceId: await resourceId('riverbend-couples-therapy'),
        reason: 'not_accepting_clients',
        status: 'open',
        createdAt: '2026-12-02T12:00:00.000Z',
      });
      const row = await stored(res.body.id);
      expect(row).toMatchObject({ reporter_partner_id: null, note: null, status: 'open' });
      expect(row.reporter_hash).toMatch(/^[A-Za-z0-9_-]{32}$/);
      expect(JSON.stringify(row)).not.toContain('203.0.113.77');
      expect(res.headers['cache-control']).toBe('no-store');
    });

    it('a partner with any directory:read key: attributed to the partner, no IP hash (its server is one reporter)', async () => {
      const res = await report(
        'riverbend-couples-therapy',
        { reason: 'wrong_fees', note: 'Fees are now $180 a session.' },
        { auth: reader.auth },
      ).expect(201);
      expect(await stored(res.body.id)).toMatchObject({
        reporter_partner_id: reader.partnerId,
        reporter_hash: null,
        note: 'Fees are now $180 a session.',
      });
    });

    it('a visitor through a publishable key: attributed to the partner and told apart by IP hash', async () => {
      const res = await t
        .http()
        .post('/v1/resources/riverbend-couples-therapy/reports')
        .set('Authorization', `Bearer ${curator.publishableKey}`)
        .set('Origin', 'https://partner.example')
        .set('X-Forwarded-For', visitor())
        .send({ reason: 'wrong_hours' })
        .expect(201);
      const row = await stored(res.body.id);
      expect(row.reporter_partner_id).toBe(curator.partnerId);
      expect(row.reporter_hash).toMatch(/^[A-Za-z0-9_-]{32}$/);
    });

    it.each([
      ['an email address', 'please write to me: sam.doe@example.com', 'email'],
      ['a phone number', 'call me back on 614-555-0142', 'phone_number'],
      ['a name', 'Maria Lopez at the desk said they closed', 'name'],
      ['"my name is"', 'my name is Zorblat and nobody answered', 'name'],
      ['a street address', 'I live at 1420 Oak Street and they never came', 'street_address'],
      ["a link to a person's page", 'see facebook.com/sam.doe.123', 'personal_url'],
    ])('a note with %s is refused with 422 report_note_personal_data, and nothing is stored', async (_what, note, finding) => {
      const before = (await db.query(`SELECT count(*)::int AS n FROM resource_report`))[0].n;
      const res = await report(NDVH, { reason: 'other', note }).expect(422);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({ code: 'report_note_personal_data', errors: [{ field: 'note', code: finding }] });
      expect(res.body.detail).toMatch(/contact details or names/);
      expect(JSON.stringify(res.body)).not.toContain(note); // the note is never echoed
      expect((await db.query(`SELECT count(*)::int AS n FROM resource_report`))[0].n).toBe(before);
    });

    it("the listing's own published number in a note is fine: that is what the report is about", async () => {
      await report(NDVH, { reason: 'phone_not_working', note: '1-800-799-7233 rang out all evening' }, { auth: reader.auth }).expect(201);
    });

    it('bad input: unknown reason or a note over 280 characters → 400; unknown listing → 404', async () => {
      expect((await report(NDVH, { reason: 'rude' }).expect(400)).body.errors[0].field).toBe('reason');
      expect((await report(NDVH, { reason: 'other', note: 'x'.repeat(281) }).expect(400)).body.errors[0].field).toBe('note');
      expect((await report(NDVH, { reason: 'other', extra: 1 }).expect(400)).body.errors[0].code).toBe('unknown_field');
      expect((await report('no-such-listing', { reason: 'closed' }).expect(404)).body.code).toBe('not_found');
    });

    it('visitors are limited per IP (5 an hour by default): the sixth is 429 with Retry-After', async () => {
      const ip = visitor();
      for (let i = 0; i < 5; i++) await report('riverbend-couples-therapy', { reason: 'other' }, { ip }).expect(201);
      const limited = await report('riverbend-couples-therapy', { reason: 'other' }, { ip }).expect(429);
      expect(limited.body.code).toBe('rate_limited');
      expect(limited.body.detail).toMatch(/per hour/);
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      expect(limited.headers['ratelimit-policy']).toBe('"report-ip";q=5;w=3600');
      // Another visitor, and a partner's server, are not held back by it.
      await report('riverbend-couples-therapy', { reason: 'other' }).expect(201);
      await report('riverbend-couples-therapy', { reason: 'other' }, { ip, auth: reader.auth }).expect(201);
    });
  });

  describe('suspension of a safety line', () => {
    it('three independent phone_not_working / closed reports within the window suspend it from every safety list; the same role still has a line', async () => {
      expect(await safetyLines('country=US&roles=domestic_violence')).toContain(NDVH);
      const sameIp = visitor();
      await report(NDVH, { reason: 'phone_not_working' }, { ip: sameIp }).expect(201);
      await report(NDVH, { reason: 'phone_not_working' }, { ip: sameIp }).expect(201); // the same person twice counts once
      await report(NDVH, { reason: 'wrong_hours' }).expect(201); // not a suspending reason
      expect(await safetyLines('country=US&roles=domestic_violence')).toContain(NDVH);

      await report(NDVH, { reason: 'closed' }).expect(201);
      // Two visitors and one partner (reported earlier in this file with its own note) make three.
      const lines = await safetyLines('country=US&roles=domestic_violence');
      expect(lines).not.toContain(NDVH);
      expect(lines).toContain(LOVEISRESPECT);

      const intake = await submitIntake<{ safety: { resources: ResourceResponse[]; emergency: unknown } }>(t, curator.auth, {
        concerns: ['other'],
        willingness: 'both',
        safety: { feelsAfraid: true },
        country: 'US',
      });
      const shown = intake.safety.resources.map((l) => l.slug);
      expect(shown).not.toContain(NDVH);
      expect(shown).toContain(LOVEISRESPECT);
      expect(intake.safety.emergency).toBeTruthy();
      // Nothing is said about the line left out.
      expect(JSON.stringify(intake)).not.toMatch(/suspend/i);
      expect((await listFor(NDVH, '&status=open')).filter((r) => r.suspendsSafetyLine).length).toBeGreaterThanOrEqual(3);
      // Where it is still listed (the directory, by id), it says so: someone could otherwise call a dead number.
      expect((await t.http().get(`/v1/resources/${NDVH}`).expect(200)).body.verification.reportedNotWorking).toBe(true);
      const search = await t.http().get('/v1/resources?kind=hotline&limit=100').expect(200);
      const listed = (search.body.data as ResourceResponse[]).find((r) => r.slug === NDVH)!;
      expect(listed.verification.reportedNotWorking).toBe(true);
      expect((search.body.data as ResourceResponse[]).find((r) => r.slug === LOVEISRESPECT)!.verification.reportedNotWorking).toBe(false);
    });

    it('a curator dismissing one of them lifts the suspension: the line was reviewed; the count starts again', async () => {
      const suspending = (await listFor(NDVH, '&status=open')).find((r) => r.suspendsSafetyLine)!;
      await t.http().post(`/v1/curation/reports/${suspending.id}/dismiss`).set(asCurator()).send({ reason: 'listing_correct' }).expect(200);
      expect(await safetyLines('country=US&roles=domestic_violence')).toContain(NDVH);
      expect((await t.http().get(`/v1/resources/${NDVH}`).expect(200)).body.verification.reportedNotWorking).toBe(false);
      expect((await listFor(NDVH, '&status=open')).some((r) => r.suspendsSafetyLine)).toBe(false);
      // Reports from before the review no longer count: two new ones are not enough.
      await report(NDVH, { reason: 'closed' }).expect(201);
      await report(NDVH, { reason: 'closed' }).expect(201);
      expect(await safetyLines('country=US&roles=domestic_violence')).toContain(NDVH);
    });

    it('reports spread wider than the window do not add up', async () => {
      const slug = '988-suicide-and-crisis-lifeline';
      clock.set(new Date('2026-12-03T00:00:00Z'));
      await report(slug, { reason: 'phone_not_working' }).expect(201);
      clock.set(new Date(Date.parse('2026-12-03T00:00:00Z') + 40 * HOUR));
      await report(slug, { reason: 'phone_not_working' }).expect(201);
      clock.set(new Date(Date.parse('2026-12-03T00:00:00Z') + 80 * HOUR)); // the first is now outside the 72 h
      await report(slug, { reason: 'phone_not_working' }).expect(201);
      expect(await safetyLines('country=US&roles=crisis')).toContain(slug);
      await report(slug, { reason: 'phone_not_working' }).expect(201); // three within 72 h
      expect(await safetyLines('country=US&roles=crisis')).not.toContain(slug);
      expect(await safetyLines('country=US&roles=crisis')).toContain('crisis-text-line');
      // Resolving with a re-verification lifts it too.
      const open = (await listFor(slug, '&status=open'))[0];
      await t.http().post(`/v1/curation/reports/${open.id}/resolve`).set(asCurator()).send({ reverify: true }).expect(200);
      expect(await safetyLines('country=US&roles=crisis')).toContain(slug);
      clock.set(new Date('2026-12-02T12:00:00Z'));
    });

    it('a listing that is not a safety line is never suspended', async () => {
      for (let i = 0; i < 3; i++) await report('riverbend-couples-therapy', { reason: 'closed' }).expect(201);
      expect((await listFor('riverbend-couples-therapy', '&reason=closed')).every((r) => !r.suspendsSafetyLine)).toBe(true);
    });
  });

  describe('curator triage', () => {
    it('only curators (resources:write) see reports', async () => {
      await t.http().get('/v1/curation/reports').expect(401);
      await t.http().get('/v1/curation/reports').set('Authorization', reader.auth).expect(403);
    });

    it('lists newest first with filters by status, reason and resource, in keyset pages', async () => {
      const all = (await t.http().get('/v1/curation/reports?resource=riverbend-couples-therapy&limit=100').set(asCurator()).expect(200))
        .body.data as Report[];
      expect(all.length).toBeGreaterThan(5);
      expect(all.every((r) => r.resource.slug === 'riverbend-couples-therapy' && r.resource.name === 'Riverbend Couples Therapy')).toBe(
        true,
      );
      const created = all.map((r) => r.createdAt);
      expect([...created].sort().reverse()).toEqual(created);

      const paged: Report[] = [];
      let cursor: string | null = null;
      do {
        const res: { body: { data: Report[]; page: { nextCursor: string | null } } } = await t
          .http()
          .get(`/v1/curation/reports?resource=riverbend-couples-therapy&limit=2${cursor ? `&cursor=${cursor}` : ''}`)
          .set(asCurator())
          .expect(200);
        paged.push(...res.body.data);
        cursor = res.body.page.nextCursor;
      } while (cursor);
      expect(paged.map((r) => r.id)).toEqual(all.map((r) => r.id));

      const fees = (await t.http().get('/v1/curation/reports?reason=wrong_fees&status=open').set(asCurator()).expect(200)).body
        .data as Report[];
      expect(fees.length).toBeGreaterThan(0);
      expect(fees.every((r) => r.reason === 'wrong_fees' && r.status === 'open')).toBe(true);
      expect(fees[0]).toMatchObject({ note: 'Fees are now $180 a session.', reporterPartnerId: reader.partnerId, closed: null });

      expect((await t.http().get('/v1/curation/reports?resource=no-such-listing').set(asCurator()).expect(200)).body.data).toEqual([]);
      expect((await t.http().get('/v1/curation/reports?cursor=bm9wZQ').set(asCurator()).expect(400)).body.code).toBe('validation_failed');
    });

    it('resolve with reverify: the listing is verified by report_review, audited, and the report closed with who and when', async () => {
      const res = await report('riverbend-couples-therapy', { reason: 'wrong_hours' }).expect(201);
      // Later than the report, but within a day of the real date: the merged record's lastVerifiedAt must not be in the future.
      clock.set(new Date('2026-12-02T15:00:00Z'));
      const resolved = await t
        .http()
        .post(`/v1/curation/reports/${res.body.id}/resolve`)
        .set(asCurator())
        .send({ reverify: true })
        .expect(200);
      expect(resolved.body.report).toMatchObject({
        status: 'resolved',
        closed: {
          at: '2026-12-02T15:00:00.000Z',
          partnerId: curator.partnerId,
          reverified: true,
          listingUpdated: false,
          dismissReason: null,
        },
      });
      expect(resolved.body.resource.verification).toEqual({
        lastVerifiedAt: '2026-12-02T15:00:00.000Z',
        verifiedBy: 'report_review',
        status: 'current',
        reportedNotWorking: false,
      });
      expect(resolved.headers.etag).toMatch(/^"v\d+"$/);
      const audit = await t.http().get(`/v1/resources/${res.body.resourceId}/audit?limit=1`).set(asCurator()).expect(200);
      expect(audit.body.data[0]).toMatchObject({
        action: 'verify',
        partnerId: curator.partnerId,
        after: { verification: { verifiedBy: 'report_review' } },
      });
      // Search reads its own write.
      const search = await t.http().get('/v1/resources?q=riverbend&limit=5').expect(200);
      expect((search.body.data as ResourceResponse[]).find((r) => r.id === res.body.resourceId)!.verification.verifiedBy).toBe(
        'report_review',
      );
      clock.set(new Date('2026-12-02T12:00:00Z'));
    });

    it('resolve with a listing change goes through the curation update path: If-Match, validation, audit, one transaction', async () => {
      const res = await report('riverbend-couples-therapy', { reason: 'not_accepting_clients' }).expect(201);
      const url = `/v1/curation/reports/${res.body.id}/resolve`;
      const change = { reverify: true, listing: { acceptingNewClients: false, waitTimeDays: 60 } };
      expect((await t.http().post(url).set(asCurator()).send(change).expect(428)).body.code).toBe('precondition_required');
      expect((await t.http().post(url).set(asCurator()).set('If-Match', '"v999"').send(change).expect(412)).body.code).toBe(
        'precondition_failed',
      );
      const etag = (await t.http().get(`/v1/resources/${res.body.resourceId}`).expect(200)).headers.etag;
      const bad = await t
        .http()
        .post(url)
        .set(asCurator())
        .set('If-Match', etag)
        .send({ listing: { waitTimeDays: -3 } })
        .expect(400);
      expect(bad.body.code).toBe('validation_failed');
      expect((await stored(res.body.id)).status).toBe('open'); // nothing happened

      const resolved = await t.http().post(url).set(asCurator()).set('If-Match', etag).send(change).expect(200);
      expect(resolved.body.report.closed).toMatchObject({ reverified: true, listingUpdated: true });
      expect(resolved.body.resource).toMatchObject({
        capacity: { acceptingNewClients: false, waitTimeDays: 60 },
        verification: { verifiedBy: 'report_review' },
      });
      const audit = await t.http().get(`/v1/resources/${res.body.resourceId}/audit?limit=1`).set(asCurator()).expect(200);
      expect(audit.body.data[0]).toMatchObject({ action: 'update', after: { capacity: { acceptingNewClients: false } } });
      expect((await t.http().get(`/v1/resources/${res.body.resourceId}`).expect(200)).body.capacity.acceptingNewClients).toBe(false);
    });

    it('dismiss with a reason code; a closed report stays closed (409); an unknown one is 404', async () => {
      const res = await report('riverbend-couples-therapy', { reason: 'other' }).expect(201);
      const url = `/v1/curation/reports/${res.body.id}`;
      await t.http().post(`${url}/dismiss`).set(asCurator()).send({ reason: 'because' }).expect(400);
      const dismissed = await t.http().post(`${url}/dismiss`).set(asCurator()).send({ reason: 'spam' }).expect(200);
      expect(dismissed.body).toMatchObject({
        status: 'dismissed',
        closed: { dismissReason: 'spam', reverified: false, partnerId: curator.partnerId },
      });
      expect((await t.http().post(`${url}/resolve`).set(asCurator()).send({ reverify: true }).expect(409)).body.code).toBe('report_closed');
      expect((await t.http().post(`${url}/dismiss`).set(asCurator()).send({ reason: 'spam' }).expect(409)).body.code).toBe('report_closed');
      await t
        .http()
        .post('/v1/curation/reports/6ea06bae-ab56-41e0-9758-41bd09c199c7/dismiss')
        .set(asCurator())
        .send({ reason: 'spam' })
        .expect(404);
    });
  });

  describe('webhook resource.report_created', () => {
    it('goes, signed, to every curator with a webhook, never to other partners, and never carries the note', async () => {
      const hooked = await t.createPartner({ name: 'hooked-curator' });
      await t
        .http()
        .put('/v1/partners/me/webhook')
        .set('Authorization', hooked.auth)
        .send({ url: `${base}/curator` })
        .expect(200);
      await t
        .http()
        .put('/v1/partners/me/webhook')
        .set('Authorization', reader.auth)
        .send({ url: `${base}/reader` })
        .expect(200);
      const secret = (await t.http().get('/v1/partners/me/webhook').set('Authorization', hooked.auth).expect(200)).body.signingSecret;

      const note = 'The chat button does nothing.';
      const res = await report('riverbend-couples-therapy', { reason: 'other', note }).expect(201);
      const outbox = await db.query(`SELECT partner_id, type FROM webhook_outbox WHERE payload->'report'->>'id' = $1`, [res.body.id]);
      expect(outbox.map((r: { partner_id: string }) => r.partner_id)).toContain(hooked.partnerId);
      expect(outbox.map((r: { partner_id: string }) => r.partner_id)).not.toContain(reader.partnerId);

      const dispatcher = t.app.get(WebhookDispatcher);
      while ((await dispatcher.deliverDue()) > 0);
      const delivered = received.filter((r) => r.path === '/curator' && JSON.parse(r.body).data.report.id === res.body.id);
      expect(delivered).toHaveLength(1);
      const event = JSON.parse(delivered[0].body);
      expect(event).toMatchObject({
        type: 'resource.report_created',
        data: {
          report: { id: res.body.id, reason: 'other', hasNote: true, createdAt: '2026-12-02T12:00:00.000Z' },
          resource: { id: res.body.resourceId, slug: 'riverbend-couples-therapy', kind: 'practice' },
          safetyLineSuspended: false,
        },
      });
      expect(delivered[0].body).not.toContain(note);
      expect(delivered[0].headers['mend-event-type']).toBe('resource.report_created');
      const [, ts, v1] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(delivered[0].headers['mend-signature']))!;
      expect(v1).toBe(createHmac('sha256', secret).update(`${ts}.${delivered[0].body}`).digest('hex'));
      expect(received.some((r) => r.path === '/reader')).toBe(false);
    });
  });

  describe('retention', () => {
    it('IP hashes are erased after the suspension window and notes a while after the report is closed', async () => {
      const res = await report('riverbend-couples-therapy', { reason: 'wrong_fees', note: 'Sliding scale is gone.' }).expect(201);
      await t.http().post(`/v1/curation/reports/${res.body.id}/dismiss`).set(asCurator()).send({ reason: 'duplicate' }).expect(200);
      const { ReportRetentionJob } = await import('../src/reports/report-retention.job.js');
      clock.set(new Date(Date.parse('2026-12-02T12:00:00Z') + 73 * HOUR));
      await t.app.get(ReportRetentionJob).purge();
      expect(await stored(res.body.id)).toMatchObject({ reporter_hash: null, note: 'Sliding scale is gone.' });
      clock.set(new Date(Date.parse('2026-12-02T12:00:00Z') + 91 * 24 * HOUR));
      await t.app.get(ReportRetentionJob).purge();
      expect(await stored(res.body.id)).toMatchObject({ note: null, reason: 'wrong_fees', status: 'dismissed' });
      clock.set(new Date('2026-12-02T12:00:00Z'));
    });
  });
});
