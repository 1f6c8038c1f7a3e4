import { request } from 'node:http';
import type { AddressInfo } from 'node:net';

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';

import { createTestApp, type TestApp, type TestPartner } from '../support/test-app.js';

/**
 * One test per bug the fuzzer found (test/fuzz/api.fuzz.e2e-spec.ts): each of these answered
 * 500 before its fix.
 */
describe('bugs found by fuzzing', () => {
  let t: TestApp;
  let admin: TestPartner;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.createPartner({
      scopes: ['directory:read', 'intakes:write', 'referrals:read', 'referrals:write', 'resources:write', 'admin'],
    });
  });
  afterAll(() => t.close());

  type Answer = { status: number; headers: Record<string, string>; body: Record<string, unknown> };
  const expectProblem = (res: Answer, status: number, code?: string) => {
    expect({ status: res.status, code: res.body.code }).toEqual({ status, code: code ?? res.body.code });
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  };
  const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const nested = (depth: number) => `${'['.repeat(depth)}1${']'.repeat(depth)}`;

  describe('deeply nested JSON bodies (class-transformer recursed until the stack overflowed)', () => {
    it('answers 400 for a body nested thousands of levels deep, in a known or an unknown field', async () => {
      for (const body of [
        `{"concerns":${nested(20_000)},"willingness":"both"}`,
        `{"concerns":["infidelity"],"willingness":"both","x":${nested(20_000)}}`,
      ]) {
        const res = await t.http().post('/v1/intakes').set('Authorization', admin.auth).set('Content-Type', 'application/json').send(body);
        expectProblem(res, 400, 'body_too_deep');
      }
    });

    it('answers 400 for deep objects too, on every JSON media type', async () => {
      const deepObject = `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`;
      const res = await t
        .http()
        .patch(`/v1/resources/${(await t.http().get('/v1/resources?limit=1')).body.data[0].id}`)
        .set('Authorization', admin.auth)
        .set('If-Match', '"v1"')
        .set('Content-Type', 'application/merge-patch+json')
        .send(`{"organization":${deepObject}}`);
      expectProblem(res, 400, 'body_too_deep');
    });

    it('still takes the nesting real requests use', async () => {
      const res = await t
        .http()
        .post('/v1/intakes')
        .set('Authorization', admin.auth)
        .send({ concerns: ['infidelity'], willingness: 'both', preferences: { approaches: ['gottman'] }, safety: { feelsAfraid: false } });
      expect(res.status).toBe(201);
    });
  });

  describe('NUL characters (PostgreSQL text cannot store U+0000: "invalid byte sequence for encoding UTF8: 0x00")', () => {
    it('answers 400 naming the query parameter', async () => {
      const res = await t.http().get('/v1/resources?insurance=a%00b');
      expectProblem(res, 400, 'validation_failed');
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'insurance', code: 'invalid_character' })]);
    });

    it('answers 400 naming the body field, nested fields by path', async () => {
      const partner = await t.http().post('/v1/partners').set('Authorization', admin.auth).send({ name: 'a\u0000b' });
      expectProblem(partner, 400, 'validation_failed');
      expect(partner.body.errors).toEqual([expect.objectContaining({ field: 'name', code: 'invalid_character' })]);
      const key = await t
        .http()
        .post(`/v1/partners/${admin.partnerId}/keys`)
        .set('Authorization', admin.auth)
        .send({ kind: 'secret', name: 'x\u0000' });
      expectProblem(key, 400, 'validation_failed');
      const intake = await t
        .http()
        .post('/v1/intakes')
        .set('Authorization', admin.auth)
        .send({ concerns: ['infidelity'], willingness: 'both', preferences: { approaches: ['gottman\u0000'] } });
      expectProblem(intake, 400, 'validation_failed');
      expect(intake.body.errors).toEqual([expect.objectContaining({ field: 'preferences.approaches.0', code: 'invalid_character' })]);
    });

    it('answers 400 for a NUL in a field name or a path parameter', async () => {
      const res = await t
        .http()
        .post('/v1/intakes')
        .set('Authorization', admin.auth)
        .set('Content-Type', 'application/json')
        .send('{"concerns":["infidelity"],"willingness":"both","\\u0000":1}');
      expectProblem(res, 400, 'validation_failed');
      expectProblem(await t.http().get('/v1/resources/a%00b'), 400, 'validation_failed'); // as its title says: 400, never a 500
    });

    it('stores other unusual text (RTL, emoji, lone surrogates) without error', async () => {
      const res = await t
        .http()
        .post('/v1/partners')
        .set('Authorization', admin.auth)
        .set('Content-Type', 'application/json')
        .send('{"name":"\\u202e\\ud83d\\ude00 \\ud800 شريك"}');
      expect(res.status).toBe(201);
    });
  });

  describe('crafted directory cursors (the key went into SQL casts unchecked)', () => {
    let real: Record<string, Record<string, unknown>>;
    beforeAll(async () => {
      real = {};
      for (const sort of ['name', 'fee']) {
        const page = await t.http().get(`/v1/resources?limit=1&sort=${sort}`).expect(200);
        real[sort] = JSON.parse(Buffer.from(page.body.page.nextCursor, 'base64url').toString('utf8'));
      }
    });

    it.each([
      ['name', 'a NUL in the name key', { k: 'a\u0000' }],
      ['fee', 'a fractional fee', { k: 0.5 }],
      ['fee', 'a fee beyond integer range', { k: 1e308 }],
      ['fee', 'a subnormal fee', { k: -1e-320 }],
      ['fee', 'a fee of 2^31', { k: 2 ** 31 }],
      ['name', 'an id of dashes', { i: '-'.repeat(36) }],
      ['fee', 'an id of zeros without hyphens', { i: '0'.repeat(36) }],
    ])('answers 400 for a %s cursor with %s', async (sort, _what, change) => {
      const res = await t.http().get(`/v1/resources?limit=1&sort=${sort}&cursor=${b64({ ...real[sort], ...change })}`);
      expectProblem(res, 400, 'validation_failed');
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'cursor', code: 'invalid_cursor' })]);
    });

    it('still follows real cursors', async () => {
      for (const sort of ['name', 'fee']) {
        await t
          .http()
          .get(`/v1/resources?limit=1&sort=${sort}&cursor=${b64(real[sort])}`)
          .expect(200);
      }
    });
  });

  describe('crafted referral cursors (the date and id went into SQL casts unchecked)', () => {
    it.each([
      ['a date JavaScript reads but PostgreSQL does not', ['1', '7f0c1b9e-1d2c-4b8a-9d6e-000000000001']],
      ['a date in year 275760', ['+275760-09-13T00:00:00.000Z', '7f0c1b9e-1d2c-4b8a-9d6e-000000000001']],
      ['February 30', ['2026-02-30T00:00:00.000000Z', '7f0c1b9e-1d2c-4b8a-9d6e-000000000001']],
      ['year 0', ['0000-01-01T00:00:00.000000Z', '7f0c1b9e-1d2c-4b8a-9d6e-000000000001']],
      ['an id of dashes', ['2026-01-01T00:00:00.000000Z', '-'.repeat(36)]],
      ['an id of zeros without hyphens', ['2026-01-01T00:00:00.000000Z', '0'.repeat(36)]],
    ])('answers 400 for %s', async (_what, cursor) => {
      const res = await t
        .http()
        .get(`/v1/referrals?cursor=${b64(cursor)}`)
        .set('Authorization', admin.auth);
      expectProblem(res, 400, 'validation_failed');
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'cursor', code: 'invalid_cursor' })]);
    });

    it('still follows real cursors', async () => {
      const intake = await t
        .http()
        .post('/v1/intakes')
        .set('Authorization', admin.auth)
        .send({ concerns: ['infidelity'], willingness: 'both' })
        .expect(201);
      const resourceId = intake.body.matches[0].resource.id;
      for (let i = 0; i < 2; i++)
        await t.http().post('/v1/referrals').set('Authorization', admin.auth).send({ intakeId: intake.body.id, resourceId }).expect(201);
      const first = await t.http().get('/v1/referrals?limit=1').set('Authorization', admin.auth).expect(200);
      const second = await t
        .http()
        .get(`/v1/referrals?limit=1&cursor=${first.body.page.nextCursor}`)
        .set('Authorization', admin.auth)
        .expect(200);
      expect(second.body.data[0].id).not.toBe(first.body.data[0].id);
    });
  });

  describe('answers given before the application sees the request (plain JSON or no body at all)', () => {
    it('answers a malformed percent-encoding in the path with 400 problem+json', async () => {
      const res = await t.http().get('/v1/partners/%zz').set('Authorization', admin.auth);
      expectProblem(res, 400, 'bad_request');
      expect(res.body.requestId).toBe(res.headers['x-request-id']);
    });

    it("answers a path parameter over the router's 200 characters with 414 problem+json", async () => {
      const res = await t.http().get(`/v1/resources/${'a'.repeat(201)}`);
      expectProblem(res, 414, 'uri_too_long');
    });

    it('answers an Expect header other than 100-continue with 417 problem+json', async () => {
      // superagent will not send an arbitrary Expect header: plain node:http does.
      await t.app.listen(0, '127.0.0.1');
      const { port } = t.app.getHttpServer().address() as AddressInfo;
      const res = await new Promise<{ status: number; type: string; body: string }>((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port, path: '/v1/taxonomy', headers: { expect: 'something-else' } }, (r) => {
          let body = '';
          r.on('data', (c) => (body += c));
          r.on('end', () => resolve({ status: r.statusCode ?? 0, type: String(r.headers['content-type']), body }));
        });
        req.on('error', reject);
        req.end();
      });
      expect(res.status).toBe(417);
      expect(res.type).toMatch(/^application\/problem\+json/);
      expect(JSON.parse(res.body)).toMatchObject({
        status: 417,
        code: 'expectation_failed',
        type: expect.any(String),
        title: expect.any(String),
      });
    });
  });

  describe('subnormal coordinates (PostgreSQL\'s earth functions raised "value out of range: underflow")', () => {
    const tiny = `0.${'0'.repeat(322)}5`; // 5e-323 in decimal, as the near pattern allows

    it('takes a resource location at 5e-324 degrees (as 0)', async () => {
      const resource = {
        slug: 'fuzz-subnormal',
        name: 'Subnormal',
        description: 'A point next to 0,0.',
        organization: { name: 'Subnormal' },
        kind: 'practice',
        formats: ['in_person'],
        cost: { free: true, slidingScale: false, currency: 'USD', insuranceAccepted: false, insurers: [], noInsuranceNeeded: true },
        specialties: [],
        approaches: [],
        languages: ['en'],
        audiences: [],
        credentials: [],
        paymentOptions: [],
        serviceAreas: [],
        locations: [{ city: 'Null Island', region: 'US-OH', country: 'US', latitude: 5e-324, longitude: -1.5e-323 }],
        acceptingNewClients: true,
        availability: [],
        jointSessions: true,
        demo: true,
      };
      const res = await t.http().post('/v1/resources').set('Authorization', admin.auth).send(resource);
      expect(res.status).toBe(201);
      expect(res.body.locations[0]).toMatchObject({ latitude: 0, longitude: 0 });
    });

    it('searches near a subnormal point', async () => {
      expect((await t.http().get(`/v1/resources?near=${tiny},${tiny}`)).status).toBe(200);
    });

    it('takes an intake near a subnormal point', async () => {
      const res = await t
        .http()
        .post('/v1/intakes')
        .set('Authorization', admin.auth)
        .send({ concerns: ['infidelity'], willingness: 'both', near: `${tiny},-${tiny}` });
      expect(res.status).toBe(201);
    });
  });

  describe('an array where a nested object belongs (@ValidateNested passed an empty array, or arrays inside one)', () => {
    const resource = (change: Record<string, unknown>) => ({
      slug: `fuzz-array-${Math.random().toString(36).slice(2, 8)}`,
      name: 'Arrays',
      description: 'Nested objects only.',
      organization: { name: 'Arrays' },
      kind: 'practice',
      formats: ['video'],
      cost: { free: true, slidingScale: false, currency: 'USD', insuranceAccepted: false, insurers: [], noInsuranceNeeded: true },
      specialties: [],
      approaches: [],
      languages: ['en'],
      audiences: [],
      credentials: [],
      paymentOptions: [],
      serviceAreas: ['US'],
      locations: [],
      acceptingNewClients: true,
      availability: [],
      jointSessions: true,
      demo: true,
      ...change,
    });

    it.each(['cost', 'organization'])('answers 400 for %s: [] on create', async (field) => {
      const res = await t
        .http()
        .post('/v1/resources')
        .set('Authorization', admin.auth)
        .send(resource({ [field]: [] }));
      expectProblem(res, 400, 'validation_failed');
      expect(res.body.errors).toEqual([expect.objectContaining({ field })]);
    });

    it.each(['cost', 'organization'])('answers 400 for %s: [] in a patch', async (field) => {
      const id = (await t.http().get('/v1/resources?limit=1').expect(200)).body.data[0].id;
      const etag = (await t.http().get(`/v1/resources/${id}`).expect(200)).headers.etag;
      const res = await t
        .http()
        .patch(`/v1/resources/${id}`)
        .set('Authorization', admin.auth)
        .set('If-Match', etag)
        .send({ [field]: [] });
      expectProblem(res, 400, 'validation_failed');
    });

    it.each([[[]], [null], [1], ['x']])('answers 400 for locations: [%j] on create and in a patch', async (item) => {
      const res = await t
        .http()
        .post('/v1/resources')
        .set('Authorization', admin.auth)
        .send(resource({ locations: [item] }));
      expectProblem(res, 400, 'validation_failed');
      expect(res.body.errors).toEqual([expect.objectContaining({ field: expect.stringMatching(/^locations/) })]);
      const id = (await t.http().get('/v1/resources?limit=1').expect(200)).body.data[0].id;
      const etag = (await t.http().get(`/v1/resources/${id}`).expect(200)).headers.etag;
      const patch = await t
        .http()
        .patch(`/v1/resources/${id}`)
        .set('Authorization', admin.auth)
        .set('If-Match', etag)
        .send({ locations: [item] });
      expectProblem(patch, 400, 'validation_failed');
    });

    it.each(['safety', 'preferences'])('answers 400 for %s: [] in an intake', async (field) => {
      const res = await t
        .http()
        .post('/v1/intakes')
        .set('Authorization', admin.auth)
        .send({ concerns: ['infidelity'], willingness: 'both', [field]: [] });
      expectProblem(res, 400, 'validation_failed');
    });
  });
});
