import fc from 'fast-check';

import type { ApiOperation, JsonSchema, OpenApiModel } from './openapi-model.js';
import {
  badCursor,
  deeplyNested,
  hugeString,
  nastyJsonValue,
  nastyQueryValue,
  nastyString,
  RAW_JSON_NUMBERS,
  UNICODE_STRINGS,
} from './payloads.js';
import { HEADER_HINTS, PATH_HINTS, type PoolName, PoolRef, valueFor } from './schema-arbitraries.js';

/**
 * One generated request, before live ids are filled in. `mutation` names what was done to a
 * valid request (`valid` for none), so reports and counterexamples say which kind of bad input
 * broke the API. `expectStatus` is set where only one answer is right (413 for an oversized body).
 */
export interface FuzzRequest {
  mutation: string;
  /** A valid key (publishable keys send the partner's Origin; listing: a provider's listing key), none, a raw Authorization header, or the publishable key from another Origin (null: none). */
  auth: 'secret' | 'publishable' | 'listing' | 'none' | { authorization: string; origin?: string } | { publishableFrom: string | null };
  pathParams: Record<string, unknown>;
  /** Raw path segments (already encoded), overriding pathParams: garbage that must never route to a 5xx. */
  rawPath?: Record<string, string>;
  query: [string, unknown][];
  /** Query text appended as is (already encoded), for repeated and oversized parameters. */
  rawQuery?: string;
  headers: Record<string, string>;
  body?: { contentType?: string; json?: unknown; raw?: string | Buffer };
  expectStatus?: number;
}

export interface ArbitraryLimits {
  bodyLimitBytes: number;
  maxQueryBytes: number;
}

const KEY_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const fakeKey = (kind: 'sk' | 'pk' | 'lk' | 'lc') =>
  fc.string({ unit: fc.constantFrom(...KEY_ALPHABET), minLength: 30, maxLength: 30 }).map((s) => `mend_${kind}_live_${s}`);

/** Authorization headers that must all be refused with 401/403 problem+json (never 5xx, never let in). */
const badAuthorization: fc.Arbitrary<FuzzRequest['auth']> = fc.oneof(
  fakeKey('sk').map((k) => ({ authorization: `Bearer ${k}` })),
  fakeKey('pk').map((k) => ({ authorization: `Bearer ${k}`, origin: 'https://partner.example' })),
  fakeKey('lk').map((k) => ({ authorization: `Bearer ${k}` })),
  fakeKey('lc').map((k) => ({ authorization: `Bearer ${k}` })),
  fc
    .constantFrom(
      'Bearer',
      'Bearer ',
      'Basic dXNlcjpwYXNz',
      'bearer  mend_sk_live_x',
      'Token abc',
      'Bearer mend_sk_live_',
      `Bearer ${hugeString(4000, 'A')}`,
      "Bearer ' OR 1=1 --",
      'Bearer mend_sk_live_\u00ff\u00fe',
      'Bearer a b c',
      'Bearer mend_pk_test_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
    )
    .map((authorization) => ({ authorization })),
  nastyString.map((s) => ({ authorization: `Bearer ${latin1(s)}` })),
);

/** Header values must be Latin-1 without CR/LF/NUL, or Node's client refuses to send them. */
export function latin1(value: string): string {
  return value.replace(/[^\t\x20-\x7e\x80-\xff]/g, '?');
}

export function requestArbitrary(model: OpenApiModel, operation: ApiOperation, limits: ArbitraryLimits): fc.Arbitrary<FuzzRequest> {
  const pathParams = operation.parameters.filter((p) => p.in === 'path');
  const queryParams = operation.parameters.filter((p) => p.in === 'query');
  const headerParams = operation.parameters.filter((p) => p.in === 'header');
  const bodyTypes = Object.keys(operation.requestBody?.content ?? {});
  const jsonType = bodyTypes.find((t) => t === 'application/json') ?? bodyTypes[0];
  const bodySchema: JsonSchema | undefined = jsonType ? operation.requestBody!.content[jsonType] : undefined;
  const cursorPool: PoolName = operation.path.includes('referrals') ? 'referralCursors' : 'resourceCursors';

  const auths: FuzzRequest['auth'][] = operation.security.length === 0 ? ['none', 'secret'] : [];
  if (operation.security.includes('secretKey')) auths.push('secret');
  if (operation.security.includes('publishableKey')) auths.push('publishable');
  if (operation.security.includes('listingKey')) auths.push('listing');
  const validAuth = fc.constantFrom(...auths);

  const validPath = fc.record(Object.fromEntries(pathParams.map((p) => [p.name, PATH_HINTS[p.name] ?? valueFor(model, p.schema, p.name)])));
  const validQuery: fc.Arbitrary<[string, unknown][]> = fc
    .tuple(
      ...queryParams.map((p) => {
        const value = p.name === 'cursor' ? fc.nat().map((n) => new PoolRef(cursorPool, n)) : valueFor(model, p.schema, p.name);
        return p.required
          ? value.map((v) => [p.name, v] as [string, unknown])
          : fc.option(
              value.map((v) => [p.name, v] as [string, unknown]),
              { freq: 3 },
            );
      }),
    )
    .map((entries) => entries.filter((e): e is [string, unknown] => e !== null && e !== undefined))
    // Facet and list parameters are rarely all set at once by real callers; keep most requests small.
    .chain((entries) => fc.subarray(entries, { maxLength: Math.min(entries.length, 4) }))
    .map((entries) => Object.entries(coherent(Object.fromEntries(entries))));
  const validHeaders = fc
    .record(
      Object.fromEntries(
        headerParams.map((p) => {
          const hint = HEADER_HINTS[p.name.toLowerCase()] ?? fc.constant('x');
          return [p.name, p.required ? hint : fc.option(hint, { freq: 2 })];
        }),
      ),
    )
    .map((h) => Object.fromEntries(Object.entries(h).filter(([, v]) => v !== null && v !== undefined)) as Record<string, string>);
  const validBody = bodySchema
    ? valueFor(model, bodySchema).map((json) => ({ contentType: jsonType, json: coherent(json) }))
    : fc.constant(undefined);

  const valid: fc.Arbitrary<FuzzRequest> = fc.record({
    mutation: fc.constant('valid'),
    auth: validAuth,
    pathParams: validPath,
    query: validQuery,
    headers: validHeaders,
    body: validBody,
  });

  const mutations: { weight: number; arbitrary: fc.Arbitrary<FuzzRequest> }[] = [{ weight: 6, arbitrary: valid }];
  const mutate = (weight: number, mutation: string, arbitrary: fc.Arbitrary<(r: FuzzRequest) => FuzzRequest>) =>
    mutations.push({ weight, arbitrary: fc.tuple(valid, arbitrary).map(([r, f]) => ({ ...f(r), mutation })) });

  if (bodySchema) {
    mutate(
      5,
      'body-field',
      fc
        .tuple(fc.nat(), nastyJsonValue)
        .map(([n, value]) => (r) => ({ ...r, body: { ...r.body, json: replaceAt(r.body?.json, n, value) } })),
    );
    mutate(
      2,
      'body-field-wrong-type',
      fc
        .tuple(fc.nat(), fc.constantFrom<unknown>(null, 0, '', 'true', true, [], {}, [[]], -1, '1'))
        .map(([n, value]) => (r) => ({ ...r, body: { ...r.body, json: replaceAt(r.body?.json, n, value) } })),
    );
    mutate(
      1,
      'body-missing-field',
      fc.nat().map((n) => (r) => ({ ...r, body: { ...r.body, json: removeAt(r.body?.json, n) } })),
    );
    mutate(
      1,
      'body-unknown-field',
      fc
        .tuple(
          fc.constantFrom(
            '__proto__',
            'constructor',
            'admin',
            'id',
            'partnerId',
            'x'.repeat(300),
            '\u0000',
            '',
            ...UNICODE_STRINGS.slice(0, 4),
          ),
          nastyJsonValue,
        )
        .map(([k, v]) => (r) => ({ ...r, body: { ...r.body, json: withKey(r.body?.json, k, v) } })),
    );
    mutate(
      2,
      'body-whole',
      nastyJsonValue.map((json) => (r) => ({ ...r, body: { contentType: jsonType, json } })),
    );
    mutate(
      1,
      'body-deep-nesting',
      fc
        .tuple(fc.constantFrom(30, 100, 2000, 10_000), fc.constantFrom<'array' | 'object'>('array', 'object'), fc.nat())
        .map(([d, kind, n]) => (r) => ({ ...r, body: { ...r.body, json: replaceAt(r.body?.json, n, deeplyNested(d, kind)) } })),
    );
    mutate(
      1,
      'body-malformed-json',
      fc
        .tuple(
          fc.nat(),
          fc.constantFrom(
            '',
            '{',
            '{"a":',
            '{"a":1,}',
            "{'a':1}",
            '{"a":1}{"b":2}',
            '\ufeff{}',
            'nul',
            '[1,2',
            '{"a":NaN}',
            '{"a":undefined}',
            ...RAW_JSON_NUMBERS,
            `{"a":${RAW_JSON_NUMBERS[0]}}`,
            '{"__proto__":{"x":1}}',
            '{"constructor":{"prototype":{"x":1}}}',
          ),
        )
        .map(([n, raw]) => (r) => {
          const text = JSON.stringify(r.body?.json ?? {});
          return { ...r, body: { contentType: jsonType, raw: n % 2 ? raw : text.slice(0, n % Math.max(1, text.length)) + raw } };
        }),
    );
    mutate(
      1,
      'body-bad-bytes',
      fc
        .constantFrom(
          Buffer.from([0xff, 0xfe, 0x7b, 0x7d]),
          Buffer.from('{"name":"\xc3\x28"}', 'latin1'),
          Buffer.from('{"a":"\ud800"}', 'utf16le'),
        )
        .map((raw) => (r) => ({ ...r, body: { contentType: jsonType, raw } })),
    );
    mutate(
      1,
      'body-oversized',
      fc.constantFrom(1, 1000, 200_000).map((extra) => (r) => ({
        ...r,
        body: {
          contentType: jsonType,
          raw: JSON.stringify({ ...(typeof r.body?.json === 'object' ? r.body.json : {}), pad: hugeString(limits.bodyLimitBytes + extra) }),
        },
        expectStatus: 413,
      })),
    );
  }
  // Bodies of the wrong media type, on every operation (a body where none is expected too).
  mutate(
    bodySchema ? 2 : 1,
    'body-content-type',
    fc
      .tuple(
        fc.constantFrom(
          'text/plain',
          'application/xml',
          'application/x-www-form-urlencoded',
          'multipart/form-data; boundary=x',
          'application/json; charset=utf-16',
          'application/json; charset=latin1',
          'application/merge-patch+json',
          'application/problem+json',
          'application/octet-stream',
          '*/*',
          'application/json, text/plain',
          'APPLICATION/JSON',
          ' ',
          'x'.repeat(500),
        ),
        fc.constantFrom('{}', '<a/>', 'a=b&c=d', '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nb\r\n--x--', 'plain text', ''),
      )
      .map(([contentType, raw]) => (r) => ({
        ...r,
        body: {
          contentType,
          raw: contentType.startsWith('application/json') || contentType.endsWith('+json') ? JSON.stringify(r.body?.json ?? {}) : raw,
        },
      })),
  );

  if (queryParams.length) {
    const names = queryParams.map((p) => p.name);
    mutate(
      5,
      'query-value',
      fc
        .tuple(fc.constantFrom(...names), nastyQueryValue)
        .map(([name, value]) => (r) => ({ ...r, query: [...r.query.filter(([k]) => k !== name), [name, value]] })),
    );
    mutate(
      2,
      'query-repeated',
      fc
        .tuple(
          fc.constantFrom(...names),
          fc.array(fc.oneof(nastyQueryValue, fc.constantFrom('true', '1', 'video', 'en', 'name')), { minLength: 2, maxLength: 30 }),
        )
        .map(([name, values]) => (r) => ({ ...r, query: [...r.query, ...values.map((v) => [name, v] as [string, unknown])] })),
    );
    mutate(
      1,
      'query-unknown',
      fc
        .tuple(
          fc.constantFrom('__proto__', 'constructor', 'limit[]', 'q[a]', 'sort.x', '', '\u0000', 'x'.repeat(300), 'a%00'),
          nastyQueryValue,
        )
        .map(([name, value]) => (r) => ({ ...r, query: [...r.query, [name, value]] })),
    );
    if (names.includes('cursor')) {
      mutate(
        4,
        'query-bad-cursor',
        fc
          .tuple(
            badCursor(() => cursorsFor(cursorPool)),
            fc.boolean(),
          )
          .map(([cursor, keepFilters]) => (r) => ({
            ...r,
            query: [...(keepFilters ? r.query : []).filter(([k]) => k !== 'cursor'), ['cursor', cursor]],
          })),
      );
    }
  }
  mutate(
    1,
    'query-syntax',
    fc
      .constantFrom(
        '&&&',
        '=&=',
        'a',
        '%',
        '%zz=%zz',
        'a=1&a',
        '?',
        '#frag',
        ';a=1',
        'a=%00',
        'limit=1&limit',
        '%E0%A4%A',
        '%C0%AF',
        '%ED%A0%80',
        '%F4%90%80%80',
      )
      .map((raw) => (r) => ({ ...r, rawQuery: raw })),
  );
  mutate(
    1,
    'query-too-long',
    fc
      .constantFrom(1, 100, 10_000)
      .map((extra) => (r) => ({ ...r, rawQuery: `q=${hugeString(limits.maxQueryBytes + extra)}`, expectStatus: 414 })),
  );

  if (pathParams.length) {
    const names = pathParams.map((p) => p.name);
    mutate(
      4,
      'path-garbage',
      fc
        .tuple(
          fc.constantFrom(...names),
          fc
            .oneof(
              fc.uuid(),
              fc.constantFrom(
                '00000000-0000-0000-0000-000000000000',
                'FFFFFFFF-FFFF-4FFF-BFFF-FFFFFFFFFFFF',
                '..',
                '.',
                '%2e%2e',
                '%2F',
                'a%2Fb',
                '%00',
                '%',
                '%zz',
                '%ED%A0%80',
                '-',
                '--',
                'null',
                'undefined',
                '0',
                '-1',
                '1e309',
                'me',
                'true',
                hugeString(199),
                hugeString(200),
                hugeString(201),
                hugeString(2000),
                'a%20b',
                '%C3%A9',
                '\u00e9\u00ff',
              ),
              nastyString.map((s) => encodeSegment(s)),
              // An empty segment routes elsewhere (`/v1/referrals/` is the list, trailing slashes are ignored): not garbage for this operation.
            )
            .filter((segment) => segment.length > 0),
        )
        .map(([name, segment]) => (r) => ({ ...r, rawPath: { ...(r.rawPath ?? {}), [name]: segment } })),
    );
  }
  if (operation.security.length)
    mutate(
      3,
      'auth-bad',
      badAuthorization.map((auth) => (r) => ({ ...r, auth })),
    );
  if (operation.security.length)
    mutate(
      1,
      'auth-missing',
      fc.constant((r) => ({ ...r, auth: 'none' as const })),
    );
  if (operation.security.includes('publishableKey')) {
    mutate(
      1,
      'auth-publishable-origin',
      fc
        .constantFrom(
          undefined,
          '',
          'null',
          'https://evil.example',
          'https://partner.example.evil.example',
          'https://PARTNER.example',
          'https://partner.example/',
          'https://partner.example:443',
        )
        .map((origin) => (r) => ({ ...r, auth: { publishableFrom: origin ?? null } })),
    );
  } else if (operation.security.length) {
    mutate(
      1,
      'auth-publishable-not-allowed',
      fc.constant((r) => ({ ...r, auth: 'publishable' as const })),
    );
  }
  mutate(
    2,
    'headers',
    fc
      .dictionary(
        fc.constantFrom(
          'if-match',
          'if-none-match',
          'idempotency-key',
          'x-request-id',
          'accept',
          'accept-encoding',
          'origin',
          'content-encoding',
          'x-forwarded-for',
          'range',
          'expect',
          'mend-embed-origin',
          'sec-fetch-site',
        ),
        fc.oneof(
          nastyString.map(latin1),
          fc.constantFrom(
            '*',
            '"v1"',
            'W/"x"',
            '"v999999999"',
            '"v1e3"',
            'gzip',
            'br, deflate',
            'application/xml',
            'same-origin',
            'https://partner.example',
            '100-continue',
            'bytes=0-1',
          ),
        ),
        { minKeys: 1, maxKeys: 3 },
      )
      .map((extra) => (r) => ({ ...r, headers: { ...r.headers, ...extra } })),
  );

  return fc.oneof(...mutations);

  function cursorsFor(_pool: PoolName): string[] {
    return cursorSource.current?.(_pool) ?? [];
  }
}

const FINAL_REFERRAL_STATUSES = ['completed', 'failed', 'rejected', 'cancelled'];

/**
 * Valid requests obey the rules between fields that the spec cannot express (near or postalCode,
 * not both; sort=distance needs a place…), so that they reach the services instead of stopping
 * at a 400. Invalid ones come from the mutations.
 */
function coherent<T>(value: T): T {
  if (!isPlainObject(value)) return value;
  const v: Record<string, unknown> = { ...value };
  if (v.near !== undefined && v.postalCode !== undefined) delete v.near;
  const place = v.near !== undefined || v.postalCode !== undefined;
  if (!place && 'radiusKm' in v && !('concerns' in v)) delete v.radiusKm;
  if (!place && 'country' in v && !('concerns' in v)) delete v.country;
  if ((v.sort === 'distance' && !place) || (v.sort === 'relevance' && v.q === undefined)) delete v.sort;
  if (v.outcome !== undefined && typeof v.status === 'string' && !FINAL_REFERRAL_STATUSES.includes(v.status)) delete v.outcome;
  return v as T;
}

/** The live cursors, provided by the runner (the arbitraries are built before any request runs). */
export const cursorSource: { current?: (pool: PoolName) => string[] } = {};

function encodeSegment(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return encodeURIComponent(value.replace(/[\ud800-\udfff]/g, '\ufffd'));
  }
}

/** Every path (object keys and array indexes) inside a JSON value, the root included. */
function paths(value: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(prefix);
  if (prefix.length > 6) return out;
  if (Array.isArray(value)) value.forEach((v, i) => paths(v, [...prefix, i], out));
  else if (isPlainObject(value)) for (const [k, v] of Object.entries(value)) paths(v, [...prefix, k], out);
  return out;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype;
}

function replaceAt(json: unknown, n: number, replacement: unknown): unknown {
  const all = paths(json).filter((p) => p.length > 0);
  if (!all.length) return replacement;
  return setPath(json, all[n % all.length], replacement);
}

function removeAt(json: unknown, n: number): unknown {
  const all = paths(json).filter((p) => p.length > 0);
  if (!all.length) return json;
  return setPath(json, all[n % all.length], undefined);
}

function withKey(json: unknown, key: string, value: unknown): unknown {
  const base = json && typeof json === 'object' && !Array.isArray(json) ? json : {};
  // defineProperty: a plain assignment to "__proto__" would set the prototype instead of a key.
  const copy = { ...base };
  Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

function setPath(json: unknown, path: (string | number)[], replacement: unknown): unknown {
  if (!path.length) return replacement;
  const [head, ...rest] = path;
  if (Array.isArray(json)) {
    const copy = [...json];
    if (replacement === undefined && !rest.length) copy.splice(head as number, 1);
    else copy[head as number] = setPath(copy[head as number], rest, replacement);
    return copy;
  }
  const copy = { ...(json as Record<string, unknown>) };
  if (replacement === undefined && !rest.length) delete copy[head as string];
  else copy[head as string] = setPath(copy[head as string], rest, replacement);
  return copy;
}
