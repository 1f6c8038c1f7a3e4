import 'reflect-metadata';

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from '@jest/globals';

import { ProblemException } from '../../common/problem/problem.js';
import { createValidationPipe } from '../../common/problem/validation.js';
import { CURATED_DATA_DIR } from '../../seeding/curated-dataset.js';
import { exampleResource } from '../dto/resource.examples.js';
import { type ResourceRecord, toResourceWrite } from '../resource-record.js';
import { CreateResourceRequest, UpdateResourceRequest } from './dto/resource.request.js';
import { documentToWrite, mergePatch } from './resource-document.js';
import { snapshotToResponse, toSnapshot } from './resource-snapshot.js';

const pipe = createValidationPipe();
const validate = (body: unknown, metatype: new () => object = CreateResourceRequest) =>
  pipe.transform(body, { type: 'body', metatype, data: '' });

/** The problem's field errors, or [] when the body is valid. */
async function fieldErrors(body: unknown, metatype?: new () => object): Promise<{ field: string; code: string }[]> {
  try {
    await validate(body, metatype);
    return [];
  } catch (error) {
    if (!(error instanceof ProblemException)) throw error;
    return (error.errors ?? []).map(({ field, code }) => ({ field, code }));
  }
}

const records: ResourceRecord[] = readdirSync(CURATED_DATA_DIR)
  .filter((f) => f.endsWith('.json'))
  .flatMap((f) => JSON.parse(readFileSync(join(CURATED_DATA_DIR, f), 'utf8')) as ResourceRecord[]);
const real = records.find((r) => !r.demo && r.locations.length === 0)!;
const local = records.find((r) => r.demo && r.locations.length > 0)!;

describe('resource request validation', () => {
  it('accepts every curated seed record as it is, and maps it exactly as the seed loader does', async () => {
    for (const record of records) {
      expect([record.slug, await fieldErrors(record)]).toEqual([record.slug, []]);
      const document = await validate(record);
      expect(documentToWrite(document)).toEqual(toResourceWrite(record));
    }
  });

  it.each([
    ['an unknown taxonomy code', { specialties: ['astrology'] }, 'specialties', 'isIn'],
    ['a fee in currency units', { cost: { ...local.cost, feeMin: 89.5 } }, 'cost.feeMin', 'isInt'],
    ['a fee range upside down', { cost: { ...local.cost, feeMin: 9000, feeMax: 8000 } }, 'cost.feeMax', 'notLessThanField'],
    ['an unknown currency', { cost: { ...local.cost, currency: 'usd' } }, 'cost.currency', 'isIn'],
    ['a language that is not ISO 639-1', { languages: ['eng'] }, 'languages', 'matches'],
    ['a service area that is not ISO 3166', { serviceAreas: ['Ohio'] }, 'serviceAreas', 'matches'],
    [
      'a region of another country',
      { locations: [{ ...local.locations[0], region: 'CA-ON', country: 'US' }] },
      'locations.0.region',
      'regionOfCountry',
    ],
    ['a latitude off the globe', { locations: [{ ...local.locations[0], latitude: 91 }] }, 'locations.0.latitude', 'max'],
    ['a slug that is not kebab-case', { slug: 'Not A Slug' }, 'slug', 'matches'],
    ['a slug shaped like a UUID', { slug: '0b0e0e4e-7d2e-4b8a-9a4a-3f1f2b1c0d9e' }, 'slug', 'matches'],
    ['a website that is not a URL', { organization: { name: 'X', website: 'example' } }, 'organization.website', 'isUrl'],
    ['an unknown field', { rating: 5 }, 'rating', 'unknown_field'],
    ['an unknown nested field', { cost: { ...local.cost, tip: 1 } }, 'cost.tip', 'unknown_field'],
    ['an unknown accessibility code', { accessibility: ['braille'] }, 'accessibility', 'isIn'],
    ['a TTY without its number', { accessibility: ['tty'], contactChannels: [] }, 'accessibility', 'borneOutByRecord'],
    ['wheelchair access without a location', { accessibility: ['wheelchair_access'], locations: [] }, 'accessibility', 'borneOutByRecord'],
  ])('rejects %s, naming the field', async (_what, change, field, code) => {
    expect(await fieldErrors({ ...local, ...change })).toContainEqual({ field, code });
  });

  it('stores the accessibility codes the contact channels and chat sessions state, once each, in taxonomy order', async () => {
    const document = await validate({
      ...local,
      formats: ['in_person', 'chat'],
      accessibility: ['wheelchair_access', 'tty', 'asl'],
      contactChannels: [
        { type: 'tty', value: '1-800-787-3224' },
        { type: 'videophone', value: '1-855-812-1001' },
        { type: 'relay', value: '711' },
      ],
    });
    expect(documentToWrite(document).accessibility).toEqual(['asl', 'videophone', 'tty', 'relay', 'text_based', 'wheelchair_access']);
    expect(documentToWrite(await validate({ ...local, accessibility: undefined, contactChannels: [] })).accessibility).toEqual(
      local.formats.includes('chat') ? ['text_based'] : [],
    );
  });

  it('needs sourceUrl and lastVerifiedAt for a real resource, not for a demo listing', async () => {
    const { sourceUrl: _s, lastVerifiedAt: _l, ...unsourced } = real;
    expect((await fieldErrors(unsourced)).map((e) => e.field).sort()).toEqual(['lastVerifiedAt', 'sourceUrl']);
    expect(await fieldErrors({ ...unsourced, demo: true })).toEqual([]);
  });

  it('takes a partial patch, with nested objects partial too, but still checks what is given', async () => {
    expect(await fieldErrors({ cost: { feeMin: 5000 } }, UpdateResourceRequest)).toEqual([]);
    expect(await fieldErrors({ url: null, status: 'active' }, UpdateResourceRequest)).toEqual([]);
    expect(await fieldErrors({ cost: { feeMin: 'cheap' } }, UpdateResourceRequest)).toContainEqual({ field: 'cost.feeMin', code: 'isInt' });
    expect(await fieldErrors({ status: 'archived' }, UpdateResourceRequest)).toContainEqual({ field: 'status', code: 'isIn' });
    expect(await fieldErrors({ status: null }, UpdateResourceRequest)).toContainEqual({ field: 'status', code: 'isIn' });
  });
});

describe('mergePatch (RFC 7396)', () => {
  const target = { name: 'A', cost: { free: false, feeMin: 100, notes: 'x' }, formats: ['video', 'phone'], url: 'https://a.example' };

  it('merges objects field by field, replaces arrays, removes on null, leaves the rest', () => {
    expect(mergePatch(target, { cost: { feeMin: 200, notes: null }, formats: ['chat'], url: null })).toEqual({
      name: 'A',
      cost: { free: false, feeMin: 200 },
      formats: ['chat'],
    });
    expect(target.cost.feeMin).toBe(100); // inputs untouched
  });

  it('is the identity for an empty patch', () => {
    expect(mergePatch(target, {})).toEqual(target);
  });
});

describe('audit snapshots', () => {
  const neverCalled = (): never => {
    throw new Error('a snapshot with its verification needs no fallback');
  };
  // Every field set, those added after the log began (feePeriod, notForCrisis, …) away from their defaults.
  const shown = exampleResource({
    organization: { name: 'Org', website: null },
    kind: 'hotline',
    cost: { ...exampleResource().cost, feePeriod: 'per_week' },
    notForCrisis: true,
    eligibility: ['military_community'],
    lineRoles: ['crisis'],
    contactChannels: [
      { type: 'text', value: '838255' },
      { type: 'text', value: '741741', keyword: 'HOME' },
    ],
    provenance: { sourceUrl: 'https://a.example/about', lastVerifiedAt: '2026-01-01T00:00:00.000Z', demo: false },
    verification: { lastVerifiedAt: '2026-01-01T00:00:00.000Z', verifiedBy: 'provider', status: 'due', reportedNotWorking: false },
    updatedAt: '2026-01-02T00:00:00.000Z',
  });

  it('store the resource as shown, and read back as it was shown', () => {
    expect(snapshotToResponse(JSON.parse(JSON.stringify(toSnapshot(shown))), neverCalled)).toEqual(shown);
  });

  it('read an entry written before a field existed with the default its column was given', () => {
    const {
      notForCrisis: _n,
      eligibility: _e,
      lineRoles: _l,
      contactChannels: _c,
      accessibility: _a,
      verification: _v,
      ...stored
    } = toSnapshot(shown);
    const { feePeriod: _f, ...storedCost } = stored.cost;
    const then = { lastVerifiedAt: '2026-01-01T00:00:00.000Z', verifiedBy: 'curator' as const, status: 'current' as const };
    expect(snapshotToResponse({ ...stored, cost: storedCost }, () => then)).toEqual({
      ...shown,
      notForCrisis: false,
      eligibility: [],
      lineRoles: [],
      contactChannels: [],
      accessibility: [],
      cost: { ...shown.cost, feePeriod: 'per_session' },
      verification: { ...then, reportedNotWorking: false },
    });
  });
});
