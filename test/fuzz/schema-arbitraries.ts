import fc from 'fast-check';

import type { JsonSchema, OpenApiModel } from './openapi-model.js';

/**
 * Valid-looking values from the spec's schemas. The spec carries types, enums, bounds and
 * examples but not class-validator's patterns (postal codes, ISO regions, slugs…), so values
 * for well-known property names come from `DOMAIN_HINTS`: realistic inputs that get requests
 * past validation and into the services and SQL, where the interesting failures live.
 */

/** A reference to live data (a seeded resource id, an intake made during setup…), resolved when the request is sent. */
export class PoolRef {
  constructor(
    readonly pool: PoolName,
    readonly n: number,
  ) {}
  [fc.toStringMethod](): string {
    return `PoolRef(${this.pool}#${this.n})`;
  }
}
export type PoolName =
  'resourceIds' | 'resourceSlugs' | 'partnerIds' | 'keyIds' | 'intakeIds' | 'referralIds' | 'resourceCursors' | 'referralCursors';

const pool = (name: PoolName) => fc.nat().map((n) => new PoolRef(name, n));
const hex = fc.stringMatching(/^[0-9a-f]{10}$/);
const isoDate = (from: number, to: number) => fc.integer({ min: from, max: to }).map((t) => new Date(t).toISOString());
const DAY = 86_400_000;
const NOW = Date.UTC(2026, 0, 1);

/** Realistic values by property (or parameter) name; anything else is generated from its schema. */
export const DOMAIN_HINTS: Record<string, fc.Arbitrary<unknown>> = {
  slug: hex.map((h) => `fuzz-${h}`),
  name: fc.constantFrom('Riverbend Couples Therapy', 'Second Chances', 'Ñandú Terapia de Pareja 💞', "O'Brien & Sons — Counseling"),
  description: fc.constantFrom(
    'Couples counseling for affair recovery.',
    'Evening video sessions; sliding scale.',
    'Terapia de pareja en español.',
  ),
  url: fc.constantFrom('https://riverbend.example/couples', 'http://clinic.example/fees?x=1'),
  website: fc.constantFrom('https://riverbend.example', 'https://clinic.example/'),
  sourceUrl: fc.constantFrom('https://riverbend.example/fees', 'https://www.thehotline.org/'),
  webhookUrl: fc.constantFrom('https://partner.example/hooks/mend', 'https://partner.example/h?x=1'),
  phone: fc.constantFrom('1-800-799-7233', '988', '+44 20 7946 0958', '(614) 555-0100'),
  email: fc.constantFrom('intake@riverbend.example', 'a.b+c@clinic.example'),
  languages: fc.uniqueArray(fc.constantFrom('en', 'es', 'fr', 'zh'), { minLength: 1, maxLength: 3 }),
  language: fc.uniqueArray(fc.constantFrom('en', 'es', 'fr'), { minLength: 1, maxLength: 2 }),
  region: fc.constantFrom('US-OH', 'US-CA', 'US-NY', 'US-TX'),
  country: fc.constantFrom('US'),
  postalCode: fc.constantFrom('43215', '10001', '94110', '73301'),
  serviceAreas: fc.uniqueArray(fc.constantFrom('US', 'US-OH', 'US-CA', 'CA-ON', 'GB'), { maxLength: 3 }),
  serves: fc.constantFrom('US-OH', 'US', 'CA-ON', 'us-ca'),
  near: fc.constantFrom('39.9612,-82.9988', '40.71,-74.0', ' 34.05 , -118.24 '),
  city: fc.constantFrom('Columbus', 'São Paulo', 'Zürich'),
  address: fc.constantFrom('100 Main St', '1 Rue de la Paix, 2e'),
  insurance: fc.constantFrom('Aetna', 'none', 'Cigna', 'aetna'),
  insurers: fc.constantFrom(['Aetna'], ['Cigna', 'Blue Cross'], []),
  clientReference: hex.map((h) => `case-${h}`),
  reason: fc.constantFrom('first_session_booked', 'no_capacity', 'client_request'),
  allowedOrigins: fc.constantFrom(['https://partner.example'], ['https://a.example', 'http://localhost:3000'], []),
  intakeId: pool('intakeIds'),
  resourceId: pool('resourceIds'),
  cursor: fc.constantFrom<PoolName>('resourceCursors', 'referralCursors').chain((p) => pool(p)),
  q: fc.constantFrom('affair', 'affair recovery', 'money', 'drinking', 'online', 'gottman', 'terapia'),
  lastVerifiedAt: fc.constantFrom('2026-11-01', '2026-10-05T12:00:00Z'),
  expiresAt: isoDate(NOW + DAY, NOW + 400 * DAY),
  createdFrom: isoDate(NOW - 400 * DAY, NOW),
  createdTo: isoDate(NOW, NOW + 400 * DAY),
  latitude: fc.double({ min: -90, max: 90, noNaN: true }),
  longitude: fc.double({ min: -180, max: 180, noNaN: true }),
  feeMin: fc.integer({ min: 0, max: 9000 }),
  feeMax: fc.integer({ min: 9000, max: 30000 }),
  notes: fc.constantFrom('First session free.', 'Cash only.'),
};

/** Path parameters with live ids (and slugs), by parameter name. */
export const PATH_HINTS: Record<string, fc.Arbitrary<unknown>> = {
  idOrSlug: fc.oneof(pool('resourceIds'), pool('resourceSlugs')),
  id: pool('resourceIds'),
  partnerId: pool('partnerIds'),
  keyId: pool('keyIds'),
  referralId: pool('referralIds'),
  intakeId: pool('intakeIds'),
};

/** In If-Match: the resource's current ETag, looked up when the request is sent (writes need it; `*` is refused). */
export const CURRENT_ETAG = '{current-etag}';

export const HEADER_HINTS: Record<string, fc.Arbitrary<string>> = {
  'if-match': fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(CURRENT_ETAG, `W/${CURRENT_ETAG}`, `"v0", ${CURRENT_ETAG}`) },
    { weight: 1, arbitrary: fc.constantFrom('*', '"v1"', '"v2"', 'W/"v1"', '"v1", "v2", "v3"') },
  ),
  'idempotency-key': fc.oneof(
    hex.map((h) => `fuzz-${h}`),
    fc.constantFrom('fuzz-replayed-key', '"quoted-key"'),
  ),
};

const INTEGER_NAMES = new Set(['limit', 'overlapHours', 'waitTimeDays', 'rateLimitPerMinute', 'feeMin', 'feeMax']);

/** A valid-looking value for a schema (`name` picks a domain hint first). */
export function valueFor(model: OpenApiModel, schema: JsonSchema, name?: string, depth = 0): fc.Arbitrary<unknown> {
  if (name && DOMAIN_HINTS[name]) return DOMAIN_HINTS[name];
  const resolved = model.resolve(schema);
  // Query numbers that are counts are documented as `number` but validated as integers.
  const s = name && INTEGER_NAMES.has(name) && resolved.type === 'number' ? { ...resolved, type: 'integer' } : resolved;
  if (Array.isArray(s.allOf) && s.allOf.length)
    return valueFor(model, { ...s, allOf: undefined, ...model.resolve(s.allOf[0] as JsonSchema) }, name, depth);
  if (Array.isArray(s.enum)) return fc.constantFrom(...(s.enum as unknown[]));
  const example = s.example;
  const fromType = byType(model, s, depth);
  const base =
    example !== undefined ? fc.oneof({ weight: 2, arbitrary: fc.constant(example) }, { weight: 1, arbitrary: fromType }) : fromType;
  return s.nullable === true ? fc.oneof({ weight: 5, arbitrary: base }, { weight: 1, arbitrary: fc.constant(null) }) : base;
}

function byType(model: OpenApiModel, s: JsonSchema, depth: number): fc.Arbitrary<unknown> {
  const min = typeof s.minimum === 'number' ? s.minimum : undefined;
  const max = typeof s.maximum === 'number' ? s.maximum : undefined;
  switch (s.type) {
    case 'integer':
      return fc.integer({ min: min ?? -1000, max: max ?? 100_000 });
    case 'number':
      return fc.oneof(
        fc.integer({ min: Math.ceil(min ?? -1000), max: Math.floor(max ?? 100_000) }),
        fc.double({ min: min ?? -1000, max: max ?? 100_000, noNaN: true }).map((n) => Math.round(n * 100) / 100),
      );
    case 'boolean':
      return fc.boolean();
    case 'string':
      if (s.format === 'uuid') return fc.uuid();
      if (s.format === 'date-time') return isoDate(NOW - 400 * DAY, NOW + 400 * DAY);
      return fc.string({
        minLength: typeof s.minLength === 'number' ? s.minLength : 1,
        maxLength: Math.min(typeof s.maxLength === 'number' ? s.maxLength : 40, 40),
      });
    case 'array': {
      const items = model.resolve((s.items as JsonSchema) ?? {});
      if (Array.isArray(items.enum))
        return fc.subarray(items.enum as unknown[], { minLength: items.enum.length ? 1 : 0, maxLength: Math.min(3, items.enum.length) });
      return fc.array(valueFor(model, items, undefined, depth + 1), {
        minLength: typeof s.minItems === 'number' ? s.minItems : 0,
        maxLength: depth > 2 ? 1 : 2,
      });
    }
    case 'object':
    default: {
      const properties = (s.properties ?? {}) as Record<string, JsonSchema>;
      if (!Object.keys(properties).length) return fc.constant({});
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [prop, propSchema] of Object.entries(properties)) record[prop] = valueFor(model, propSchema, prop, depth + 1);
      const required = ((s.required ?? []) as string[]).filter((r) => r in record);
      return fc.record(record, { requiredKeys: required as never[] });
    }
  }
}
