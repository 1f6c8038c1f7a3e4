import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';

import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import pg from 'pg';

import { Clock } from '../src/common/clock.js';
import { generateClaimToken } from '../src/partners/api-key.format.js';
import type { ResourceResponse } from '../src/resources/dto/resource.response.js';
import { WebhookDispatcher } from '../src/webhooks/webhook-dispatcher.js';
import { ALL_SAFETY_NO } from './support/intakes.js';
import { createTestApp, type TestApp, type TestPartner } from './support/test-app.js';

type Problem = { status: number; code: string; detail: string; errors?: { field: string; code: string }[] };
type Issued = { id: string; claimToken: string; expiresAt: string; resourceId: string };
type Redeemed = { key: string; keyId: string; resourceId: string; scopes: string[] };

/** A valid new resource (the shape of a seeds/data record); names are unique to this file. */
function record(slug: string, over: Record<string, unknown> = {}) {
  return {
    slug,
    name: `Marrowvale Couples Practice ${slug}`,
    description: 'Couples counseling for partners rebuilding trust after an affair.',
    organization: { name: `Marrowvale Counseling ${slug}` },
    phone: '614-555-0142',
    kind: 'practice',
    formats: ['in_person'],
    cost: {
      free: false,
      slidingScale: false,
      feeMin: 9000,
      feeMax: 15000,
      currency: 'USD',
      insuranceAccepted: true,
      insurers: ['Aetna'],
      noInsuranceNeeded: true,
    },
    specialties: ['infidelity', 'trust_rebuilding'],
    approaches: ['gottman'],
    languages: ['en'],
    audiences: ['unmarried_couples'],
    credentials: ['licensed_clinician'],
    paymentOptions: ['insurance', 'cash'],
    locations: [{ city: 'Columbus', region: 'US-OH', postalCode: '43215', country: 'US', latitude: 39.9612, longitude: -82.9988 }],
    serviceAreas: ['US-OH'],
    acceptingNewClients: true,
    waitTimeDays: 7,
    availability: ['evenings'],
    jointSessions: true,
    demo: true,
    ...over,
  };
}

const HOTLINE = {
  kind: 'hotline',
  formats: ['phone'],
  lineRoles: ['domestic_violence'],
  cost: { free: true, slidingScale: false, currency: 'USD', insuranceAccepted: false, insurers: [], noInsuranceNeeded: true },
  jointSessions: false,
  availability: ['around_the_clock'],
};

describe('providers keep their own listing current: listing claims, listing keys, provider referral answers', () => {
  let t: TestApp;
  let curator: TestPartner;
  let admin: TestPartner;
  let a: ResourceResponse;
  let b: ResourceResponse;
  let hotline: ResourceResponse;

  const create = async (slug: string, over: Record<string, unknown> = {}) =>
    (await t.http().post('/v1/resources').set('Authorization', curator.auth).send(record(slug, over)).expect(201)).body as ResourceResponse;
  const claim = async (resourceId: string) =>
    (await t.http().post(`/v1/curation/resources/${resourceId}/claims`).set('Authorization', curator.auth).expect(201)).body as Issued;
  const redeem = (claimToken: unknown) => t.http().post('/v1/listing-claims/redeem').send({ claimToken });
  const listingKeyFor = async (resourceId: string) => (await redeem((await claim(resourceId)).claimToken).expect(201)).body as Redeemed;
  const bearer = (key: string) => ({ Authorization: `Bearer ${key}` });
  const etagOfListing = async (key: string) => (await t.http().get('/v1/listing').set(bearer(key)).expect(200)).headers.etag;
  const claimsOf = async (resourceId: string) =>
    (await t.http().get(`/v1/curation/resources/${resourceId}/claims`).set('Authorization', curator.auth).expect(200)).body.data as {
      id: string;
      status: string;
      keyId: string | null;
      tokenPrefix: string;
    }[];
  /** What a client can tell apart in a problem: everything but the request's own id and path. */
  const comparable = (p: Problem & Record<string, unknown>) => ({ status: p.status, code: p.code, detail: p.detail, errors: p.errors });

  beforeAll(async () => {
    // The webhook receiver below listens on loopback: reachable only through the test-only allow-list.
    t = await createTestApp({ WEBHOOK_TEST_ALLOWED_CIDRS: '127.0.0.1/32' });
    curator = await t.createPartner({ name: 'curator' });
    admin = await t.createPartner({ name: 'admin', scopes: ['admin'] });
    a = await create('marrowvale-a');
    b = await create('marrowvale-b');
    hotline = await create('marrowvale-line', HOTLINE);
  });
  afterAll(() => t.close());

  describe('claim → redeem → listing key → update', () => {
    let issued: Issued;
    let redeemed: Redeemed;

    it('a curator issues a claim token, shown once (the list shows only its prefix), expiring after LISTING_CLAIM_TTL_HOURS', async () => {
      const before = Date.now();
      const res = await t.http().post(`/v1/curation/resources/${a.id}/claims`).set('Authorization', curator.auth).expect(201);
      issued = res.body as Issued;
      expect(res.headers['cache-control']).toBe('no-store');
      expect(issued).toEqual({
        id: expect.any(String),
        resourceId: a.id,
        claimToken: expect.stringMatching(/^mend_lc_test_/),
        expiresAt: expect.any(String),
      });
      const ttl = new Date(issued.expiresAt).getTime() - before;
      expect(ttl).toBeGreaterThan(167.9 * 3_600_000);
      expect(ttl).toBeLessThan(168.1 * 3_600_000);

      const list = await t.http().get(`/v1/curation/resources/${a.id}/claims`).set('Authorization', curator.auth).expect(200);
      expect(JSON.stringify(list.body)).not.toContain(issued.claimToken);
      expect(list.body.data[0]).toMatchObject({
        id: issued.id,
        status: 'pending',
        tokenPrefix: issued.claimToken.slice(0, 19),
        keyId: null,
      });
      const stored = await sql(t, `SELECT token_hash FROM listing_claim WHERE id = $1`, [issued.id]);
      expect(stored[0].token_hash).toMatch(/^[0-9a-f]{64}$/); // a keyed hash, never the token
    });

    it('the provider redeems it (no API key) for a listing key scoped listing:write to that resource', async () => {
      const res = await redeem(issued.claimToken).expect(201);
      redeemed = res.body as Redeemed;
      expect(res.headers['cache-control']).toBe('no-store');
      expect(redeemed).toEqual({
        key: expect.stringMatching(/^mend_lk_test_/),
        keyId: expect.any(String),
        resourceId: a.id,
        scopes: ['listing:write'],
      });
      expect((await claimsOf(a.id)).find((c) => c.id === issued.id)).toMatchObject({ status: 'redeemed', keyId: redeemed.keyId });
    });

    it('reads its listing with an ETag, and a patch of provider-owned fields is in search at once, re-verified and audited as the provider', async () => {
      const got = await t.http().get('/v1/listing').set(bearer(redeemed.key)).expect(200);
      expect(got.body.id).toBe(a.id);
      expect(got.headers['cache-control']).toBe('no-store');
      const verifiedBefore = got.body.provenance.lastVerifiedAt as string | null;

      const patched = await t
        .http()
        .patch('/v1/listing')
        .set(bearer(redeemed.key))
        .set('If-Match', got.headers.etag)
        .set('Content-Type', 'application/merge-patch+json')
        .send(
          JSON.stringify({
            acceptingNewClients: false,
            waitTimeDays: 42,
            cost: { feeMin: 5000, slidingScale: true, notes: 'Sliding scale from $50.' },
            formats: ['in_person', 'video'],
            languages: ['en', 'fr'],
            availability: ['evenings', 'weekends'],
            description: 'Couples counseling in English and French, evenings and weekends.',
          }),
        )
        .expect(200);
      const listing = patched.body as ResourceResponse;
      expect(patched.headers.etag).not.toBe(got.headers.etag);
      expect(listing).toMatchObject({
        capacity: { acceptingNewClients: false, waitTimeDays: 42 },
        cost: { feeMin: 5000, feeMax: 15000, slidingScale: true, currency: 'USD', insurers: ['Aetna'], notes: 'Sliding scale from $50.' },
        formats: ['in_person', 'video'],
        languages: ['en', 'fr'],
        availability: ['evenings', 'weekends'],
        name: a.name,
        kind: 'practice',
        phone: a.phone,
      });
      expect(new Date(listing.provenance.lastVerifiedAt!).getTime()).toBeGreaterThan(
        verifiedBefore ? new Date(verifiedBefore).getTime() : 0,
      );
      expect(Date.now() - new Date(listing.provenance.lastVerifiedAt!).getTime()).toBeLessThan(60_000);

      // Search reads the in-memory index: the writer's own index has the change before it answered.
      const search = await t
        .http()
        .get('/v1/resources?q=marrowvale&language=fr&format=video&acceptingNewClients=false&limit=50')
        .expect(200);
      expect((search.body.data as ResourceResponse[]).map((r) => r.id)).toEqual([a.id]);

      const audit = await t.http().get(`/v1/resources/${a.id}/audit?limit=1`).set('Authorization', curator.auth).expect(200);
      expect(audit.body.data[0]).toMatchObject({
        action: 'update',
        actorType: 'provider',
        actor: `provider key ${redeemed.keyId}`,
        partnerId: null,
        keyId: redeemed.keyId,
        after: { capacity: { acceptingNewClients: false } },
      });
    });

    it('an empty patch confirms the listing: a new version, lastVerifiedAt now, audited as a verify by the provider', async () => {
      const etag = await etagOfListing(redeemed.key);
      await sql(t, `UPDATE resource SET last_verified_at = now() - interval '400 days' WHERE id = $1`, [a.id]);
      const res = await t.http().patch('/v1/listing').set(bearer(redeemed.key)).set('If-Match', etag).send({}).expect(200);
      expect(Date.now() - new Date(res.body.provenance.lastVerifiedAt).getTime()).toBeLessThan(60_000);
      expect(res.headers.etag).not.toBe(etag);
      const audit = await t.http().get(`/v1/resources/${a.id}/audit?limit=1`).set('Authorization', curator.auth).expect(200);
      expect(audit.body.data[0]).toMatchObject({ action: 'verify', actorType: 'provider', keyId: redeemed.keyId });
      // Curators' entries say so too.
      const curatorEntry = (await t.http().get(`/v1/resources/${a.id}/audit`).set('Authorization', curator.auth).expect(200)).body.data.at(
        -1,
      );
      expect(curatorEntry).toMatchObject({ action: 'create', actorType: 'partner', partnerId: curator.partnerId });
    });

    it('refuses every field that is not the provider’s, naming each (nested cost fields too), and changes nothing', async () => {
      const etag = await etagOfListing(redeemed.key);
      const refused: [Record<string, unknown>, string[]][] = [
        [{ name: 'Someone Else' }, ['name']],
        [{ slug: 'taken-over' }, ['slug']],
        [{ kind: 'hotline' }, ['kind']],
        [{ demo: false }, ['demo']],
        [{ lineRoles: ['crisis'] }, ['lineRoles']],
        [{ requiresSafeRelationship: false }, ['requiresSafeRelationship']],
        [{ notForCrisis: false }, ['notForCrisis']],
        [{ eligibility: [] }, ['eligibility']],
        [{ audiences: ['lgbtq_couples'] }, ['audiences']],
        [{ specialties: ['infidelity'] }, ['specialties']],
        [{ phone: '1-900-555-0100' }, ['phone']],
        [{ email: 'x@example.org' }, ['email']],
        [{ url: 'https://evil.example' }, ['url']],
        [{ contactChannels: [] }, ['contactChannels']],
        [{ locations: [] }, ['locations']],
        [{ serviceAreas: ['US'] }, ['serviceAreas']],
        [{ organization: { name: 'Other' } }, ['organization']],
        [{ status: 'inactive' }, ['status']],
        [{ sourceUrl: 'https://evil.example' }, ['sourceUrl']],
        [{ lastVerifiedAt: '2026-01-01' }, ['lastVerifiedAt']],
        [{ jointSessions: true }, ['jointSessions']],
        [{ id: b.id }, ['id']],
        [{ resourceId: b.id }, ['resourceId']],
        [{ cost: { currency: 'GBP' } }, ['cost.currency']],
        [
          { cost: { insurers: [], insuranceAccepted: false, noInsuranceNeeded: true } },
          ['cost.insurers', 'cost.insuranceAccepted', 'cost.noInsuranceNeeded'],
        ],
        [{ acceptingNewClients: true, name: 'X', cost: { feeMin: 100, insuranceAccepted: true } }, ['name', 'cost.insuranceAccepted']],
        [{ 'not a name': 1 }, ['(unnamed)']],
        // The name is the curators' in every language.
        [{ translations: { es: { name: 'Otro nombre', description: 'Terapia de pareja.' } } }, ['translations.es.name']],
      ];
      for (const [body, fields] of refused) {
        const res = await t.http().patch('/v1/listing').set(bearer(redeemed.key)).set('If-Match', etag).send(body);
        expect({ body, status: res.status, code: res.body.code }).toEqual({ body, status: 422, code: 'listing_field_not_provider_owned' });
        expect((res.body as Problem).errors!.map((e) => e.field)).toEqual(fields);
        expect((res.body as Problem).errors!.every((e) => e.code === 'not_provider_owned')).toBe(true);
      }
      expect(await etagOfListing(redeemed.key)).toBe(etag);
    });

    it('validates provider-owned values like a curator patch, and the merged listing as a whole (400 naming the field)', async () => {
      const etag = await etagOfListing(redeemed.key);
      for (const [body, field] of [
        [{ waitTimeDays: 999 }, 'waitTimeDays'],
        [{ formats: ['telepathy'] }, 'formats'],
        [{ languages: ['english'] }, 'languages'],
        [{ acceptingNewClients: 'yes' }, 'acceptingNewClients'],
        [{ cost: { feeMin: 'cheap' } }, 'cost.feeMin'],
        [{ cost: { feeMin: 20000, feeMax: 100 } }, 'cost.feeMax'],
        [{ description: null }, 'description'],
        [{ acceptingNewClients: null }, 'acceptingNewClients'],
        [{ cost: null }, 'cost'],
        [{ translations: { es: { description: '' } } }, 'translations.es.description'],
        [{ translations: { fr: { description: 'Thérapie de couple.' } } }, 'translations.fr'],
      ] as const) {
        const res = await t.http().patch('/v1/listing').set(bearer(redeemed.key)).set('If-Match', etag).send(body);
        expect({ body, status: res.status }).toEqual({ body, status: 400 });
        expect((res.body as Problem).errors!.map((e) => e.field)).toContain(field);
      }
      expect(await etagOfListing(redeemed.key)).toBe(etag);
    });

    it('writes its description in Spanish, shown to Spanish readers; changing the English alone drops the Spanish', async () => {
      const spanish = 'Terapia de pareja en persona y por video, con horarios de tarde.';
      let etag = await etagOfListing(redeemed.key);
      const written = await t
        .http()
        .patch('/v1/listing')
        .set(bearer(redeemed.key))
        .set('If-Match', etag)
        .send({ translations: { es: { description: spanish } } })
        .expect(200);
      expect(written.body.translations).toEqual({ es: { description: spanish } });
      const es = await t.http().get(`/v1/resources/${written.body.id}?lang=es`).expect(200);
      expect([es.body.description, es.body.descriptionLang, es.body.nameLang]).toEqual([spanish, 'es', 'en']);
      etag = written.headers.etag;
      const english = await t
        .http()
        .patch('/v1/listing')
        .set(bearer(redeemed.key))
        .set('If-Match', etag)
        .send({ description: 'Couples therapy in person and by video, now also on Saturdays.' })
        .expect(200);
      expect(english.body.translations).toEqual({});
      const after = await t.http().get(`/v1/resources/${written.body.id}`).set('Accept-Language', 'es').expect(200);
      expect([after.body.description, after.body.descriptionLang]).toEqual([english.body.description, 'en']);
    });

    it('needs If-Match: 428 without it or with *, 412 when stale or weak', async () => {
      const etag = await etagOfListing(redeemed.key);
      const patch = (ifMatch?: string) => {
        const req = t.http().patch('/v1/listing').set(bearer(redeemed.key));
        if (ifMatch) req.set('If-Match', ifMatch);
        return req.send({ waitTimeDays: 3 });
      };
      expect((await patch()).body).toMatchObject({ status: 428, code: 'precondition_required' });
      expect((await patch('*')).body).toMatchObject({ status: 428, code: 'precondition_required' });
      expect((await patch('"v1"')).body).toMatchObject({ status: 412, code: 'precondition_failed' });
      expect((await patch(`W/${etag}`)).body).toMatchObject({ status: 412, code: 'precondition_failed' });
      // A curator's write in between makes the provider's ETag stale, and the other way round.
      const curatorWrite = await t
        .http()
        .patch(`/v1/resources/${a.id}`)
        .set('Authorization', curator.auth)
        .set('If-Match', etag)
        .send({ specialties: ['infidelity'] })
        .expect(200);
      expect((await patch(etag)).status).toBe(412);
      expect((await patch(curatorWrite.headers.etag)).status).toBe(200);
    });
  });

  describe('a listing key reaches its own listing and nothing else', () => {
    let redeemed: Redeemed;
    beforeAll(async () => {
      redeemed = await listingKeyFor(a.id);
    });

    it('every other operation in the OpenAPI document refuses it: 403 listing_key_not_allowed (walked from docs/openapi.json)', async () => {
      const doc = (await t.http().get('/docs-json').expect(200)).body as {
        paths: Record<string, Record<string, { security?: Record<string, unknown>[] }>>;
      };
      const ownKey = redeemed.keyId;
      const walked: string[] = [];
      for (const [path, operations] of Object.entries(doc.paths)) {
        for (const [method, operation] of Object.entries(operations)) {
          const schemes = (operation.security ?? []).flatMap((s) => Object.keys(s));
          if (path.startsWith('/health')) continue; // no access rule: no key is looked at
          if (schemes.includes('listingKey') || path === '/v1/listing-claims/redeem') continue;
          // Real ids where they exist (the listing's own resource and key among them): refused before any lookup.
          const url = path
            .replace('{idOrSlug}', a.slug)
            .replace('{id}', a.id)
            .replace('{keyId}', ownKey)
            .replace('{partnerId}', curator.partnerId)
            .replace(/\{[A-Za-z]+\}/g, '00000000-0000-4000-8000-000000000000');
          const req = (t.http() as unknown as Record<string, (u: string) => ReturnType<ReturnType<TestApp['http']>['get']>>)
            [method](url)
            .set(bearer(redeemed.key));
          const res = method === 'get' || method === 'delete' ? await req : await req.send({});
          expect({ operation: `${method} ${path}`, status: res.status, code: res.body?.code }).toEqual({
            operation: `${method} ${path}`,
            status: 403,
            code: 'listing_key_not_allowed',
          });
          walked.push(`${method} ${path}`);
        }
      }
      // The families the issue names are all in the walk: keys, partners, referrals, curation (and claims), webhooks, admin.
      expect(walked).toEqual(
        expect.arrayContaining([
          'get /v1/keys',
          'post /v1/keys/{keyId}/revoke',
          'post /v1/keys/{keyId}/rotate',
          'post /v1/partners/{partnerId}/keys',
          'post /v1/partners',
          'get /v1/partners/me',
          'patch /v1/partners/{partnerId}',
          'get /v1/partners/me/webhook',
          'put /v1/partners/me/webhook',
          'post /v1/partners/me/webhook/rotate-secret',
          'post /v1/referrals',
          'get /v1/referrals',
          'get /v1/referrals/{referralId}',
          'patch /v1/referrals/{referralId}',
          'delete /v1/referrals/{referralId}',
          'post /v1/resources',
          'patch /v1/resources/{id}',
          'delete /v1/resources/{id}',
          'post /v1/resources/{id}/verify',
          'get /v1/resources/{id}/audit',
          'post /v1/curation/resources/{id}/claims',
          'get /v1/curation/resources/{id}/claims',
          'delete /v1/curation/resources/{id}/claims/{claimId}',
          'get /v1/resources',
          'get /v1/resources/{id}',
          'get /v1/hsds/services/{id}',
          'post /v1/intakes',
        ]),
      );
      // By slug too, its own listing's or another's.
      for (const slug of [a.slug, b.slug]) {
        expect((await t.http().get(`/v1/resources/${slug}`).set(bearer(redeemed.key))).body).toMatchObject({
          status: 403,
          code: 'listing_key_not_allowed',
        });
      }
      // Still the provider's: the key was refused, never used up or revoked.
      await t.http().get('/v1/listing').set(bearer(redeemed.key)).expect(200);
    });

    it('cannot mint, rotate or revoke keys in any way; admins cannot reach listing keys through /v1/keys, nor give partner keys listing:write', async () => {
      // The past bug: a narrow key could mint a full-scope key. A listing key reaches no key route at all.
      const keyCount = async () => (await sql(t, `SELECT count(*)::int AS n FROM api_key`, []))[0].n;
      const keysBefore = await keyCount();
      for (const [method, url, body] of [
        ['post', `/v1/keys/${redeemed.keyId}/rotate`, { overlapHours: 0 }],
        ['post', `/v1/keys/${redeemed.keyId}/revoke`, {}],
        ['post', `/v1/partners/${curator.partnerId}/keys`, { kind: 'secret', scopes: ['admin'] }],
        ['post', '/v1/partners', { name: 'mine now' }],
      ] as const) {
        const res = await t.http()[method](url).set(bearer(redeemed.key)).send(body);
        expect({ url, status: res.status, code: res.body.code }).toEqual({ url, status: 403, code: 'listing_key_not_allowed' });
      }
      expect(await keyCount()).toBe(keysBefore);
      // Listing keys are not partner keys: an admin's key routes answer 404 for them, as for any id it may not manage.
      await t.http().post(`/v1/keys/${redeemed.keyId}/rotate`).set('Authorization', admin.auth).send({ overlapHours: 0 }).expect(404);
      await t.http().post(`/v1/keys/${redeemed.keyId}/revoke`).set('Authorization', admin.auth).send({}).expect(404);
      const minted = await t
        .http()
        .post(`/v1/partners/${curator.partnerId}/keys`)
        .set('Authorization', admin.auth)
        .send({ kind: 'secret', scopes: ['listing:write'] });
      expect(minted.status).toBe(400);
      expect((minted.body as Problem).errors![0].field).toBe('scopes');
      await t.http().get('/v1/listing').set(bearer(redeemed.key)).expect(200);
    });

    it('partner keys, admin included, and claim tokens do not work on listing routes', async () => {
      for (const auth of [curator.auth, admin.auth, `Bearer ${curator.publishableKey}`]) {
        for (const req of [
          t.http().get('/v1/listing'),
          t.http().patch('/v1/listing').send({}),
          t.http().get('/v1/listing/referrals'),
          t.http().post('/v1/listing/referrals/00000000-0000-4000-8000-000000000000/answer').send({ status: 'accepted' }),
        ]) {
          const res = await req.set('Authorization', auth).set('Origin', 'https://partner.example');
          expect({ status: res.status, code: res.body.code }).toEqual({ status: 403, code: 'listing_key_required' });
        }
      }
      const token = (await claim(b.id)).claimToken;
      expect((await t.http().get('/v1/listing').set(bearer(token))).body).toMatchObject({ status: 401, code: 'invalid_api_key' });
      await t.http().get('/v1/listing').expect(401);
      // The unused claim of b still redeems: presenting it as a key spent nothing.
      expect((await redeem(token).expect(201)).body.resourceId).toBe(b.id);
    });

    it("each listing key has its own listing: b's key changes b, never a", async () => {
      const keyB = await listingKeyFor(b.id);
      const aBefore = (await t.http().get(`/v1/resources/${a.id}`).expect(200)).body as ResourceResponse;
      const etagB = await etagOfListing(keyB.key);
      const res = await t.http().patch('/v1/listing').set(bearer(keyB.key)).set('If-Match', etagB).send({ waitTimeDays: 1 }).expect(200);
      expect(res.body.id).toBe(b.id);
      expect((await t.http().get(`/v1/resources/${a.id}`).expect(200)).body).toEqual(aBefore);
    });
  });

  describe('claim tokens: single use, expiring, revocable; every failure looks the same', () => {
    it('a used, expired, revoked, unknown or mistyped token is the same 422; a malformed one a 400', async () => {
      const used = await claim(a.id);
      await redeem(used.claimToken).expect(201);
      const revoked = await claim(a.id);
      await t.http().delete(`/v1/curation/resources/${a.id}/claims/${revoked.id}`).set('Authorization', curator.auth).expect(204);
      const unknown = generateClaimToken('test').plaintext; // well formed, valid checksum, never issued
      const mistyped = used.claimToken.slice(0, -1) + (used.claimToken.endsWith('a') ? 'b' : 'a');

      const answers = [];
      for (const token of [used.claimToken, revoked.claimToken, unknown, mistyped]) {
        const res = await redeem(token);
        expect(res.status).toBe(422);
        answers.push(comparable(res.body));
      }
      expect(new Set(answers.map((x) => JSON.stringify(x))).size).toBe(1);
      expect(answers[0]).toMatchObject({ code: 'claim_token_not_redeemable', errors: [{ field: 'claimToken', code: 'not_redeemable' }] });

      for (const body of [{ claimToken: 'mend_lc_test_short' }, { claimToken: 42 }, {}, { claimToken: used.claimToken, extra: 1 }]) {
        expect((await t.http().post('/v1/listing-claims/redeem').send(body)).status).toBe(400);
      }
      expect((await claimsOf(a.id)).find((c) => c.id === revoked.id)!.status).toBe('revoked');
    });

    it('expires after LISTING_CLAIM_TTL_HOURS (fixed clock): 422 like any other, and listed as expired', async () => {
      const issued = await claim(a.id);
      const clock = t.app.get(Clock);
      const late = jest.spyOn(clock, 'now').mockReturnValue(new Date(new Date(issued.expiresAt).getTime() + 1));
      try {
        expect((await redeem(issued.claimToken)).body).toMatchObject({ status: 422, code: 'claim_token_not_redeemable' });
        expect((await claimsOf(a.id)).find((c) => c.id === issued.id)!.status).toBe('expired');
        late.mockReturnValue(new Date(new Date(issued.expiresAt).getTime() - 1000)); // just in time
        await redeem(issued.claimToken).expect(201);
      } finally {
        late.mockRestore();
      }
    });

    it('of concurrent redemptions of one token exactly one gets a key', async () => {
      const issued = await claim(a.id);
      const results = await Promise.all(Array.from({ length: 6 }, () => redeem(issued.claimToken)));
      expect(results.map((r) => r.status).sort()).toEqual([201, 422, 422, 422, 422, 422]);
      expect(await sql(t, `SELECT count(*)::int AS n FROM api_key WHERE name = $1`, [`listing key from claim ${issued.id}`])).toEqual([
        { n: 1 },
      ]);
    });

    it('revoking a redeemed claim revokes its listing key at once; only the claim’s own resource names it', async () => {
      const issued = await claim(a.id);
      const { key } = (await redeem(issued.claimToken).expect(201)).body as Redeemed;
      await t.http().get('/v1/listing').set(bearer(key)).expect(200);
      // Another resource's path, or an unknown claim, is a 404 and revokes nothing.
      await t.http().delete(`/v1/curation/resources/${b.id}/claims/${issued.id}`).set('Authorization', curator.auth).expect(404);
      await t
        .http()
        .delete(`/v1/curation/resources/${a.id}/claims/00000000-0000-4000-8000-000000000000`)
        .set('Authorization', curator.auth)
        .expect(404);
      await t.http().get('/v1/listing').set(bearer(key)).expect(200);

      await t.http().delete(`/v1/curation/resources/${a.id}/claims/${issued.id}`).set('Authorization', curator.auth).expect(204);
      expect((await t.http().get('/v1/listing').set(bearer(key))).body).toMatchObject({ status: 401, code: 'invalid_api_key' });
      await t.http().delete(`/v1/curation/resources/${a.id}/claims/${issued.id}`).set('Authorization', curator.auth).expect(204); // again: no change
      expect((await claimsOf(a.id)).find((c) => c.id === issued.id)).toMatchObject({ status: 'revoked' });
    });

    it('claims need a curator (resources:write, secret key); unknown resources are 404', async () => {
      const reader = await t.createPartner({ name: 'reader', scopes: ['directory:read', 'referrals:write', 'referrals:read'] });
      expect((await t.http().post(`/v1/curation/resources/${a.id}/claims`).set('Authorization', reader.auth)).status).toBe(403);
      expect((await t.http().get(`/v1/curation/resources/${a.id}/claims`).set('Authorization', reader.auth)).status).toBe(403);
      await t.http().post(`/v1/curation/resources/${a.id}/claims`).expect(401);
      await t
        .http()
        .post('/v1/curation/resources/00000000-0000-4000-8000-000000000000/claims')
        .set('Authorization', curator.auth)
        .expect(404);
      await t.http().post(`/v1/curation/resources/${a.slug}/claims`).set('Authorization', curator.auth).expect(404);
      await t
        .http()
        .get('/v1/curation/resources/00000000-0000-4000-8000-000000000000/claims')
        .set('Authorization', curator.auth)
        .expect(404);
    });
  });

  describe('safety lines are never claimable', () => {
    it('a claim on a safety line is 422 safety_line_not_claimable', async () => {
      const res = await t.http().post(`/v1/curation/resources/${hotline.id}/claims`).set('Authorization', curator.auth);
      expect(res.body).toMatchObject({ status: 422, code: 'safety_line_not_claimable' });
      expect(await claimsOf(hotline.id)).toEqual([]);
    });

    it('a listing that becomes a hotline stops taking provider changes, and its pending claims stop redeeming', async () => {
      const c = await create('marrowvale-becomes-line');
      const { key } = await listingKeyFor(c.id);
      const pending = await claim(c.id);
      const etag = (await t.http().get(`/v1/resources/${c.id}`).expect(200)).headers.etag;
      await t.http().patch(`/v1/resources/${c.id}`).set('Authorization', curator.auth).set('If-Match', etag).send(HOTLINE).expect(200);
      const res = await t
        .http()
        .patch('/v1/listing')
        .set(bearer(key))
        .set('If-Match', await etagOfListing(key))
        .send({ waitTimeDays: 0 });
      expect(res.body).toMatchObject({ status: 422, code: 'safety_line_not_claimable' });
      expect((await redeem(pending.claimToken)).body).toMatchObject({ status: 422, code: 'claim_token_not_redeemable' });
      expect((await claimsOf(c.id)).find((x) => x.id === pending.id)!.status).toBe('pending'); // not used up: a curator revokes it
    });
  });

  describe('provider answers to referrals', () => {
    let server: Server;
    const received: { path: string; headers: Record<string, string | string[] | undefined>; body: string }[] = [];
    let hookUrl: string;
    let partner: TestPartner;
    let other: TestPartner;
    let key: Redeemed;
    const refer = async (p: TestPartner, resourceId: string, allowProviderResponse?: boolean) => {
      const intake = (
        await t
          .http()
          .post('/v1/intakes')
          .set('Authorization', p.auth)
          .send({ concerns: ['infidelity'], willingness: 'both', region: 'US-OH', doNotContact: true, safety: ALL_SAFETY_NO })
          .expect(201)
      ).body;
      const body = {
        intakeId: intake.id,
        resourceId,
        clientReference: 'case-77',
        ...(allowProviderResponse === undefined ? {} : { allowProviderResponse }),
      };
      return (await t.http().post('/v1/referrals').set('Authorization', p.auth).send(body).expect(201)).body as {
        id: string;
        allowProviderResponse: boolean;
      };
    };
    const answer = (id: string, body: Record<string, unknown>, as = key.key) =>
      t.http().post(`/v1/listing/referrals/${id}/answer`).set(bearer(as)).send(body);

    beforeAll(async () => {
      server = createServer((req, res) => {
        let body = '';
        req.on('data', (c) => (body += c));
        req.on('end', () => {
          received.push({ path: req.url ?? '', headers: req.headers, body });
          res.writeHead(204).end();
        });
      });
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
      hookUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}/hooks/provider`;
      partner = await t.createPartner({ name: 'referrer' });
      other = await t.createPartner({ name: 'other-referrer' });
      key = await listingKeyFor(a.id);
    });
    afterAll(() => new Promise<void>((r) => server.close(() => r())));

    it('lists only referrals to its own listing that allow it, in the provider’s view (no intake, partner or client reference)', async () => {
      const allowed = await refer(partner, a.id, true);
      const notAllowed = await refer(partner, a.id);
      const otherPartners = await refer(other, a.id, true);
      const otherResource = await refer(partner, b.id, true);
      expect([allowed.allowProviderResponse, notAllowed.allowProviderResponse]).toEqual([true, false]);

      const res = await t.http().get('/v1/listing/referrals?limit=100').set(bearer(key.key)).expect(200);
      const ids = (res.body.data as { id: string }[]).map((r) => r.id);
      expect(ids).toEqual(expect.arrayContaining([allowed.id, otherPartners.id]));
      expect(ids).not.toContain(notAllowed.id);
      expect(ids).not.toContain(otherResource.id);
      expect(res.headers['cache-control']).toBe('no-store');
      const shown = res.body.data.find((r: { id: string }) => r.id === allowed.id);
      expect(Object.keys(shown).sort()).toEqual([
        'answerable',
        'createdAt',
        'doNotContact',
        'id',
        'jointSessionsAppropriate',
        'status',
        'updatedAt',
      ]);
      expect(shown).toMatchObject({ status: 'requested', answerable: true, doNotContact: true, jointSessionsAppropriate: true });
      expect(JSON.stringify(res.body)).not.toContain('case-77');

      // Paging by cursor walks the same referrals.
      const first = await t.http().get('/v1/listing/referrals?limit=1').set(bearer(key.key)).expect(200);
      expect(first.body.data).toHaveLength(1);
      const second = await t
        .http()
        .get(`/v1/listing/referrals?limit=1&cursor=${first.body.page.nextCursor}`)
        .set(bearer(key.key))
        .expect(200);
      expect(second.body.data[0].id).not.toBe(first.body.data[0].id);

      // Answering what it may not see is a 404, like a referral that does not exist.
      for (const id of [notAllowed.id, otherResource.id, '00000000-0000-4000-8000-000000000000', 'not-a-uuid']) {
        const r = await answer(id, { status: 'accepted' });
        expect({ id, status: r.status, code: r.body.code }).toEqual({ id, status: 404, code: 'not_found' });
      }
      const after = await t.http().get(`/v1/referrals/${notAllowed.id}`).set('Authorization', partner.auth).expect(200);
      expect(after.body.status).toBe('requested');
    });

    it('declines with a reason code: the lifecycle moves, the history says the provider, the partner’s webhook is told; doNotContact stays', async () => {
      await t.http().put('/v1/partners/me/webhook').set('Authorization', partner.auth).send({ url: hookUrl }).expect(200);
      const referral = await refer(partner, a.id, true);
      expect((await answer(referral.id, { status: 'accepted', reason: 'fees' })).body).toMatchObject({
        status: 400,
        errors: [{ field: 'reason', code: 'reason_needs_rejection' }],
      });
      expect((await answer(referral.id, { status: 'completed' })).status).toBe(400);
      expect((await answer(referral.id, { status: 'rejected', reason: 'because' })).status).toBe(400);

      const res = await answer(referral.id, { status: 'rejected', reason: 'not_accepting_clients' }).expect(200);
      expect(res.body).toMatchObject({ id: referral.id, status: 'rejected', answerable: false, doNotContact: true });

      const seen = await t.http().get(`/v1/referrals/${referral.id}`).set('Authorization', partner.auth).expect(200);
      expect(seen.body).toMatchObject({ status: 'rejected', doNotContact: true, allowedTransitions: [] });
      expect(seen.body.history.map((e: { by: string; to: string }) => [e.by, e.to])).toEqual([
        ['partner', 'requested'],
        ['provider', 'rejected'],
      ]);
      expect(seen.body.history[1]).toMatchObject({ keyId: key.keyId, reason: 'not_accepting_clients' });

      // A final status cannot be answered again.
      expect((await answer(referral.id, { status: 'accepted' })).body).toMatchObject({
        status: 409,
        code: 'invalid_transition',
        currentStatus: 'rejected',
      });

      await t.app.get(WebhookDispatcher).deliverDue();
      const events = received.map((r) => ({ ...r, event: JSON.parse(r.body) })).filter((r) => r.event.data.referral.id === referral.id);
      const changed = events.find((e) => e.event.type === 'referral.status_changed')!;
      expect(changed.event.data).toMatchObject({
        previousStatus: 'requested',
        changedBy: 'provider',
        referral: { id: referral.id, status: 'rejected', doNotContact: true, allowProviderResponse: true },
      });
      const secret = (await t.http().get('/v1/partners/me/webhook').set('Authorization', partner.auth).expect(200)).body.signingSecret;
      const [, ts, v1] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(changed.headers['mend-signature']))!;
      expect(v1).toBe(createHmac('sha256', secret).update(`${ts}.${changed.body}`).digest('hex'));
    });

    it('accepts; a referral the partner cancelled first cannot be answered (409); a revoked key answers nothing', async () => {
      const accepted = await refer(partner, a.id, true);
      await answer(accepted.id, { status: 'accepted' }).expect(200);
      expect((await t.http().get(`/v1/referrals/${accepted.id}`).set('Authorization', partner.auth).expect(200)).body.status).toBe(
        'accepted',
      );

      const cancelled = await refer(partner, a.id, true);
      await t.http().patch(`/v1/referrals/${cancelled.id}`).set('Authorization', partner.auth).send({ status: 'cancelled' }).expect(200);
      expect((await answer(cancelled.id, { status: 'accepted' })).body).toMatchObject({ status: 409, code: 'invalid_transition' });

      const claims = await claimsOf(a.id);
      const mine = claims.find((c) => c.keyId === key.keyId)!;
      await t.http().delete(`/v1/curation/resources/${a.id}/claims/${mine.id}`).set('Authorization', curator.auth).expect(204);
      const pending = await refer(partner, a.id, true);
      expect((await answer(pending.id, { status: 'accepted' })).status).toBe(401);
      expect((await t.http().get(`/v1/referrals/${pending.id}`).set('Authorization', partner.auth).expect(200)).body.status).toBe(
        'requested',
      );
    });
  });
});

describe('claim redemption is rate limited per IP, whatever key is sent', () => {
  let t: TestApp;
  afterAll(() => t.close());

  it('answers 429 with Retry-After once the per-IP budget is spent, even for a valid token', async () => {
    t = await createTestApp({ RATE_LIMIT_CLAIM_REDEEM_PER_MINUTE: '3' });
    const curator = await t.createPartner({ name: 'curator' });
    const resource = (await t.http().post('/v1/resources').set('Authorization', curator.auth).send(record('marrowvale-limit')).expect(201))
      .body as ResourceResponse;
    const { claimToken } = (
      await t.http().post(`/v1/curation/resources/${resource.id}/claims`).set('Authorization', curator.auth).expect(201)
    ).body as Issued;
    for (let i = 0; i < 3; i++) {
      const res = await t
        .http()
        .post('/v1/listing-claims/redeem')
        .send({ claimToken: generateClaimToken('test').plaintext });
      expect(res.status).toBe(422);
      expect(res.headers['ratelimit-policy']).toBe('"redeem";q=3;w=60');
    }
    for (const auth of [undefined, curator.auth]) {
      const req = t.http().post('/v1/listing-claims/redeem');
      if (auth) req.set('Authorization', auth);
      const res = await req.send({ claimToken });
      expect(res.body).toMatchObject({ status: 429, code: 'rate_limited' });
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    }
  });
});

async function sql(t: TestApp, text: string, values: unknown[]): Promise<Record<string, unknown>[]> {
  const client = new pg.Client({ connectionString: t.databaseUrl });
  await client.connect();
  try {
    return (await client.query(text, values)).rows;
  } finally {
    await client.end();
  }
}
