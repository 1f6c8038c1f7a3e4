import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';

import { runPartnerExample } from '../clients/typescript/examples/partner.js';
import { type components, createMendClient } from '../clients/typescript/src/index.js';
import type { Json } from './support/json.js';
import { createTestApp, type TestApp, type TestPartner } from './support/test-app.js';

const document = JSON.parse(readFileSync('docs/openapi.json', 'utf8')) as Json;

/** A listing marked safe-relationships-only (the flag a generated client must never clear). */
function record(slug: string) {
  return {
    slug,
    name: `Larkspur Couples Practice ${slug}`,
    description: 'Couples counseling for partners rebuilding trust.',
    organization: { name: `Larkspur ${slug}` },
    kind: 'practice',
    formats: ['video'],
    cost: { free: false, slidingScale: false, currency: 'USD', insuranceAccepted: false, insurers: [], noInsuranceNeeded: true },
    specialties: ['trust_rebuilding'],
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
    requiresSafeRelationship: true,
    notForCrisis: true,
    demo: true,
  };
}

describe('the generated TypeScript client (clients/typescript) against a running instance', () => {
  let t: TestApp;
  let partner: TestPartner;
  let baseUrl: string;

  beforeAll(async () => {
    t = await createTestApp();
    partner = await t.createPartner({ rateLimitPerMinute: 25 });
    await t.app.listen(0, '127.0.0.1');
    baseUrl = await t.app.getUrl();
  });
  afterAll(async () => {
    // fetch keeps its connections alive: drop them so the app (and jest's worker) can stop.
    t.app.getHttpServer().closeAllConnections();
    await t.close();
  });

  it('a PATCH sent the way a generated client builds it leaves requiresSafeRelationship set', async () => {
    const writer = await t.createPartner({ scopes: ['directory:read', 'resources:write'] });
    const created = await t.http().post('/v1/resources').set('Authorization', writer.auth).send(record('client-patch')).expect(201);
    expect(created.body.safeRelationshipsOnly).toBe(true);

    // A generated client (or a form built from the schema) fills in every field the schema gives a
    // default, since openapi-typescript makes such fields required. Build the patch that way.
    const schema = document.components.schemas.UpdateResourceRequest as Json;
    const filledDefaults = Object.fromEntries(
      Object.entries(schema.properties as Json)
        .filter(([, p]) => 'default' in p)
        .map(([name, p]) => [name, p.default]),
    );
    // Compiles only while the generated type requires nothing: renaming needs just the name.
    const patch: components['schemas']['UpdateResourceRequest'] = { name: 'Larkspur Couples Practice (renamed)', ...filledDefaults };

    const client = createMendClient({ baseUrl, apiKey: writer.secretKey });
    const { data, error } = await client.PATCH('/v1/resources/{id}', {
      params: { path: { id: created.body.id }, header: { 'If-Match': created.headers.etag } },
      body: patch,
    });
    expect(error).toBeUndefined();
    expect(data?.name).toBe('Larkspur Couples Practice (renamed)');
    expect(data?.safeRelationshipsOnly).toBe(true);
    expect(data?.notForCrisis).toBe(true);
    const read = await client.GET('/v1/resources/{id}', { params: { path: { id: created.body.id } } });
    expect(read.data?.safeRelationshipsOnly).toBe(true);

    // null removes an optional field, as the schema now says; a typed client can send it.
    const removed = await client.PATCH('/v1/resources/{id}', {
      params: { path: { id: created.body.id }, header: { 'If-Match': read.response.headers.get('etag')! } },
      body: { phone: null, cost: { notes: null } },
    });
    expect(removed.error).toBeUndefined();
    expect(removed.data?.phone).toBeNull();
    expect(removed.data?.safeRelationshipsOnly).toBe(true);
  });

  it('runs the example partner program: pages, an idempotent intake, a referral, typed errors, a 429 with Retry-After', async () => {
    const lines: string[] = [];
    const result = await runPartnerExample({
      baseUrl,
      secretKey: partner.secretKey,
      burst: 40,
      maxWaitSeconds: 0,
      log: (l) => lines.push(l),
    });
    expect(result.pages).toBeGreaterThan(1);
    expect(result.resourcesSeen).toBeGreaterThan(2);
    expect(result.facetKinds.length).toBeGreaterThan(0);
    expect(result.intakeReplayed).toBe(true);
    expect(result.referralStatus).toBe('accepted');
    expect(result.invalidTransition).toEqual({
      code: 'invalid_transition',
      currentStatus: 'accepted',
      allowedTransitions: expect.arrayContaining(['in-progress']),
    });
    expect(result.rateLimited?.retryAfterSeconds).toBeGreaterThan(0);
    expect(result.rateLimited?.rateLimit).toMatch(/r=0/);
    expect(lines.length).toBeGreaterThan(3);
  });

  it('is what openapi-typescript generates from docs/openapi.json now (run `npm run client` after `npm run openapi`)', () => {
    // Run where no redocly.yaml is (openapi-typescript would read its `apis` instead), as `npm run client` does.
    const dir = mkdtempSync(join(tmpdir(), 'mend-client-'));
    execFileSync(
      process.execPath,
      [resolve('node_modules/openapi-typescript/bin/cli.js'), resolve('docs/openapi.json'), '-o', join(dir, 'schema.ts')],
      { cwd: dir, stdio: 'ignore' },
    );
    const out = join(dir, 'schema.ts');
    expect(readFileSync('clients/typescript/src/schema.ts', 'utf8')).toBe(readFileSync(out, 'utf8'));
  });

  it('compiles, with the example program, under tsc --strict', () => {
    expect(() =>
      execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'clients/typescript/tsconfig.json'], {
        encoding: 'utf8',
        stdio: 'pipe',
      }),
    ).not.toThrow();
  });
});
