import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';

import type { ResourceResponse } from '../src/resources/dto/resource.response.js';
import { createTestApp, type TestApp, type TestPartner } from './support/test-app.js';

/**
 * Findings of the outside attack on a running instance after issue 16 (listing claims, listing
 * keys, reports from the field). Each test fails without its fix; every refusal is a 4xx
 * application/problem+json. Client addresses come through X-Forwarded-For from the trusted
 * loopback proxy, as behind nginx.
 */
const NDVH = 'national-domestic-violence-hotline';
const problemJson = /^application\/problem\+json/;

describe('attack findings (issue 16)', () => {
  let t: TestApp;
  let curator: TestPartner;

  beforeAll(async () => {
    t = await createTestApp({
      TRUST_PROXY: '127.0.0.1/8,::1/128,::ffff:127.0.0.1/128',
      RATE_LIMIT_REPORTS_PER_IP_PER_HOUR: '5', // the default, which createTestApp otherwise lifts
      RATE_LIMIT_REPORTS_PER_PARTNER_PER_HOUR: '3',
    });
    curator = await t.createPartner({ name: 'attack16-curator' });
  });
  afterAll(() => t.close());

  const report = (slug: string, body: Record<string, unknown>, ip: string) =>
    t.http().post(`/v1/resources/${slug}/reports`).set('X-Forwarded-For', ip).send(body);
  const usDvLines = async () =>
    ((await t.http().get('/v1/safety-lines?country=US&roles=domestic_violence').expect(200)).body.lines as ResourceResponse[]).map(
      (l) => l.slug,
    );
  const dismissOpen = async (slug: string) => {
    const open = (await t.http().get(`/v1/curation/reports?resource=${slug}&status=open`).set('Authorization', curator.auth).expect(200))
      .body.data as { id: string }[];
    for (const r of open) {
      await t.http().post(`/v1/curation/reports/${r.id}/dismiss`).set('Authorization', curator.auth).send({ reason: 'spam' }).expect(200);
    }
  };

  describe('1. one person cannot suspend a safety line by faking distinct reporters', () => {
    it('three addresses of one IPv4 /24 (one home, one office, one provider pool) count as one reporter', async () => {
      for (const ip of ['198.51.100.10', '198.51.100.11', '198.51.100.12']) {
        await report(NDVH, { reason: 'phone_not_working' }, ip).expect(201);
      }
      expect(await usDvLines()).toContain(NDVH);
      await dismissOpen(NDVH);
    });

    it('three addresses of one IPv6 /48 (a single customer allocation) count as one reporter', async () => {
      for (const ip of ['2001:db8:77::1', '2001:db8:77:1::1', '2001:db8:77:ffff::2']) {
        await report(NDVH, { reason: 'phone_not_working' }, ip).expect(201);
      }
      expect(await usDvLines()).toContain(NDVH);
      await dismissOpen(NDVH);
    });

    it('three reporters from three networks still suspend it (the rule itself is kept)', async () => {
      for (const ip of ['192.0.2.10', '198.18.0.10', '2001:db8:99::1']) {
        await report(NDVH, { reason: 'phone_not_working' }, ip).expect(201);
      }
      expect(await usDvLines()).not.toContain(NDVH);
      await dismissOpen(NDVH);
      expect(await usDvLines()).toContain(NDVH);
    });
  });

  describe('2. the per-IP report limit counts an IPv6 /64 as one address', () => {
    it('the sixth report within the hour from addresses of one /64 is 429', async () => {
      for (let i = 1; i <= 5; i++) {
        await report('open-path-collective', { reason: 'wrong_fees' }, `2001:db8:5:1::${i}`).expect(201);
      }
      const res = await report('open-path-collective', { reason: 'wrong_fees' }, '2001:db8:5:1::6').expect(429);
      expect(res.headers['content-type']).toMatch(problemJson);
      expect(res.body.code).toBe('rate_limited');
      await dismissOpen('open-path-collective');
    });
  });

  describe('3. note screening sees through disguises', () => {
    const disguised: [string, string][] = [
      ['email', 'write to jane.doe\uff20gmail.com'], // fullwidth @
      ['email', 'jane.doe at gmail dot com'],
      ['email', 'jane.doe (at) gmail (dot) com'],
      ['email', 'j a n e @ g m a i l . c o m'],
      ['personal_url', 'message me on insta @jane_doe'],
      ['personal_url', 'facebook\u200b.com/jane.doe'], // zero-width space
      ['street_address', 'I live at \uff11\uff14\uff12\uff10 Oak Street'], // fullwidth digits
      ['street_address', 'I live at 1420 Oak Str\u0435\u0435t'], // Cyrillic е
      ['phone_number', 'reach me on six one four five five five zero one two three'],
      ['phone_number', 'reach me on 61four 555 O123'],
      ['name', 'the counselor was M a r i a  G o n z a l e z'],
    ];
    let n = 0;
    it.each(disguised)('%s: %j is 422 report_note_personal_data, nothing stored', async (code, note) => {
      const res = await report('open-path-collective', { reason: 'other', note }, `203.0.${113 + n++}.5`).expect(422);
      expect(res.headers['content-type']).toMatch(problemJson);
      expect(res.body.code).toBe('report_note_personal_data');
      expect(res.body.errors[0].code).toBe(code);
    });

    it('plain notes about the listing still pass', async () => {
      for (const note of ['Rings out every time, three days in a row.', 'Fees are now $180 a session since 12/02/2026.']) {
        await report('open-path-collective', { reason: 'other', note }, '192.0.2.200').expect(201);
      }
      await dismissOpen('open-path-collective');
    });
  });

  describe('4. a provider cannot publish another phone number in its free text', () => {
    let key: string;
    let etag: string;
    const patch = (body: Record<string, unknown>) =>
      t.http().patch('/v1/listing').set('Authorization', `Bearer ${key}`).set('If-Match', etag).send(body);

    beforeAll(async () => {
      const id = ((await t.http().get('/v1/resources/open-path-collective').expect(200)).body as ResourceResponse).id;
      const claim = await t.http().post(`/v1/curation/resources/${id}/claims`).set('Authorization', curator.auth).expect(201);
      key = (await t.http().post('/v1/listing-claims/redeem').send({ claimToken: claim.body.claimToken }).expect(201)).body.key;
      etag = (await t.http().get('/v1/listing').set('Authorization', `Bearer ${key}`).expect(200)).headers.etag;
    });

    it('a fake "the hotline has moved" number in the description is 422 listing_text_phone_number, naming the field', async () => {
      const res = await patch({
        description: 'The National Domestic Violence Hotline has moved to 1-900-555-0199: call it now.',
      }).expect(422);
      expect(res.headers['content-type']).toMatch(problemJson);
      expect(res.body.code).toBe('listing_text_phone_number');
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'description', code: 'phone_number' })]);
    });

    it('in cost.notes too, and in disguise (fullwidth digits)', async () => {
      const res = await patch({ cost: { notes: 'Crisis? Call \uff16\uff11\uff14-\uff15\uff15\uff15-\uff10\uff11\uff19\uff19' } }).expect(
        422,
      );
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'cost.notes', code: 'phone_number' })]);
    });

    it('text without a phone number is taken', async () => {
      await patch({ description: 'Reduced-fee sessions with licensed therapists, online or in person.' }).expect(200);
    });
  });

  describe('5. a partner server cannot flood the curators with reports', () => {
    it("a secret key's reports are limited per partner and hour (RATE_LIMIT_REPORTS_PER_PARTNER_PER_HOUR): the next is 429, another partner is unaffected", async () => {
      const flooder = await t.createPartner({ name: 'attack16-flooder', scopes: ['directory:read'] });
      const other = await t.createPartner({ name: 'attack16-other', scopes: ['directory:read'] });
      const send = (auth: string) =>
        t.http().post('/v1/resources/open-path-collective/reports').set('Authorization', auth).send({ reason: 'wrong_fees' });
      for (let i = 0; i < 3; i++) await send(flooder.auth).expect(201);
      const res = await send(flooder.auth).expect(429);
      expect(res.headers['content-type']).toMatch(problemJson);
      expect(res.body.code).toBe('rate_limited');
      await send(other.auth).expect(201);
      await dismissOpen('open-path-collective');
    });
  });
});
