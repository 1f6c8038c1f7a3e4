import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Response } from 'supertest';

import { createTestApp, type TestApp, type TestPartner } from '../support/test-app.js';
import { loadOpenApiModel } from './openapi-model.js';

/**
 * The fuzzer's other oracle: every operation of docs/openapi.json has a valid example, written
 * here by hand, that must succeed with a key holding the scopes it needs. Fuzzing alone would let
 * a route that answers 400 to everything pass (every 4xx there is a well-formed problem); this
 * cannot. A new operation without an example fails the coverage test below.
 */
const ORIGIN = 'https://examples.example';

interface Context {
  t: TestApp;
  admin: TestPartner;
  /** supertest with the admin secret key. */
  as: (method: 'get' | 'post' | 'put' | 'patch' | 'delete', path: string) => ReturnType<ReturnType<TestApp['http']>['get']>;
}

const resourceBody = (slug: string) => ({
  slug,
  name: `Example Couples Studio ${slug}`,
  description: 'Couples counseling for partners rebuilding trust after an affair.',
  organization: { name: `Example Relationship Center ${slug}`, website: 'https://examples.example' },
  url: 'https://examples.example/couples',
  kind: 'practice',
  formats: ['in_person', 'video'],
  cost: {
    free: false,
    slidingScale: true,
    feeMin: 9000,
    feeMax: 16000,
    currency: 'USD',
    insuranceAccepted: false,
    insurers: [],
    noInsuranceNeeded: true,
  },
  specialties: ['infidelity', 'trust_rebuilding'],
  approaches: ['gottman'],
  languages: ['en'],
  audiences: [],
  credentials: ['licensed_clinician'],
  paymentOptions: ['cash'],
  locations: [
    {
      address: '10 High St',
      city: 'Columbus',
      region: 'US-OH',
      postalCode: '43215',
      country: 'US',
      latitude: 39.9612,
      longitude: -82.9988,
    },
  ],
  serviceAreas: ['US-OH'],
  acceptingNewClients: true,
  availability: ['evenings'],
  jointSessions: true,
  demo: true,
});

let examples = 0;
const fresh = (prefix: string) => `${prefix}-${++examples}-${Date.now().toString(36)}`;

async function createResource(c: Context): Promise<{ id: string; etag: string }> {
  const res = await c
    .as('post', '/v1/resources')
    .send(resourceBody(fresh('example')))
    .expect(201);
  return { id: res.body.id, etag: res.headers.etag };
}
async function createReferral(c: Context): Promise<string> {
  const intake = await c
    .as('post', '/v1/intakes')
    .send({ concerns: ['lying'], willingness: 'both', region: 'US-OH' })
    .expect(201);
  const referral = await c
    .as('post', '/v1/referrals')
    .send({ intakeId: intake.body.id, resourceId: intake.body.matches[0].resource.id })
    .expect(201);
  return referral.body.id;
}
async function createOwnKey(c: Context): Promise<string> {
  return (
    await c
      .as('post', `/v1/partners/${c.admin.partnerId}/keys`)
      .send({ kind: 'secret', name: fresh('example key') })
      .expect(201)
  ).body.id;
}

async function createClaim(c: Context): Promise<{ id: string; resourceId: string; claimToken: string }> {
  return (await c.as('post', `/v1/curation/resources/${(await createResource(c)).id}/claims`).expect(201)).body;
}
/** A provider's listing key (claimed and redeemed) for the resource, or a new one: the Authorization header. */
async function listingKey(c: Context, resourceId?: string): Promise<{ Authorization: string }> {
  const id = resourceId ?? (await createResource(c)).id;
  const claim = (await c.as('post', `/v1/curation/resources/${id}/claims`).expect(201)).body;
  const redeemed = await c.t.http().post('/v1/listing-claims/redeem').send({ claimToken: claim.claimToken }).expect(201);
  return { Authorization: `Bearer ${redeemed.body.key}` };
}

/** Each operation's valid example and the status it must answer. */
const EXAMPLES: Record<string, { status: number; run: (c: Context) => Promise<Response> }> = {
  'GET /health': { status: 200, run: (c) => c.t.http().get('/health') },
  'GET /health/ready': { status: 200, run: (c) => c.t.http().get('/health/ready') },
  'GET /v1/partners/me': { status: 200, run: (c) => c.as('get', '/v1/partners/me') },
  'GET /v1/partners/me/webhook': { status: 200, run: (c) => c.as('get', '/v1/partners/me/webhook') },
  'PUT /v1/partners/me/webhook': { status: 200, run: (c) => c.as('put', '/v1/partners/me/webhook').send({ url: null }) },
  'POST /v1/partners/me/webhook/rotate-secret': {
    status: 201,
    run: (c) => c.as('post', '/v1/partners/me/webhook/rotate-secret').send({ overlapHours: 1 }),
  },
  'PATCH /v1/partners/{partnerId}': {
    status: 200,
    run: async (c) => {
      const other = (
        await c
          .as('post', '/v1/partners')
          .send({ name: fresh('Example Suspended'), allowedOrigins: ['https://suspended.example'] })
          .expect(201)
      ).body.partner.id;
      return c.as('patch', `/v1/partners/${other}`).send({ status: 'suspended' });
    },
  },
  'POST /v1/partners': {
    status: 201,
    run: (c) => c.as('post', '/v1/partners').send({ name: fresh('Example Partner'), allowedOrigins: ['https://new.example'] }),
  },
  'GET /v1/partners/{partnerId}': { status: 200, run: (c) => c.as('get', `/v1/partners/${c.admin.partnerId}`) },
  'POST /v1/partners/{partnerId}/keys': {
    status: 201,
    run: (c) => c.as('post', `/v1/partners/${c.admin.partnerId}/keys`).send({ kind: 'secret' }),
  },
  'GET /v1/keys': { status: 200, run: (c) => c.as('get', '/v1/keys') },
  'POST /v1/keys/{keyId}/revoke': { status: 200, run: async (c) => c.as('post', `/v1/keys/${await createOwnKey(c)}/revoke`) },
  'POST /v1/keys/{keyId}/rotate': {
    status: 201,
    run: async (c) => c.as('post', `/v1/keys/${await createOwnKey(c)}/rotate`).send({ overlapHours: 1 }),
  },
  'GET /v1/taxonomy': { status: 200, run: (c) => c.t.http().get('/v1/taxonomy') },
  'GET /v1/resources': { status: 200, run: (c) => c.t.http().get('/v1/resources?q=affair&format=video&limit=5') },
  'POST /v1/resources': { status: 201, run: (c) => c.as('post', '/v1/resources').send(resourceBody(fresh('example'))) },
  'GET /v1/resources/{id}': { status: 200, run: (c) => c.t.http().get('/v1/resources/national-domestic-violence-hotline') },
  'PATCH /v1/resources/{id}': {
    status: 200,
    run: async (c) => {
      const { id, etag } = await createResource(c);
      return c
        .as('patch', `/v1/resources/${id}`)
        .set('If-Match', etag)
        .set('Content-Type', 'application/merge-patch+json')
        .send(JSON.stringify({ waitTimeDays: 14 }));
    },
  },
  'DELETE /v1/resources/{id}': {
    status: 204,
    run: async (c) => {
      const { id, etag } = await createResource(c);
      return c.as('delete', `/v1/resources/${id}`).set('If-Match', etag);
    },
  },
  'POST /v1/resources/{id}/verify': {
    status: 200,
    run: async (c) => {
      const { id, etag } = await createResource(c);
      return c.as('post', `/v1/resources/${id}/verify`).set('If-Match', etag).send({ sourceUrl: 'https://examples.example/checked' });
    },
  },
  'GET /v1/resources/{id}/audit': { status: 200, run: async (c) => c.as('get', `/v1/resources/${(await createResource(c)).id}/audit`) },
  'POST /v1/resources/{id}/reports': {
    status: 201,
    run: (c) =>
      c.t.http().post('/v1/resources/open-path-collective/reports').send({ reason: 'wrong_fees', note: 'Sessions now start at $40.' }),
  },
  'GET /v1/curation/reports': { status: 200, run: (c) => c.as('get', '/v1/curation/reports?status=open&reason=wrong_fees') },
  'POST /v1/curation/reports/{reportId}/resolve': {
    status: 200,
    run: async (c) => {
      const report = await c.t.http().post('/v1/resources/open-path-collective/reports').send({ reason: 'wrong_hours' }).expect(201);
      return c.as('post', `/v1/curation/reports/${report.body.id}/resolve`).send({ reverify: true });
    },
  },
  'POST /v1/curation/reports/{reportId}/dismiss': {
    status: 200,
    run: async (c) => {
      const report = await c.t.http().post('/v1/resources/open-path-collective/reports').send({ reason: 'other' }).expect(201);
      return c.as('post', `/v1/curation/reports/${report.body.id}/dismiss`).send({ reason: 'duplicate' });
    },
  },
  'GET /v1/curation/stats': { status: 200, run: (c) => c.as('get', '/v1/curation/stats') },
  'GET /v1/hsds/services': { status: 200, run: (c) => c.t.http().get('/v1/hsds/services') },
  'GET /v1/hsds/services/{id}': {
    status: 200,
    run: async (c) => c.t.http().get(`/v1/hsds/services/${(await c.t.http().get('/v1/hsds/services').expect(200)).body.contents[0].id}`),
  },
  'GET /v1/hsds/organizations': { status: 200, run: (c) => c.t.http().get('/v1/hsds/organizations') },
  'GET /v1/hsds/organizations/{id}': {
    status: 200,
    run: async (c) =>
      c.t.http().get(`/v1/hsds/organizations/${(await c.t.http().get('/v1/hsds/organizations').expect(200)).body.contents[0].id}`),
  },
  'GET /v1/safety-lines': { status: 200, run: (c) => c.t.http().get('/v1/safety-lines?country=US&region=US-OH') },
  'POST /v1/intakes': {
    status: 201,
    run: (c) =>
      c.t
        .http()
        .post('/v1/intakes')
        .set('Authorization', `Bearer ${c.admin.publishableKey}`)
        .set('Origin', ORIGIN)
        .send({ concerns: ['infidelity'], willingness: 'both', postalCode: '43215', budgetPerSession: 150 }),
  },
  'DELETE /v1/intakes/{intakeId}': {
    status: 204,
    run: async (c) => {
      const intake = await c
        .as('post', '/v1/intakes')
        .send({ concerns: ['lying'], willingness: 'both', region: 'US-OH' })
        .expect(201);
      return c.as('delete', `/v1/intakes/${intake.body.id}`);
    },
  },
  'POST /v1/referrals': {
    status: 201,
    run: async (c) => {
      const intake = await c
        .as('post', '/v1/intakes')
        .send({ concerns: ['infidelity'], willingness: 'both', region: 'US-OH' })
        .expect(201);
      return c
        .as('post', '/v1/referrals')
        .send({ intakeId: intake.body.id, resourceId: intake.body.matches[0].resource.id, clientReference: 'case-42' });
    },
  },
  'GET /v1/referrals': { status: 200, run: (c) => c.as('get', '/v1/referrals?status=requested&limit=10') },
  'GET /v1/referrals/{referralId}': { status: 200, run: async (c) => c.as('get', `/v1/referrals/${await createReferral(c)}`) },
  'PATCH /v1/referrals/{referralId}': {
    status: 200,
    run: async (c) => c.as('patch', `/v1/referrals/${await createReferral(c)}`).send({ status: 'accepted' }),
  },
  'DELETE /v1/referrals/{referralId}': { status: 204, run: async (c) => c.as('delete', `/v1/referrals/${await createReferral(c)}`) },
  'POST /v1/curation/resources/{id}/claims': {
    status: 201,
    run: async (c) => c.as('post', `/v1/curation/resources/${(await createResource(c)).id}/claims`),
  },
  'GET /v1/curation/resources/{id}/claims': {
    status: 200,
    run: async (c) => c.as('get', `/v1/curation/resources/${(await createClaim(c)).resourceId}/claims`),
  },
  'DELETE /v1/curation/resources/{id}/claims/{claimId}': {
    status: 204,
    run: async (c) => {
      const claim = await createClaim(c);
      return c.as('delete', `/v1/curation/resources/${claim.resourceId}/claims/${claim.id}`);
    },
  },
  'POST /v1/listing-claims/redeem': {
    status: 201,
    run: async (c) =>
      c.t
        .http()
        .post('/v1/listing-claims/redeem')
        .send({ claimToken: (await createClaim(c)).claimToken }),
  },
  'GET /v1/listing': {
    status: 200,
    run: async (c) =>
      c.t
        .http()
        .get('/v1/listing')
        .set(await listingKey(c)),
  },
  'PATCH /v1/listing': {
    status: 200,
    run: async (c) => {
      const auth = await listingKey(c);
      const etag = (await c.t.http().get('/v1/listing').set(auth).expect(200)).headers.etag;
      return c.t
        .http()
        .patch('/v1/listing')
        .set(auth)
        .set('If-Match', etag)
        .send({ acceptingNewClients: false, waitTimeDays: 42, cost: { slidingScale: true } });
    },
  },
  'GET /v1/listing/referrals': {
    status: 200,
    run: async (c) =>
      c.t
        .http()
        .get('/v1/listing/referrals?limit=10')
        .set(await listingKey(c)),
  },
  'POST /v1/listing/referrals/{referralId}/answer': {
    status: 200,
    run: async (c) => {
      const { id: resourceId } = await createResource(c);
      const auth = await listingKey(c, resourceId);
      const intake = await c
        .as('post', '/v1/intakes')
        .send({ concerns: ['infidelity'], willingness: 'both', region: 'US-OH' })
        .expect(201);
      const referral = await c
        .as('post', '/v1/referrals')
        .send({ intakeId: intake.body.id, resourceId, allowProviderResponse: true })
        .expect(201);
      return c.t
        .http()
        .post(`/v1/listing/referrals/${referral.body.id}/answer`)
        .set(auth)
        .send({ status: 'rejected', reason: 'not_accepting_clients' });
    },
  },
};

describe('every operation has a valid example that succeeds', () => {
  const model = loadOpenApiModel(process.env.FUZZ_SPEC ?? 'docs/openapi.json');
  const c = {} as Context;
  beforeAll(async () => {
    c.t = await createTestApp();
    c.admin = await c.t.createPartner({
      name: 'examples',
      origins: [ORIGIN],
      scopes: ['admin'], // every scope
    });
    c.as = (method, path) => c.t.http()[method](path).set('Authorization', c.admin.auth);
  });
  afterAll(() => c.t.close());

  it('covers exactly the operations of the spec', () => {
    expect(Object.keys(EXAMPLES).sort()).toEqual(model.operations.map((o) => o.key).sort());
  });

  for (const operation of model.operations) {
    const example = EXAMPLES[operation.key];
    if (!example) continue; // reported by the coverage test
    it(`${operation.key} answers ${example.status}`, async () => {
      const res = await example.run(c);
      expect([res.status, res.status >= 400 ? res.body : 'ok']).toEqual([example.status, 'ok']);
      expect(Object.keys(operation.responses)).toContain(String(example.status)); // documented
    });
  }
});
