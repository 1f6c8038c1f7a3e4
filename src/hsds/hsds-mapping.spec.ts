import { describe, expect, it } from '@jest/globals';

import { hsdsErrors } from '../../test/hsds-schemas.js';
import { parseArea, parseCountry, parseLanguage, parseRegion } from '../common/place/place-names.js';
import { UUID_PATTERN } from '../common/uuid.js';
import { toResourceDocument } from '../resources/curation/resource-document.js';
import type { FeedResourceRow } from '../resources/directory-feed.service.js';
import { mapService } from './hsds.mapper.js';
import { hsdsId } from './hsds-ids.js';
import { recogniseTerm, taxonomyTerm, termId } from './hsds-taxonomy.js';
import { mapHsdsService, slugFromHsdsId } from './import/hsds-service.mapper.js';

/** A stored resource with every optional field set, including those the curated data leaves empty. */
const row: FeedResourceRow = {
  id: '0b6f3f0e-5b1c-4f9e-9d7a-3c2b1a0f9e8d',
  organization_id: '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a',
  slug: 'riverbend-couples-therapy',
  name: 'Riverbend Couples Therapy',
  description: 'Gottman-method couples therapy after an affair.',
  url: 'https://riverbend.example/couples',
  phone: '614-555-0100',
  email: 'intake@riverbend.example',
  kind: 'practice',
  formats: ['video', 'in_person'],
  free: false,
  sliding_scale: true,
  fee_min: 9050,
  fee_max: 15000,
  currency: 'CAD',
  insurance_accepted: true,
  insurers: ['Sun Life', 'Manulife'],
  no_insurance_needed: false,
  cost_notes: 'First session free.',
  specialties: ['trust_rebuilding', 'infidelity'],
  approaches: ['gottman'],
  languages: ['fr', 'en'],
  audiences: ['lgbtq_affirming'],
  accessibility: ['asl', 'videophone', 'tty', 'text_based', 'interpreter_on_request', 'wheelchair_access'],
  credentials: ['gottman_certified', 'licensed_clinician'],
  payment_options: ['insurance', 'cash'],
  service_areas: ['CA-ON', 'CA'],
  accepting_new_clients: false,
  wait_time_days: 21,
  availability: ['weekends', 'evenings'],
  joint_sessions: true,
  requires_safe_relationship: true,
  not_for_crisis: true,
  fee_period: 'per_session',
  eligibility: ['women_only'],
  line_roles: [],
  contact_channels: [
    { type: 'text', value: '88788', keyword: 'START' },
    { type: 'chat', value: 'https://riverbend.example/chat' },
    { type: 'videophone', value: '1-855-812-1001' },
    { type: 'videophone', value: 'https://riverbend.example/asl-now' },
    { type: 'tty', value: '1-800-787-3224' },
  ],
  translations: { es: { description: 'Terapia de pareja en Toronto, en persona y por video.' } },
  demo: false,
  source_url: 'https://riverbend.example/fees',
  last_verified_at: new Date('2026-11-20T14:31:07.250Z'),
  verified_by: 'curator',
  safety_suspended: false,
  status: 'inactive',
  version: 4,
  created_at: new Date('2026-01-01T00:00:00Z'),
  updated_at: new Date('2026-11-20T14:31:07.250Z'),
  organization_name: 'Riverbend Counselling Group',
  organization_website: 'https://riverbend.example',
  locations: [
    {
      address: '100 King St W',
      city: 'Toronto',
      region: 'CA-ON',
      postalCode: 'M5X 1A9',
      country: 'CA',
      latitude: 43.6487,
      longitude: -79.3817,
    },
    { address: null, city: 'Ottawa', region: 'CA-ON', postalCode: null, country: 'CA', latitude: 45.4215, longitude: -75.6972 },
  ],
};

describe('HSDS ids', () => {
  it('are name-based UUIDs (version 5): the same parts give the same id, other parts another', () => {
    const id = hsdsId('service', row.id, 'location', 0);
    expect(id).toMatch(UUID_PATTERN);
    expect(id[14]).toBe('5');
    expect(hsdsId('service', row.id, 'location', 0)).toBe(id);
    expect(hsdsId('service', row.id, 'location', 1)).not.toBe(id);
  });
});

describe('the service mapping round trip (export → import mapper)', () => {
  it('rebuilds every stored field of the resource, status included', () => {
    const mapped = mapHsdsService(mapService(row), mapService(row).organization);
    expect(mapped.problems).toEqual([]);
    expect(mapped.skipped).toEqual([]);
    expect(mapped.defaults).toEqual([]);
    expect(mapped.status).toBe('inactive');
    expect(JSON.parse(JSON.stringify(mapped.document))).toEqual(toResourceDocument(row));
  });

  it('writes fees in major units for HSDS and exact minor units as mend attributes', () => {
    const service = mapService(row);
    expect(service.cost_options!.map((c) => [c.option, c.amount, c.currency])).toEqual([
      ['Lowest fee per session', 90.5, 'CAD'],
      ['Highest fee per session', 150, 'CAD'],
    ]);
    const values = (code: string) =>
      service.attributes!.filter((a) => a.taxonomy_term.code === code && a.taxonomy_term.taxonomy === 'mend').map((a) => a.value);
    expect(values('fee_min_minor')).toEqual(['9050']);
    expect(values('insurer')).toEqual(['Sun Life', 'Manulife']);
    expect(values('last_verified_at')).toEqual(['2026-11-20T14:31:07.250Z']);
    expect(service.assured_date).toBe('2026-11-20');
    expect(service.service_at_locations![1].location.addresses[0]).toMatchObject({
      address_1: '',
      postal_code: '',
      state_province: 'Ontario',
      region: 'CA-ON',
    });
    expect(service.eligibility_description).toBe(
      'Only for: Women only. Welcomes: LGBTQ+ affirming. Not for relationships with abuse, violence or coercive control. Not for people in an acute crisis.',
    );
  });
});

describe('accessibility in HSDS', () => {
  const service = mapService(row);

  it('is valid HSDS 3.0, with every code as a mend:accessibility attribute', () => {
    expect(hsdsErrors('service', service)).toEqual([]);
    expect(service.attributes!.filter((a) => a.taxonomy_term.taxonomy === 'mend:accessibility').map((a) => a.taxonomy_term.code)).toEqual(
      row.accessibility,
    );
  });

  it('puts TTY and videophone numbers among the phones, the videophone answered in ASL (ISO 639-3 ase)', () => {
    expect(service.phones!.map((p) => [p.number, p.type, p.languages?.map((l) => l.code)])).toEqual([
      ['614-555-0100', undefined, undefined],
      ['1-855-812-1001', 'video', ['ase']],
      ['1-800-787-3224', 'textphone', undefined],
    ]);
  });

  it('says ASL and interpreters in interpretation_services, not as a spoken language', () => {
    expect(service.interpretation_services).toMatch(/^American Sign Language \(ASL\): .*Interpreter on request: /);
    expect(service.languages!.map((l) => l.code)).toEqual(['fr', 'en']);
  });

  it('puts wheelchair access on each location', () => {
    for (const sal of service.service_at_locations!) {
      expect(sal.location.accessibility).toEqual([expect.objectContaining({ location_id: sal.location_id })]);
      expect(sal.location.accessibility![0].description).toMatch(/^Wheelchair accessible: A step-free entrance/);
    }
    expect(mapService({ ...row, accessibility: ['asl'] }).service_at_locations![0].location.accessibility).toBeUndefined();
  });

  it("reads another directory's ASL language and TTY and videophone phones as accessibility and channels", () => {
    const mapped = mapHsdsService(
      {
        id: 'x2',
        name: 'Signing Counseling',
        description: 'Couples counseling in ASL.',
        status: 'active',
        assured_date: '2026-01-02',
        attributes: [
          { id: 'a', taxonomy_term: { name: 'Private practice' } },
          { id: 'b', taxonomy_term: { name: 'Wheelchair accessible' } },
        ],
        languages: [{ code: 'en' }, { code: 'ase', name: 'American Sign Language' }],
        phones: [{ number: '555-0100' }, { number: '555-0101', type: 'textphone' }, { number: '555-0102', type: 'video' }],
      },
      { name: 'Signing Org' },
      { sourceUrl: 'https://directory.example/hsds' },
    );
    expect(mapped.problems).toEqual([]);
    expect(mapped.document).toMatchObject({
      languages: ['en'],
      phone: '555-0100',
      accessibility: ['asl'],
      contactChannels: [
        { type: 'tty', value: '555-0101' },
        { type: 'videophone', value: '555-0102' },
      ],
    });
    // Wheelchair access needs a place: the service has no location, so the term is left out, with why.
    expect(mapped.skipped).toContainEqual({ field: 'attributes(accessibility)', reason: 'wheelchair_access without a location' });
  });
});

describe('recognising taxonomy terms', () => {
  it("knows Mend's own terms by id, or by taxonomy and code", () => {
    expect(recogniseTerm({ id: termId('format', 'video') })).toEqual({ kind: 'mend', vocabulary: 'format', code: 'video' });
    expect(recogniseTerm({ taxonomy: 'mend:specialty', code: 'infidelity' })).toEqual({
      kind: 'mend',
      vocabulary: 'specialty',
      code: 'infidelity',
    });
    expect(recogniseTerm(taxonomyTerm('mend', 'sliding_scale'))).toEqual({ kind: 'mend', vocabulary: 'mend', code: 'sliding_scale' });
    expect(recogniseTerm({ taxonomy: 'mend:kind', code: 'spa' })).toMatchObject({ kind: 'unknown', reason: 'mend:kind has no term spa' });
  });

  it("matches another directory's terms by a Mend code or label, unless ambiguous", () => {
    expect(recogniseTerm({ name: 'In Person', taxonomy: 'Delivery' })).toEqual({
      kind: 'matched',
      vocabulary: 'format',
      code: 'in_person',
    });
    expect(recogniseTerm({ code: 'GOTTMAN', name: 'Gottman', taxonomy: 'Methods' })).toEqual({
      kind: 'matched',
      vocabulary: 'approach',
      code: 'gottman',
    });
    expect(recogniseTerm({ name: 'Faith-based' })).toMatchObject({ kind: 'unknown', reason: expect.stringContaining('ambiguous') });
    expect(recogniseTerm({ code: 'BH-180', name: 'Marriage Counseling', taxonomy: 'AIRS' })).toEqual({
      kind: 'unknown',
      reason: 'no Mend term for "Marriage Counseling" (taxonomy AIRS)',
    });
  });
});

describe('places and languages', () => {
  it.each([
    [['US', 'OH'], 'US-OH'],
    [['US', 'Ohio'], 'US-OH'],
    [['US', 'us-oh'], 'US-OH'],
    [['CA', 'Québec'], 'CA-QC'],
    [['GB', 'Scotland'], 'GB-SCT'],
    [['US', 'Ontario'], undefined],
    [['US', 'Franklin County'], undefined],
  ])('parseRegion%p → %p', ([country, value], expected) => expect(parseRegion(country, value)).toBe(expected));

  it('reads countries, areas and languages from codes or English names', () => {
    expect(['US', 'USA', 'United States', 'UK', 'United Kingdom', 'Canada', 'ZZ', 'XX'].map(parseCountry)).toEqual([
      'US',
      'US',
      'US',
      'GB',
      'GB',
      'CA',
      undefined,
      undefined,
    ]);
    expect(['US-MI', 'Michigan', 'united states', 'Franklin County'].map(parseArea)).toEqual(['US-MI', 'US-MI', 'US', undefined]);
    expect([
      parseLanguage('es', undefined),
      parseLanguage('spa', undefined),
      parseLanguage(undefined, 'Haitian Creole'),
      parseLanguage('tlh', 'Klingon'),
    ]).toEqual(['es', 'es', 'ht', undefined]);
  });
});

describe("slugs of other directories' services", () => {
  it('are stable, valid and distinct for distinct ids', () => {
    const slug = slugFromHsdsId('svc-101');
    expect(slug).toBe(slugFromHsdsId('svc-101'));
    expect(slug).toMatch(/^hsds-svc-101-[0-9a-f]{10}$/);
    expect(slugFromHsdsId('a_1')).not.toBe(slugFromHsdsId('a-1'));
    expect(slugFromHsdsId('6F1C2D7E-3B4A-4C5D-8E9F-0A1B2C3D4E5F')).toBe('hsds-6f1c2d7e-3b4a-4c5d-8e9f-0a1b2c3d4e5f');
    expect(slugFromHsdsId('___', 'partner-x')).toMatch(/^partner-x-[0-9a-f]{10}$/);
  });
});

describe("another directory's service", () => {
  it('gets availability from its schedules and fees from its cost options', () => {
    const mapped = mapHsdsService(
      {
        id: 'x1',
        name: 'Evening Clinic',
        description: 'Evenings and weekends.',
        status: 'active',
        assured_date: '2026-01-02',
        attributes: [{ id: 'a', taxonomy_term: { name: 'Clinic' } }],
        schedules: [
          { byday: 'MO,WE', opens_at: '12:00', closes_at: '21:00-05:00' },
          { byday: 'SU', opens_at: '10:00', closes_at: '12:00' },
        ],
        cost_options: [{ amount: 40.5, currency: 'usd' }, { amount: 120 }],
      },
      { name: 'Evening Org' },
      { sourceUrl: 'https://directory.example/hsds' },
    );
    expect(mapped.problems).toEqual([]);
    expect(mapped.document).toMatchObject({
      kind: 'clinic',
      availability: ['evenings', 'weekends'],
      lastVerifiedAt: '2026-01-02T00:00:00.000Z',
      cost: { free: false, feeMin: 4050, feeMax: 12000, currency: 'USD' },
      sourceUrl: 'https://directory.example/hsds',
    });
    expect(mapped.defaults.map((d) => d.field)).toEqual(
      expect.arrayContaining(['acceptingNewClients', 'cost.noInsuranceNeeded', 'jointSessions']),
    );
  });

  it('says everything that stops it from being a Mend record', () => {
    expect(mapHsdsService({ status: 'active' }, undefined).problems).toEqual([
      'no id',
      'no name',
      'no description',
      'no organization name',
      expect.stringMatching(/^no term names a Mend kind/),
      expect.stringMatching(/^no source/),
      expect.stringMatching(/^no assured_date/),
    ]);
    expect(mapHsdsService('nonsense', undefined).problems).toEqual(['not an object']);
  });
});
