import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { DataSource } from 'typeorm';
import zipcodes from 'zipcodes';
import { searchKeywords } from '../src/resources/search-text.js';
import {
  APPROACHES, AUDIENCES, AVAILABILITY, CREDENTIALS, FORMATS, PAYMENT_OPTIONS, RESOURCE_KINDS, SPECIALTIES,
} from '../src/taxonomy/taxonomy.js';

/**
 * Synthetic directory rows for load tests and benchmarks: plausible combinations of the
 * taxonomy, fees in minor units, ~70% with one US location at a real ZIP code (clustered
 * around metro areas), all `demo = true` with slugs `synthetic-<n>`. Written with bulk
 * `INSERT … SELECT FROM unnest(…)` statements, one transaction per batch.
 */

export const SYNTHETIC_SLUG_PREFIX = 'synthetic-';
export const SYNTHETIC_WEBSITE_PREFIX = 'https://example.org/synthetic/';

export interface SyntheticOptions {
  /** Rows per INSERT (and per transaction). Default 5000. */
  batchSize?: number;
  /** Seed of the pseudo-random generator, so two runs with the same seed produce the same rows. */
  seed?: number;
  /** Called after each committed batch with rows written so far. */
  onProgress?: (done: number, total: number) => void;
  /** Connections writing batches in parallel (default 2; PostgreSQL does most of the work). */
  concurrency?: number;
  /** Run VACUUM (ANALYZE) after loading (default), or only ANALYZE when false. */
  vacuum?: boolean;
}

export interface SyntheticResult {
  inserted: number;
  organizations: number;
  locations: number;
  firstNumber: number;
  lastNumber: number;
  seconds: number;
}

/** A pg.Pool or a TypeORM DataSource: anything that can lend one connection. */
export type SyntheticTarget = pg.Pool | DataSource;

interface Connection {
  query: (text: string, values?: unknown[]) => Promise<unknown[]>;
  release: () => Promise<void>;
}

async function connect(target: SyntheticTarget): Promise<Connection> {
  if ('createQueryRunner' in target) {
    const runner = target.createQueryRunner();
    await runner.connect();
    return { query: (text, values) => runner.query(text, values), release: () => runner.release() };
  }
  const client = await target.connect();
  return {
    query: async (text, values) => (await client.query(text, values as unknown[])).rows,
    release: async () => client.release(),
  };
}

// ---------------------------------------------------------------------------------------------
// Randomness (seeded, fast) and vocabulary helpers

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Random {
  constructor(readonly next: () => number) {}
  chance(p: number): boolean {
    return this.next() < p;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  /** A multiple of `step` in [min, max]. */
  step(min: number, max: number, step: number): number {
    return min + step * this.int(0, Math.floor((max - min) / step));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of items) total += w;
    let r = this.next() * total;
    for (const [item, w] of items) {
      r -= w;
      if (r < 0) return item;
    }
    return items[items.length - 1][0];
  }
  /** Up to `n` distinct values, each drawn with its weight, in vocabulary order. */
  some<T>(items: readonly (readonly [T, number])[], n: number): T[] {
    const chosen = new Set<T>();
    for (let i = 0; i < n * 3 && chosen.size < n; i++) chosen.add(this.weighted(items));
    return items.map(([item]) => item).filter((item) => chosen.has(item));
  }
}

type Kind = (typeof RESOURCE_KINDS.codes)[number];
const codes = <C extends string>(v: { codes: C[] }) => new Set<string>(v.codes);
const KNOWN = {
  kind: codes(RESOURCE_KINDS), format: codes(FORMATS), specialty: codes(SPECIALTIES), approach: codes(APPROACHES),
  audience: codes(AUDIENCES), credential: codes(CREDENTIALS), payment: codes(PAYMENT_OPTIONS), availability: codes(AVAILABILITY),
};
/** Weighted lists checked against the taxonomy at load, so a renamed code fails loudly instead of skewing data. */
function vocab(name: keyof typeof KNOWN, items: [string, number][]): [string, number][] {
  for (const [code] of items) if (!KNOWN[name].has(code)) throw new Error(`synthetic: ${code} is not a ${name} code`);
  return items;
}

const KINDS = vocab('kind', [
  ['practice', 46], ['clinic', 12], ['online_service', 13], ['workshop', 8], ['self_guided', 7], ['support_group', 11], ['hotline', 3], ['directory', 0.5],
]) as [Kind, number][];
/** Share of each kind with a physical location (overall ≈ 70%). */
const LOCATED: Record<Kind, number> = {
  practice: 0.96, clinic: 1, online_service: 0.05, workshop: 0.75, self_guided: 0, support_group: 0.85, hotline: 0.1, directory: 0,
};
const SPECIALTY_WEIGHTS = vocab('specialty', [
  ['infidelity', 9], ['trust_rebuilding', 8], ['communication', 12], ['financial_conflict', 4], ['substance_use', 3],
  ['jealousy_control', 3], ['premarital', 5], ['separation_divorce', 5], ['intimacy', 6], ['domestic_violence', 1],
  ['individual_support', 4], ['crisis_support', 0.5],
]);
const HOTLINE_SPECIALTIES = vocab('specialty', [['crisis_support', 5], ['domestic_violence', 4], ['substance_use', 1]]);
const APPROACH_WEIGHTS = vocab('approach', [
  ['gottman', 8], ['eft', 7], ['imago', 3], ['cbt', 5], ['discernment_counseling', 2], ['solution_focused', 3],
  ['faith_based', 2], ['peer_support', 1], ['psychoeducation', 2],
]);
const AUDIENCE_WEIGHTS = vocab('audience', [
  ['unmarried_couples', 5], ['lgbtq_affirming', 6], ['faith_based', 2], ['young_people', 1], ['veterans', 1],
]);
const CLINICAL_CREDENTIALS = vocab('credential', [
  ['gottman_certified', 3], ['iceeft_certified', 3], ['aamft_clinical_fellow', 3], ['csat', 1], ['aasect', 1], ['apsats', 1],
]);
const EXTRA_PAYMENTS = vocab('payment', [['eap', 3], ['fsa_hsa', 5], ['medicaid', 2], ['medicare', 1], ['military', 1], ['payment_assistance', 1]]);
const INSURERS = ['Aetna', 'Cigna', 'Blue Cross Blue Shield', 'UnitedHealthcare', 'Humana', 'Kaiser Permanente', 'Anthem', 'Optum', 'Tricare', 'Magellan'];
const OTHER_LANGUAGES: [string, number][] = [['es', 15], ['fr', 1], ['zh', 1.5], ['vi', 1], ['ko', 1], ['ar', 0.7], ['pt', 0.7], ['ru', 0.7], ['tl', 0.7], ['hi', 0.7]];

const NAME_FIRST = [
  'Cedar', 'Maple', 'Willow', 'Harbor', 'Riverbend', 'Bridgeway', 'Northstar', 'Common Ground', 'Open Door', 'Stillwater',
  'Lighthouse', 'Evergreen', 'Kindred', 'Hearthstone', 'Clearwater', 'Summit', 'Oak Hollow', 'New Chapter', 'Steady Path',
  'True North', 'Blue Heron', 'Pinecrest', 'Meadowlark', 'Tandem', 'Anchor Point', 'Second Spring', 'Fairhaven', 'Juniper',
];
const NAME_PRACTICE = ['Couples Therapy', 'Counseling Group', 'Relationship Center', 'Marriage and Family Therapy', 'Couples Counseling', 'Therapy Collective'];
const NAME_CLINIC = ['Community Counseling Clinic', 'Family Services', 'University Training Clinic', 'Counseling Center'];
const NAME_ONLINE = ['Online Couples Counseling', 'Virtual Relationship Care', 'Couples Teletherapy'];
const NAME_WORKSHOP = ['Weekend Couples Intensive', 'Relationship Retreat', 'Couples Workshop'];
const NAME_SELF = ['Couples Course', 'Relationship Skills Program', 'Repair Workbook'];
const NAME_GROUP = ['Couples Support Circle', 'Partners Peer Group', 'Marriage Ministry'];
const NAME_HOTLINE = ['Helpline', 'Crisis Line', 'Support Line'];
const SURNAMES = ['Whitaker', 'Alvarez', 'Okafor', 'Lindqvist', 'Nguyen', 'Patel', 'Brennan', 'Moreau', 'Castillo', 'Hayes', 'Kowalski', 'Tanaka', 'Reyes', 'Abernathy', 'Osei', 'Fischer'];
const STREETS = ['Main St', 'Oak Ave', 'High St', 'Park Blvd', 'Elm St', 'Washington Ave', 'Lake Dr', 'Broad St', 'Market St', 'Church St', 'Mill Rd', 'Center St'];
const OPENERS: Record<Kind, string[]> = {
  practice: ['A small group practice', 'A solo couples therapist', 'A relationship-focused practice', 'A private practice'],
  clinic: ['A community mental-health clinic', 'A university training clinic', 'A nonprofit counseling center'],
  online_service: ['An online service', 'A telehealth practice', 'A virtual counseling service'],
  workshop: ['A two-day intensive', 'A weekend workshop', 'A small-group retreat'],
  self_guided: ['A self-paced program', 'A guided course', 'A workbook and video series'],
  support_group: ['A peer-led group', 'A weekly support group', 'A congregation-based ministry'],
  hotline: ['A confidential line', 'A free helpline', 'A crisis line'],
  directory: ['A therapist finder', 'A referral network of counselors'],
};
const HOW: Record<string, string> = { in_person: 'in person', video: 'by video', phone: 'by phone', chat: 'by chat or text' };
const CLINICAL_CLOSERS = [
  'New clients are usually seen within a few weeks.', 'Sessions run 50 to 80 minutes.', 'Couples can start with a single consultation.',
  'Both partners are encouraged to attend together.', 'Many couples come after discovering hidden messages or spending.',
  'Evening appointments fill first.', 'Partners can also be seen one at a time.',
];
const CLOSERS: Record<Kind, string[]> = {
  practice: CLINICAL_CLOSERS,
  clinic: [...CLINICAL_CLOSERS, 'Fees are set by household income.'],
  online_service: [...CLINICAL_CLOSERS, 'Partners in different cities can join the same session.'],
  workshop: ['Groups are capped at a dozen couples.', 'Follow-up calls are included.', 'Materials are available to download after each session.'],
  self_guided: ['Lessons take about twenty minutes each.', 'Couples work through it at their own pace.', 'Exercises can be printed.'],
  support_group: ['Meetings are confidential.', 'Newcomers are welcome at any meeting.', 'Partners may come alone or together.'],
  hotline: ['Calls are confidential.', 'Advocates can help with a safety plan.', 'Interpreters are available.'],
  directory: ['Searching is free.', 'Each listed therapist sets their own fees.'],
};

// Metro areas (a central ZIP and a rough weight): most located listings sit within ~30 miles of one.
const METROS: [string, number][] = [
  ['10001', 19], ['90012', 13], ['60601', 9.5], ['75201', 7.6], ['77002', 7.1], ['20001', 6.3], ['19103', 6.2], ['33130', 6.1],
  ['30303', 6.1], ['02108', 4.9], ['85004', 4.9], ['94103', 4.7], ['92501', 4.6], ['48226', 4.4], ['98101', 4.0], ['55401', 3.7],
  ['92101', 3.3], ['33602', 3.2], ['80202', 3.0], ['21201', 2.8], ['63101', 2.8], ['32801', 2.7], ['28202', 2.7], ['78205', 2.6],
  ['97204', 2.5], ['95814', 2.4], ['15222', 2.4], ['78701', 2.4], ['89101', 2.3], ['45202', 2.3], ['64106', 2.2], ['43215', 2.1],
  ['46204', 2.1], ['44113', 2.1], ['95113', 2.0], ['37203', 2.0], ['23451', 1.8], ['02903', 1.7], ['32202', 1.6], ['53202', 1.6],
  ['27601', 1.4], ['73102', 1.4], ['38103', 1.3], ['23219', 1.3], ['40202', 1.3], ['70112', 1.3], ['84101', 1.2], ['06103', 1.2],
  ['14202', 1.1], ['35203', 1.1], ['87102', 0.9], ['68102', 1.0], ['85701', 1.0], ['83702', 0.8], ['50309', 0.7], ['99501', 0.4],
  ['96813', 1.0],
];

interface Zip { zip: string; latitude: number; longitude: number; city: string; state: string }

// The 50 states, DC and Puerto Rico: no military post offices (AA/AE/AP, one of which sits at the South Pole).
const STATES = new Set(
  ('AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA ' +
    'PR RI SC SD TN TX UT VT VA WA WV WI WY').split(' '),
);

let geography: { metros: [Zip[], number][]; all: Zip[]; states: string[] } | undefined;
function loadGeography() {
  if (geography) return geography;
  const all = (Object.values(zipcodes.codes) as Zip[] & { country: string }[]).filter(
    (z) => (z as { country?: string }).country === 'US' && Number.isFinite(z.latitude) && Number.isFinite(z.longitude) && STATES.has(z.state),
  );
  const metros: [Zip[], number][] = [];
  for (const [zip, weight] of METROS) {
    const near = (zipcodes.radius(zip, 30, true) as Zip[]).filter((z) => Number.isFinite(z.latitude) && Number.isFinite(z.longitude) && STATES.has(z.state));
    if (near.length) metros.push([near, weight]);
  }
  const states = [...new Set(all.map((z) => z.state))].sort();
  geography = { metros, all, states };
  return geography;
}

// ---------------------------------------------------------------------------------------------
// One batch of rows, column-wise (the shape unnest() wants)

const LIST_SEPARATOR = '|';
const list = (values: string[]) => values.join(LIST_SEPARATOR);

class Batch {
  orgId: string[] = []; orgName: string[] = []; orgWebsite: string[] = [];
  id: string[] = []; slug: string[] = []; organizationId: string[] = []; name: string[] = []; description: string[] = [];
  url: string[] = []; phone: (string | null)[] = []; email: (string | null)[] = []; kind: string[] = []; formats: string[] = [];
  free: boolean[] = []; slidingScale: boolean[] = []; feeMin: (number | null)[] = []; feeMax: (number | null)[] = [];
  insuranceAccepted: boolean[] = []; insurers: string[] = []; insurerKeys: string[] = []; noInsuranceNeeded: boolean[] = [];
  costNotes: (string | null)[] = []; specialties: string[] = []; approaches: string[] = []; languages: string[] = [];
  audiences: string[] = []; credentials: string[] = []; paymentOptions: string[] = []; serviceAreas: string[] = [];
  locationRegions: string[] = []; acceptingNewClients: boolean[] = []; waitTimeDays: (number | null)[] = [];
  availability: string[] = []; jointSessions: boolean[] = []; status: string[] = []; searchKeywords: string[] = [];
  locResourceId: string[] = []; locAddress: string[] = []; locCity: string[] = []; locRegion: string[] = [];
  locPostalCode: string[] = []; locLatitude: number[] = []; locLongitude: number[] = [];
  get size() {
    return this.id.length;
  }
}

const INSERT_ORGANIZATIONS = `
  INSERT INTO organization (id, name, website)
  SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[])`;

const INSERT_RESOURCES = `
  INSERT INTO resource (id, slug, organization_id, name, description, url, phone, email, kind, formats, free,
    sliding_scale, fee_min, fee_max, currency, insurance_accepted, insurers, insurer_keys, no_insurance_needed,
    cost_notes, specialties, approaches, languages, audiences, credentials, payment_options, service_areas,
    location_regions, accepting_new_clients, wait_time_days, availability, joint_sessions, demo, status, search_keywords)
  SELECT u.id, u.slug, u.organization_id, u.name, u.description, u.url, u.phone, u.email, u.kind,
    string_to_array(u.formats, '|'), u.free, u.sliding_scale, u.fee_min, u.fee_max, 'USD', u.insurance_accepted,
    string_to_array(u.insurers, '|'), string_to_array(u.insurer_keys, '|'), u.no_insurance_needed, u.cost_notes,
    string_to_array(u.specialties, '|'), string_to_array(u.approaches, '|'), string_to_array(u.languages, '|'),
    string_to_array(u.audiences, '|'), string_to_array(u.credentials, '|'), string_to_array(u.payment_options, '|'),
    string_to_array(u.service_areas, '|'), string_to_array(u.location_regions, '|'), u.accepting_new_clients,
    u.wait_time_days, string_to_array(u.availability, '|'), u.joint_sessions, true, u.status, u.search_keywords
  FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[],
    $10::text[], $11::bool[], $12::bool[], $13::int[], $14::int[], $15::bool[], $16::text[], $17::text[], $18::bool[],
    $19::text[], $20::text[], $21::text[], $22::text[], $23::text[], $24::text[], $25::text[], $26::text[], $27::text[],
    $28::bool[], $29::int[], $30::text[], $31::bool[], $32::text[], $33::text[])
    AS u(id, slug, organization_id, name, description, url, phone, email, kind, formats, free, sliding_scale, fee_min,
      fee_max, insurance_accepted, insurers, insurer_keys, no_insurance_needed, cost_notes, specialties, approaches,
      languages, audiences, credentials, payment_options, service_areas, location_regions, accepting_new_clients,
      wait_time_days, availability, joint_sessions, status, search_keywords)`;

const INSERT_LOCATIONS = `
  INSERT INTO resource_location (resource_id, position, address, city, region, postal_code, country, latitude, longitude)
  SELECT u.resource_id, 0, u.address, u.city, u.region, u.postal_code, 'US', u.latitude, u.longitude
  FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::float8[], $7::float8[])
    AS u(resource_id, address, city, region, postal_code, latitude, longitude)`;

class Generator {
  private readonly geo = loadGeography();
  constructor(private readonly rnd: Random) {}

  private place(): Zip {
    const { rnd, geo } = this;
    return rnd.chance(0.78) ? rnd.pick(rnd.weighted(geo.metros)) : rnd.pick(geo.all);
  }

  private orgBaseName(kind: Kind, city: string | undefined): string {
    const r = this.rnd;
    const first = r.chance(0.3) ? r.pick(SURNAMES) : r.pick(NAME_FIRST);
    switch (kind) {
      case 'practice': return `${first} ${r.pick(NAME_PRACTICE)}`;
      case 'clinic': return `${city && r.chance(0.6) ? city : first} ${r.pick(NAME_CLINIC)}`;
      case 'online_service': return `${first} ${r.pick(NAME_ONLINE)}`;
      case 'workshop': return `${first} ${r.pick(NAME_WORKSHOP)}`;
      case 'self_guided': return `${first} ${r.pick(NAME_SELF)}`;
      case 'support_group': return `${city && r.chance(0.5) ? city : first} ${r.pick(NAME_GROUP)}`;
      case 'hotline': return `${city && r.chance(0.5) ? city : first} ${r.pick(NAME_HOTLINE)}`;
      case 'directory': return `${first} Therapist Finder`;
    }
  }

  /** One organization and its 1–3 resources (numbers n, n+1, …), appended to the batch. */
  addOrganization(batch: Batch, n: number, room: number): number {
    const r = this.rnd;
    const resources = Math.min(room, r.weighted([[1, 75], [2, 18], [3, 7]] as const));
    const firstKind = r.weighted(KINDS);
    const home = LOCATED[firstKind] > 0 || r.chance(0.5) ? this.place() : undefined;
    const base = this.orgBaseName(firstKind, home?.city);
    const organizationName = `${base} (synthetic ${n})`;
    const orgId = randomUUID();
    batch.orgId.push(orgId);
    batch.orgName.push(organizationName);
    batch.orgWebsite.push(`${SYNTHETIC_WEBSITE_PREFIX}o${n}`);
    for (let i = 0; i < resources; i++) {
      const kind = i === 0 ? firstKind : r.weighted(KINDS);
      this.addResource(batch, n + i, orgId, organizationName, i === 0 ? base : `${base} ${this.variantName(kind)}`, kind, home);
    }
    return resources;
  }

  private variantName(kind: Kind): string {
    return { practice: 'Practice', clinic: 'Clinic', online_service: 'Online', workshop: 'Intensive', self_guided: 'Course', support_group: 'Group', hotline: 'Line', directory: 'Finder' }[kind];
  }

  private addResource(b: Batch, n: number, orgId: string, organizationName: string, name: string, kind: Kind, home: Zip | undefined): void {
    const r = this.rnd;
    const id = randomUUID();
    const located = r.chance(LOCATED[kind]);
    const zip = located ? (home && r.chance(0.7) ? home : this.place()) : undefined;
    const region = zip ? `US-${zip.state}` : undefined;

    // How sessions happen.
    const formats = new Set<string>();
    if (zip && kind !== 'hotline') formats.add('in_person');
    switch (kind) {
      case 'practice': case 'clinic':
        if (r.chance(0.65)) formats.add('video');
        if (r.chance(0.15)) formats.add('phone');
        break;
      case 'online_service':
        formats.add('video');
        if (r.chance(0.35)) formats.add('phone');
        if (r.chance(0.45)) formats.add('chat');
        break;
      case 'workshop':
        if (!zip || r.chance(0.25)) formats.add('video');
        break;
      case 'self_guided':
        if (r.chance(0.7)) formats.add('video');
        if (r.chance(0.2)) formats.add('chat');
        break;
      case 'support_group':
        if (!zip || r.chance(0.3)) formats.add('video');
        break;
      case 'hotline':
        formats.add('phone');
        if (r.chance(0.5)) formats.add('chat');
        break;
    }
    const formatList = FORMATS.codes.filter((f) => formats.has(f));

    // Cost, in cents.
    let free = false;
    let slidingScale = false;
    let feeMin: number | null = null;
    let feeMax: number | null = null;
    let insuranceAccepted = false;
    switch (kind) {
      case 'practice':
        feeMin = r.step(9000, 22000, 500);
        feeMax = r.chance(0.6) ? feeMin + r.step(0, 8000, 500) : null;
        slidingScale = r.chance(0.25);
        insuranceAccepted = r.chance(0.45);
        break;
      case 'clinic':
        slidingScale = r.chance(0.75);
        feeMin = slidingScale && r.chance(0.3) ? null : r.step(0, 8000, 500);
        feeMax = feeMin !== null ? feeMin + r.step(2000, 10000, 500) : r.step(6000, 15000, 500);
        insuranceAccepted = r.chance(0.6);
        free = feeMin === 0 && r.chance(0.3);
        break;
      case 'online_service':
        feeMin = r.step(6000, 16000, 500);
        feeMax = r.chance(0.5) ? feeMin + r.step(0, 6000, 500) : null;
        insuranceAccepted = r.chance(0.35);
        break;
      case 'workshop':
        feeMin = r.step(25000, 200000, 5000);
        feeMax = r.chance(0.4) ? feeMin + r.step(0, 100000, 5000) : null;
        slidingScale = r.chance(0.1);
        break;
      case 'self_guided':
        free = r.chance(0.3);
        if (!free) {
          feeMin = r.step(1000, 40000, 500);
          feeMax = r.chance(0.3) ? feeMin + r.step(0, 20000, 500) : null;
        }
        break;
      case 'support_group':
        free = r.chance(0.8);
        if (!free) {
          feeMin = r.step(500, 3000, 500);
          feeMax = feeMin;
        }
        break;
      case 'hotline':
        free = true;
        break;
    }
    if (free) {
      feeMin = 0;
      feeMax = 0;
      slidingScale = false;
      insuranceAccepted = false;
    }
    const insurers = insuranceAccepted ? r.some(INSURERS.map((i) => [i, 1] as const), r.int(1, 5)) : [];
    const noInsuranceNeeded = !(insuranceAccepted && r.chance(0.08));

    // What it is about.
    const specialties = kind === 'hotline' ? r.some(HOTLINE_SPECIALTIES, r.int(1, 2)) : r.some(SPECIALTY_WEIGHTS, r.int(1, 4));
    const approaches =
      kind === 'hotline' ? [] : kind === 'support_group' ? r.some(APPROACH_WEIGHTS.filter(([a]) => a === 'peer_support' || a === 'faith_based'), 1)
        : r.chance(0.85) ? r.some(APPROACH_WEIGHTS, r.int(1, 3)) : [];
    const languages = ['en', ...(r.chance(0.2) ? r.some(OTHER_LANGUAGES, r.int(1, 2)) : [])];
    const audiences = r.chance(0.55) ? r.some(AUDIENCE_WEIGHTS, r.int(1, 2)) : [];
    const credentials: string[] = [];
    if (kind === 'practice' || kind === 'online_service' || kind === 'workshop') {
      credentials.push('licensed_clinician', ...r.some(CLINICAL_CREDENTIALS, r.int(0, 2)));
    } else if (kind === 'clinic') {
      credentials.push('licensed_clinician');
      if (r.chance(0.5)) credentials.push('supervised_trainee');
    } else if (kind === 'hotline') {
      credentials.push('trained_advocate');
    }
    const paymentOptions = new Set<string>();
    if (insuranceAccepted) paymentOptions.add('insurance');
    if (slidingScale) paymentOptions.add('sliding_scale');
    if (free) paymentOptions.add('free');
    else paymentOptions.add('cash');
    if (!free && r.chance(0.4)) for (const p of r.some(EXTRA_PAYMENTS, r.int(1, 2))) paymentOptions.add(p);
    const paymentList = PAYMENT_OPTIONS.codes.filter((p) => paymentOptions.has(p));

    // Where it is and whom it can serve.
    let serviceAreas: string[];
    if (kind === 'hotline' || kind === 'self_guided' || (kind === 'online_service' && r.chance(0.25))) serviceAreas = ['US'];
    else if (kind === 'online_service') serviceAreas = r.some(this.geo.states.map((s) => [`US-${s}`, 1] as const), r.int(1, 8)).sort();
    else if (region) serviceAreas = r.chance(0.2) ? [region, `US-${r.pick(this.geo.states)}`].filter((v, i, a) => a.indexOf(v) === i) : [region];
    else serviceAreas = [`US-${r.pick(this.geo.states)}`];

    const availability: string[] = [];
    if (kind === 'hotline') availability.push('around_the_clock');
    else {
      if (r.chance(0.5)) availability.push('evenings');
      if (r.chance(0.3)) availability.push('weekends');
    }
    const jointSessions = kind === 'self_guided' || kind === 'hotline' ? false : kind === 'support_group' ? r.chance(0.4) : r.chance(0.88);
    const acceptingNewClients = r.chance(0.82);
    const waitTimeDays = kind === 'practice' || kind === 'clinic' ? (r.chance(0.6) ? r.int(0, 60) : null) : null;

    const specialtyLabels = SPECIALTIES.terms.filter((t) => specialties.includes(t.code)).map((t) => t.label.toLowerCase());
    const approachLabel = APPROACHES.terms.find((t) => t.code === approaches[0])?.label;
    const where = zip ? ` in ${zip.city}, ${zip.state}` : '';
    const how = formatList.length ? ` ${kind === 'hotline' ? 'Reach it' : 'Sessions'} ${formatList.map((f) => HOW[f]).join(' or ')}.` : '';
    const description =
      `${r.pick(OPENERS[kind])}${where} helping couples with ${specialtyLabels.join(', ')}` +
      `${approachLabel ? `, drawing on ${approachLabel}` : ''}.${how} ${r.pick(CLOSERS[kind])}`;

    b.id.push(id);
    b.slug.push(`${SYNTHETIC_SLUG_PREFIX}${n}`);
    b.organizationId.push(orgId);
    b.name.push(name);
    b.description.push(description);
    b.url.push(`${SYNTHETIC_WEBSITE_PREFIX}${n}`);
    b.phone.push(r.chance(0.8) ? `${r.int(201, 989)}-555-01${String(r.int(0, 99)).padStart(2, '0')}` : null);
    b.email.push(r.chance(0.6) ? `hello+${n}@example.org` : null);
    b.kind.push(kind);
    b.formats.push(list(formatList));
    b.free.push(free);
    b.slidingScale.push(slidingScale);
    b.feeMin.push(feeMin);
    b.feeMax.push(feeMax);
    b.insuranceAccepted.push(insuranceAccepted);
    b.insurers.push(list(insurers));
    b.insurerKeys.push(list(insurers.map((i) => i.toLowerCase())));
    b.noInsuranceNeeded.push(noInsuranceNeeded);
    b.costNotes.push(r.chance(0.2) ? (free ? 'Synthetic demo listing; free of charge.' : 'Synthetic demo listing; fees as published.') : null);
    b.specialties.push(list(specialties));
    b.approaches.push(list(approaches));
    b.languages.push(list(languages));
    b.audiences.push(list(audiences));
    b.credentials.push(list(credentials));
    b.paymentOptions.push(list(paymentList));
    b.serviceAreas.push(list(serviceAreas));
    b.locationRegions.push(region ? list([region, 'US']) : '');
    b.acceptingNewClients.push(acceptingNewClients);
    b.waitTimeDays.push(waitTimeDays);
    b.availability.push(list(availability));
    b.jointSessions.push(jointSessions);
    b.status.push(r.chance(0.03) ? 'inactive' : 'active');
    b.searchKeywords.push(searchKeywords({ organizationName, kind, formats: formatList, specialties, approaches, audiences }));
    if (zip) {
      b.locResourceId.push(id);
      b.locAddress.push(`${r.int(10, 9999)} ${r.pick(STREETS)}`);
      b.locCity.push(zip.city);
      b.locRegion.push(region!);
      b.locPostalCode.push(zip.zip);
      // Spread listings around the ZIP's centroid (±~1 km), rounded like a geocoder would.
      b.locLatitude.push(Math.round((zip.latitude + (r.next() - 0.5) * 0.02) * 1e5) / 1e5);
      b.locLongitude.push(Math.round((zip.longitude + (r.next() - 0.5) * 0.025) * 1e5) / 1e5);
    }
  }
}

async function writeBatch(conn: Connection, b: Batch): Promise<void> {
  await conn.query('BEGIN');
  try {
    await conn.query('SET LOCAL statement_timeout = 0');
    await conn.query(INSERT_ORGANIZATIONS, [b.orgId, b.orgName, b.orgWebsite]);
    await conn.query(INSERT_RESOURCES, [
      b.id, b.slug, b.organizationId, b.name, b.description, b.url, b.phone, b.email, b.kind, b.formats, b.free,
      b.slidingScale, b.feeMin, b.feeMax, b.insuranceAccepted, b.insurers, b.insurerKeys, b.noInsuranceNeeded,
      b.costNotes, b.specialties, b.approaches, b.languages, b.audiences, b.credentials, b.paymentOptions,
      b.serviceAreas, b.locationRegions, b.acceptingNewClients, b.waitTimeDays, b.availability, b.jointSessions,
      b.status, b.searchKeywords,
    ]);
    if (b.locResourceId.length) {
      await conn.query(INSERT_LOCATIONS, [b.locResourceId, b.locAddress, b.locCity, b.locRegion, b.locPostalCode, b.locLatitude, b.locLongitude]);
    }
    await conn.query('COMMIT');
  } catch (error) {
    await conn.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/** Removes every synthetic resource (and its locations) and the organizations left without resources. */
export async function removeSyntheticResources(target: SyntheticTarget): Promise<number> {
  const conn = await connect(target);
  try {
    await conn.query('BEGIN');
    await conn.query('SET LOCAL statement_timeout = 0');
    const [{ count }] = (await conn.query(
      `WITH gone AS (DELETE FROM resource WHERE slug LIKE '${SYNTHETIC_SLUG_PREFIX}%' RETURNING 1) SELECT count(*)::int AS count FROM gone`,
    )) as { count: number }[];
    await conn.query(
      `DELETE FROM organization o WHERE o.website LIKE '${SYNTHETIC_WEBSITE_PREFIX}%'
         AND NOT EXISTS (SELECT 1 FROM resource r WHERE r.organization_id = o.id)`,
    );
    await conn.query('COMMIT');
    return count;
  } catch (error) {
    await conn.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await conn.release();
  }
}

/**
 * Inserts `count` synthetic resources, numbered after any already present, in batches
 * (one transaction each, written by `concurrency` connections while the next batch is
 * generated), then VACUUM ANALYZE (visibility map and planner statistics, as autovacuum
 * would leave a settled table).
 */
export async function generateSyntheticResources(target: SyntheticTarget, count: number, options: SyntheticOptions = {}): Promise<SyntheticResult> {
  const started = performance.now();
  const batchSize = options.batchSize ?? 5000;
  const rnd = new Random(mulberry32(options.seed ?? 20_251_125));
  const generator = new Generator(rnd);
  const connections: Connection[] = [];
  let organizations = 0;
  let locations = 0;
  let done = 0;
  try {
    for (let i = 0; i < Math.max(1, options.concurrency ?? 2); i++) connections.push(await connect(target));
    const [{ last }] = (await connections[0].query(
      `SELECT coalesce(max(substring(slug FROM ${SYNTHETIC_SLUG_PREFIX.length + 1})::int), 0) AS last
       FROM resource WHERE slug ~ '^${SYNTHETIC_SLUG_PREFIX}[0-9]+$'`,
    )) as { last: number }[];
    const first = last + 1;
    let next = first;
    const end = first + count;
    const build = (): Batch | undefined => {
      if (next >= end) return undefined;
      const batch = new Batch();
      while (batch.size < batchSize && next < end) next += generator.addOrganization(batch, next, Math.min(end - next, batchSize - batch.size));
      return batch;
    };

    // Each connection writes one batch at a time; the next batch is generated while they work.
    const idle = [...connections];
    const writing = new Set<Promise<void>>();
    try {
      for (let batch = build(); batch; batch = build()) {
        while (!idle.length) await Promise.race(writing);
        const conn = idle.pop()!;
        const b = batch;
        const write: Promise<void> = writeBatch(conn, b).then(() => {
          organizations += b.orgId.length;
          locations += b.locResourceId.length;
          done += b.size;
          options.onProgress?.(done, count);
          idle.push(conn);
          writing.delete(write);
        });
        writing.add(write);
      }
      await Promise.all(writing);
    } catch (error) {
      await Promise.allSettled(writing);
      throw error;
    }
    const conn = connections[0];
    await conn.query('SET statement_timeout = 0');
    await conn.query(options.vacuum === false ? 'ANALYZE resource, resource_location, organization' : 'VACUUM (ANALYZE) resource, resource_location, organization');
    await conn.query('RESET statement_timeout');
    return { inserted: done, organizations, locations, firstNumber: first, lastNumber: end - 1, seconds: (performance.now() - started) / 1000 };
  } finally {
    for (const conn of connections) await conn.release();
  }
}
