import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

import { describe, expect, it } from '@jest/globals';
import { Validator } from '@seriousme/openapi-schema-validator';

import { generateOpenApiDocument, serializeOpenApi } from '../src/openapi.js';
import { Contract } from './support/contract.js';
import type { Json } from './support/json.js';

const document = JSON.parse(readFileSync('docs/openapi.json', 'utf8')) as Json;
const schemas = document.components.schemas as Json;
const operations = Object.entries(document.paths as Json).flatMap(([path, item]) =>
  Object.entries(item as Json).map(([method, op]) => ({ path, method, id: `${method.toUpperCase()} ${path}`, op: op as Json })),
);

/** Every schema node in the document, with where it is. */
function* schemaNodes(node: unknown, at = '#'): Generator<[string, Json]> {
  if (Array.isArray(node)) {
    for (const [i, v] of node.entries()) yield* schemaNodes(v, `${at}/${i}`);
  } else if (node && typeof node === 'object') {
    yield [at, node];
    for (const [k, v] of Object.entries(node)) if (k !== 'example' && k !== 'examples') yield* schemaNodes(v, `${at}/${k}`);
  }
}

describe('docs/openapi.json', () => {
  it('matches what the code generates (run `npm run openapi` after changing the API)', async () => {
    const generated = serializeOpenApi(await generateOpenApiDocument());
    const committed = readFileSync('docs/openapi.json', 'utf8');
    expect(JSON.parse(committed)).toEqual(JSON.parse(generated));
  });

  it('is a valid OpenAPI 3 document', async () => {
    const validator = new Validator();
    const result = await validator.validate(document);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('passes Redocly lint (recommended rules, redocly.yaml) with no error and no warning', () => {
    const output = execFileSync(process.execPath, ['node_modules/@redocly/cli/bin/cli.js', 'lint', '--format=json'], {
      encoding: 'utf8',
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const report = JSON.parse(output.slice(output.indexOf('{'))) as {
      totals: { errors: number; warnings: number };
      problems: { ruleId: string; message: string }[];
    };
    expect(report.problems.map((p) => `${p.ruleId}: ${p.message}`)).toEqual([]);
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
  });

  it('lists the directory and intake first, and names a server', () => {
    expect((document.tags as Json[]).map((t) => t.name).slice(0, 2)).toEqual(['directory', 'intake']);
    expect(document.servers.length).toBeGreaterThan(0);
  });

  it('uses one parameter name per path template', () => {
    const templates = Object.keys(document.paths).map((p) => p.replace(/\{[^}]+\}/g, '{}'));
    expect(templates.length).toBe(new Set(templates).size);
  });

  it('gives every operation security (an optional key is [{}, secretKey, publishableKey]) and its 4xx answers', () => {
    for (const { id, op, path } of operations) {
      expect([id, op.security]).toEqual([id, expect.any(Array)]);
      expect([id, Object.keys(op.responses).some((s) => s.startsWith('4'))]).toEqual([id, true]);
      if (path.startsWith('/health')) continue;
      // An operation that takes no key at all (security [{}] alone: redeeming a listing claim) never answers 401 or 403.
      const keyless = JSON.stringify(op.security) === '[{}]';
      const expected = keyless ? ['400', '414', '429', '503'] : ['400', '401', '403', '414', '429', '503'];
      expect([id, expected.filter((s) => !op.responses[s])]).toEqual([id, []]);
    }
    const redeem = operations.find((o) => o.op.operationId === 'redeemListingClaim')!.op;
    expect(redeem.security).toEqual([{}]);
    expect(Object.keys(redeem.responses).filter((s) => s === '401' || s === '403')).toEqual([]);
    const listing = operations.find((o) => o.op.operationId === 'updateListing')!.op;
    expect(listing.security).toEqual([{ listingKey: [] }]);
    const search = operations.find((o) => o.op.operationId === 'searchResources')!.op;
    expect(search.security).toEqual([{}, { secretKey: [] }, { publishableKey: [] }]);
    const listReferrals = operations.find((o) => o.op.operationId === 'listReferrals')!.op;
    expect(listReferrals.security).toEqual([{ secretKey: [] }]);
  });

  it('declares every error as application/problem+json, with Retry-After on 429 and 503 and the RateLimit headers', () => {
    for (const { id, op } of operations) {
      for (const [status, response] of Object.entries(op.responses as Json)) {
        if (Number(status) < 400) continue;
        expect([id, status, Object.keys(response.content ?? {})]).toEqual([id, status, ['application/problem+json']]);
        if (status === '429' || status === '503')
          expect([id, status, response.headers?.['Retry-After']?.required]).toEqual([id, status, true]);
        if (status === '429')
          expect([id, Object.keys(response.headers)]).toEqual([id, expect.arrayContaining(['RateLimit', 'RateLimit-Policy'])]);
      }
    }
    expect(operations.find((o) => o.op.operationId === 'searchResources')!.op.responses['200'].headers).toHaveProperty('Link');
  });

  it('lists the problem extension members (currentStatus, allowedTransitions, reason)', () => {
    const problem = schemas.ProblemDetailsDto.properties;
    expect(problem.currentStatus.enum).toContain('requested');
    expect(problem.allowedTransitions.items.enum).toContain('accepted');
    expect(problem.reason.enum).toContain('requires_safe_relationship');
    expect(problem.status.type).toBe('integer');
  });

  it('closes every request body schema and gives its fields no defaults', () => {
    const requestSchemas = new Set<string>();
    const walk = (node: unknown): void => {
      for (const [, n] of schemaNodes(node)) {
        const name = typeof n.$ref === 'string' ? n.$ref.split('/').pop()! : undefined;
        if (name && !requestSchemas.has(name)) {
          requestSchemas.add(name);
          walk(schemas[name]);
        }
      }
    };
    for (const { op } of operations) if (op.requestBody) walk(op.requestBody);
    expect(requestSchemas).toContain('UpdateResourceRequest');
    for (const name of requestSchemas) {
      expect([name, schemas[name].additionalProperties]).toEqual([name, false]);
      const defaults = [...schemaNodes(schemas[name])].filter(([, n]) => 'default' in n).map(([at]) => at);
      expect([name, defaults]).toEqual([name, []]);
    }
  });

  it('makes the resource merge patch all-optional, null where null removes a value, never null for the safety flags', () => {
    const patch = schemas.UpdateResourceRequest;
    expect(patch.required ?? []).toEqual([]);
    for (const field of ['url', 'phone', 'email', 'waitTimeDays', 'eligibility', 'lineRoles', 'contactChannels'])
      expect([field, patch.properties[field].nullable]).toEqual([field, true]);
    for (const field of ['requiresSafeRelationship', 'notForCrisis', 'demo'])
      expect([field, patch.properties[field].nullable]).toEqual([field, undefined]);
    expect(schemas.CostPatch.properties.feeMin).toMatchObject({ type: 'integer', nullable: true });
    expect(schemas.OrganizationPatch.properties.website.nullable).toBe(true);
  });

  it('types fields for code generation: integers, typed pages, null in nullable enums, nullable refs that admit null', () => {
    const contract = new Contract(document);
    for (const [at, node] of schemaNodes(schemas)) {
      if (node.nullable && Array.isArray(node.enum)) expect([at, node.enum.includes(null)]).toEqual([at, true]);
      expect([at, Boolean(node.nullable && node.allOf)]).toEqual([at, false]);
      if (node.type === 'object' && !node.properties && !node.additionalProperties && !node.enum)
        expect([at, 'bare object']).toEqual([at, 'typed']);
    }
    expect(contract.validator({ $ref: '#/components/schemas/ResourceAuditEntryResponse' }).schema).toBeDefined();
    const nullableRef = contract.validator(schemas.ResourceAuditEntryResponse.properties.before);
    expect(nullableRef(null)).toBe(true);
    expect(nullableRef('x')).toBe(false);
    expect(schemas.ReferralListResponse.properties.page.$ref).toBe('#/components/schemas/ReferralPageInfo');
    for (const [schema, field] of [
      ['PageInfo', 'limit'],
      ['PageInfo', 'total'],
      ['FacetValue', 'count'],
      ['CreateIntakeRequest', 'limit'],
      ['CreatePartnerRequest', 'rateLimitPerMinute'],
      ['RotateKeyRequest', 'overlapHours'],
      ['ReferralPageInfo', 'limit'],
    ]) {
      expect([schema, field, schemas[schema].properties[field].type]).toEqual([schema, field, 'integer']);
    }
    const parameter = (operationId: string, name: string) =>
      operations.find((o) => o.op.operationId === operationId)!.op.parameters.find((p: Json) => p.name === name) as Json;
    expect(parameter('listReferrals', 'limit').schema.type).toBe('integer');
    expect(parameter('searchResources', 'limit').schema.type).toBe('integer');
    for (const name of ['near', 'postalCode', 'serves'])
      expect([name, typeof parameter('searchResources', name).schema.pattern]).toEqual([name, 'string']);
    expect(parameter('searchResources', 'facets')).toMatchObject({ style: 'form', explode: false });
    expect(schemas.CreateIntakeRequest.properties.region.pattern).toBeDefined();
    expect(schemas.CreateIntakeRequest.properties.country.pattern).toBe('^[A-Z]{2}$');
    expect(schemas.CostResponse.properties.currency.enum).toEqual(['USD', 'CAD', 'GBP', 'EUR', 'AUD', 'NZD', 'MXN']);
    const health = operations.find((o) => o.op.operationId === 'checkLiveness')!.op.responses['200'].content['application/json'].schema;
    expect(health.$ref).toBe('#/components/schemas/LivenessResponse');
  });

  it('has examples (request bodies, responses, parameters) that are valid against their schemas', () => {
    const contract = new Contract(document);
    let checked = 0;
    const check = (where: string, schema: Json | undefined, value: unknown) => {
      if (!schema) return;
      const validate = contract.validator(schema);
      expect([where, validate(value) ? 'valid' : contract.ajv.errorsText(validate.errors)]).toEqual([where, 'valid']);
      checked++;
    };
    for (const { id, op } of operations) {
      for (const [type, media] of Object.entries((op.requestBody?.content ?? {}) as Json)) {
        for (const [name, example] of Object.entries((media.examples ?? {}) as Json))
          check(`${id} request ${type} ${name}`, media.schema, example.value);
      }
      for (const [status, response] of Object.entries(op.responses as Json)) {
        for (const [type, media] of Object.entries((response.content ?? {}) as Json)) {
          for (const [name, example] of Object.entries((media.examples ?? {}) as Json))
            check(`${id} ${status} ${type} ${name}`, media.schema, example.value);
        }
      }
      for (const parameter of (op.parameters ?? []) as Json[])
        if (parameter.schema?.example !== undefined) check(`${id} ${parameter.name}`, parameter.schema, parameter.schema.example);
    }
    expect(checked).toBeGreaterThan(10);
  });
});
