import { writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';

import { createTestApp, type TestApp } from '../support/test-app.js';
import { emptyReport, formatReport, FuzzClient, fuzzOperation, type OperationReport } from './fuzz-runner.js';
import { type FuzzSetup, prepareFuzzing } from './fuzz-setup.js';
import { loadOpenApiModel } from './openapi-model.js';

/**
 * Property-based fuzzing of every operation in docs/openapi.json (see fuzz-runner.ts for the
 * rules every answer must keep). `npm test` runs a small fixed-seed pass; `npm run fuzz` runs
 * the long one through this same file, with:
 *   FUZZ_SEED     the seed (default 20261125): the same seed replays the same requests
 *   FUZZ_RUNS     generated requests per operation (default 20 here, 2000 in npm run fuzz)
 *   FUZZ_ONLY     only operations whose key or operationId contains this text
 *   FUZZ_REPORT   a file to write the per-operation counts to (JSON)
 *   FUZZ_PROGRESS print each operation's count as it finishes; FUZZ_DEBUG: every request and answer
 *   FUZZ_SPEC     another OpenAPI document to take the operations from (e.g. a freshly generated one)
 * A failure prints the shrunk counterexample, and fast-check's seed and path to replay it.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261125);
const RUNS = Number(process.env.FUZZ_RUNS ?? 20);
const ONLY = process.env.FUZZ_ONLY?.toLowerCase();

const model = loadOpenApiModel(process.env.FUZZ_SPEC ?? 'docs/openapi.json');
// Destructive operations last (stable otherwise, in spec order), so the ones before them find live records.
const destructive = (key: string) => (key.startsWith('DELETE ') || key.endsWith('/revoke') ? 1 : 0);
model.operations.sort((a, b) => destructive(a.key) - destructive(b.key));
const reports: OperationReport[] = model.operations.map(emptyReport);

describe(`fuzzing every operation of docs/openapi.json (seed ${SEED}, ${RUNS} requests each)`, () => {
  let t: TestApp;
  let client: FuzzClient;
  let setup: FuzzSetup;

  beforeAll(async () => {
    t = await createTestApp({ LOG_LEVEL: 'silent' });
    await t.app.listen(0, '127.0.0.1');
    const { port } = t.app.getHttpServer().address() as AddressInfo;
    client = new FuzzClient('127.0.0.1', port);
    setup = await prepareFuzzing(t, client);
  }, 60_000);

  afterAll(async () => {
    client?.close();
    await t?.close();
    const table = formatReport(reports, setup?.setupRequests ?? 0, SEED);
    console.log(table);
    if (process.env.FUZZ_REPORT) {
      writeFileSync(
        process.env.FUZZ_REPORT,
        JSON.stringify({ seed: SEED, runsPerOperation: RUNS, setupRequests: setup?.setupRequests ?? 0, operations: reports }, null, 2),
      );
    }
  });

  it('covers every operation of the spec', () => {
    expect(model.operations.length).toBeGreaterThan(0);
    const keys = model.operations.map((o) => o.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  for (const [index, operation] of model.operations.entries()) {
    const report = reports[index];
    const selected = !ONLY || operation.key.toLowerCase().includes(ONLY) || operation.operationId.toLowerCase().includes(ONLY);
    if (!selected) {
      // Reported by jest as skipped (with the reason), never counted as a pass.
      report.skipped = `not selected by FUZZ_ONLY=${process.env.FUZZ_ONLY}`;
      it.skip(`${operation.key} (${operation.operationId}) [skipped: ${report.skipped}]`, () => undefined);
      continue;
    }
    it(
      `${operation.key} (${operation.operationId})`,
      async () => {
        const limits = { bodyLimitBytes: t.env.BODY_LIMIT_BYTES, maxQueryBytes: t.env.MAX_QUERY_BYTES };
        const progress = process.env.FUZZ_PROGRESS
          ? (r: OperationReport) => process.stderr.write(`  ${r.key}: ${r.requests} requests, ${r.failure ? 'FAILED' : 'ok'}\n`)
          : undefined;
        await fuzzOperation(
          model,
          operation,
          client,
          setup.keys,
          setup.pools,
          { seed: SEED, runsPerOperation: RUNS, limits, onOperationDone: progress },
          report,
        );
        expect(report.requests).toBeGreaterThanOrEqual(RUNS);
      },
      RUNS * 1_000 + 60_000,
    );
  }
});

/**
 * The scopes each operation needs, written here from the access design (not read from the code):
 * the second pass below fuzzes every operation needing more than `directory:read` with a key that
 * holds only `directory:read`, so a missing scope check shows up as a 2xx. [] is any secret key;
 * 'listing' is a provider's listing key and no partner key at all (the first pass checks that).
 */
const REQUIRED_SCOPES: Record<string, string[] | 'anonymous' | 'listing'> = {
  'GET /health': 'anonymous',
  'GET /health/ready': 'anonymous',
  'GET /v1/taxonomy': 'anonymous',
  'GET /v1/resources': 'anonymous',
  'GET /v1/resources/{id}': 'anonymous',
  'GET /v1/hsds/services': 'anonymous',
  'GET /v1/hsds/services/{id}': 'anonymous',
  'GET /v1/hsds/organizations': 'anonymous',
  'GET /v1/hsds/organizations/{id}': 'anonymous',
  'GET /v1/safety-lines': 'anonymous',
  'GET /v1/partners/me': [],
  'GET /v1/partners/me/webhook': ['webhooks:manage'],
  'PUT /v1/partners/me/webhook': ['webhooks:manage'],
  'POST /v1/partners/me/webhook/rotate-secret': ['webhooks:manage'],
  'GET /v1/keys': ['keys:manage'],
  'POST /v1/keys/{keyId}/revoke': ['keys:manage'],
  'POST /v1/keys/{keyId}/rotate': ['keys:manage'],
  'POST /v1/partners': ['admin'],
  'GET /v1/partners/{partnerId}': ['admin'],
  'PATCH /v1/partners/{partnerId}': ['admin'],
  'POST /v1/partners/{partnerId}/keys': ['admin'],
  'POST /v1/resources': ['resources:write'],
  'PATCH /v1/resources/{id}': ['resources:write'],
  'DELETE /v1/resources/{id}': ['resources:write'],
  'POST /v1/resources/{id}/verify': ['resources:write'],
  'GET /v1/resources/{id}/audit': ['resources:write'],
  'POST /v1/resources/{id}/reports': 'anonymous',
  'GET /v1/curation/reports': ['resources:write'],
  'POST /v1/curation/reports/{reportId}/resolve': ['resources:write'],
  'POST /v1/curation/reports/{reportId}/dismiss': ['resources:write'],
  'GET /v1/curation/stats': ['resources:write'],
  'POST /v1/intakes': ['intakes:write'],
  'DELETE /v1/intakes/{intakeId}': ['intakes:write'],
  'POST /v1/referrals': ['referrals:write'],
  'GET /v1/referrals': ['referrals:read'],
  'GET /v1/referrals/{referralId}': ['referrals:read'],
  'PATCH /v1/referrals/{referralId}': ['referrals:write'],
  'DELETE /v1/referrals/{referralId}': ['referrals:write'],
  'POST /v1/curation/resources/{id}/claims': ['resources:write'],
  'GET /v1/curation/resources/{id}/claims': ['resources:write'],
  'DELETE /v1/curation/resources/{id}/claims/{claimId}': ['resources:write'],
  'POST /v1/listing-claims/redeem': 'anonymous',
  'GET /v1/listing': 'listing',
  'PATCH /v1/listing': 'listing',
  'GET /v1/listing/referrals': 'listing',
  'POST /v1/listing/referrals/{referralId}/answer': 'listing',
};
const MINIMAL_SCOPES = ['directory:read'];

describe(`fuzzing with a minimal-scope key (${MINIMAL_SCOPES.join(', ')} only; seed ${SEED}, ${RUNS} requests each)`, () => {
  let t: TestApp;
  let client: FuzzClient;
  let setup: FuzzSetup;
  let minimalKey: string;

  beforeAll(async () => {
    t = await createTestApp({ LOG_LEVEL: 'silent' });
    await t.app.listen(0, '127.0.0.1');
    const { port } = t.app.getHttpServer().address() as AddressInfo;
    client = new FuzzClient('127.0.0.1', port);
    setup = await prepareFuzzing(t, client); // live ids to aim at, made with a full key
    minimalKey = (await t.createPartner({ name: 'minimal scope', scopes: MINIMAL_SCOPES as never, rateLimitPerMinute: 100_000 })).secretKey;
  }, 60_000);
  afterAll(async () => {
    client?.close();
    await t?.close();
  });

  it('knows the scopes of every operation of the spec', () => {
    expect(Object.keys(REQUIRED_SCOPES).sort()).toEqual(model.operations.map((o) => o.key).sort());
  });

  for (const operation of model.operations) {
    const needs = REQUIRED_SCOPES[operation.key];
    if (!Array.isArray(needs) || needs.every((s) => MINIMAL_SCOPES.includes(s))) continue;
    const selected = !ONLY || operation.key.toLowerCase().includes(ONLY) || operation.operationId.toLowerCase().includes(ONLY);
    if (!selected) {
      it.skip(`${operation.key} needs ${needs.join(', ')} [skipped: not selected by FUZZ_ONLY=${process.env.FUZZ_ONLY}]`, () => undefined);
      continue;
    }
    it(
      `${operation.key} needs ${needs.join(', ')}: never a 2xx for the minimal key, and 403 insufficient_scope seen`,
      async () => {
        const report = emptyReport(operation);
        const limits = { bodyLimitBytes: t.env.BODY_LIMIT_BYTES, maxQueryBytes: t.env.MAX_QUERY_BYTES };
        await fuzzOperation(
          model,
          operation,
          client,
          { ...setup.keys, secret: minimalKey },
          setup.pools,
          { seed: SEED + 1, runsPerOperation: RUNS, limits, secretKeyLacksScope: true },
          report,
        );
        expect(report.requests).toBeGreaterThanOrEqual(RUNS);
        // The plain request with the minimal key, so the scope check is certainly reached once.
        const withBody = ['POST', 'PUT', 'PATCH'].includes(operation.method);
        const plain = await client.send(
          operation.method,
          operation.path.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000'),
          { authorization: `Bearer ${minimalKey}`, ...(withBody ? { 'content-type': 'application/json' } : {}) },
          withBody ? Buffer.from('{}') : undefined,
        );
        expect([plain.status, JSON.parse(plain.body.toString('utf8')).code]).toEqual([403, 'insufficient_scope']);
      },
      RUNS * 1_000 + 60_000,
    );
  }
});
