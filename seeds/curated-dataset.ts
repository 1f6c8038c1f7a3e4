import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ResourceWrite } from '../src/resources/resource.row.js';
import { searchKeywords } from '../src/resources/search-text.js';
import { TAXONOMY } from '../src/taxonomy/taxonomy.js';
import type { SeedResource } from './seed-resource.js';

export const CURATED_DATA_DIR = resolve(process.cwd(), 'seeds/data');

export interface CuratedDataset {
  resources: ResourceWrite[];
  /** Hash of the files, so start-up seeding runs only when the data changed. */
  checksum: string;
}

function check(condition: boolean, slug: string, message: string): void {
  if (!condition) throw new Error(`seeds/data: ${slug}: ${message}`);
}

function checkCodes(slug: string, field: string, values: unknown, allowed: readonly string[]): void {
  check(Array.isArray(values), slug, `${field} must be a list`);
  for (const v of values as unknown[]) check(allowed.includes(v as string), slug, `${field} has unknown value ${String(v)}`);
}

/** Validates one curated record against the taxonomy and maps it to the write shape. */
export function toResourceWrite(s: SeedResource): ResourceWrite {
  const slug = s.slug ?? '(no slug)';
  check(/^[a-z0-9]+(-[a-z0-9]+)*$/.test(s.slug), slug, 'slug must be kebab-case');
  check(typeof s.name === 'string' && s.name.length > 0, slug, 'name is required');
  check(TAXONOMY.kind.codes.includes(s.kind), slug, `unknown kind ${s.kind}`);
  checkCodes(slug, 'formats', s.formats, TAXONOMY.format.codes);
  checkCodes(slug, 'specialties', s.specialties, TAXONOMY.specialty.codes);
  checkCodes(slug, 'approaches', s.approaches, TAXONOMY.approach.codes);
  checkCodes(slug, 'audiences', s.audiences, TAXONOMY.audience.codes);
  checkCodes(slug, 'credentials', s.credentials, TAXONOMY.credential.codes);
  checkCodes(slug, 'paymentOptions', s.paymentOptions, TAXONOMY.payment.codes);
  checkCodes(slug, 'availability', s.availability, TAXONOMY.availability.codes);
  check(s.languages.every((l) => /^[a-z]{2}$/.test(l)), slug, 'languages must be ISO 639-1');
  check(s.serviceAreas.every((a) => /^[A-Z]{2}(-[A-Z0-9]{1,3})?$/.test(a)), slug, 'serviceAreas must be ISO 3166-2 or country codes');
  for (const fee of [s.cost.feeMin, s.cost.feeMax]) check(fee === undefined || Number.isInteger(fee), slug, 'fees are integer minor units');
  check(s.demo || (!!s.sourceUrl && !!s.lastVerifiedAt), slug, 'real resources need sourceUrl and lastVerifiedAt');
  checkCodes(slug, 'eligibility', s.eligibility ?? [], TAXONOMY.eligibility.codes);
  checkCodes(slug, 'lineRoles', s.lineRoles ?? [], TAXONOMY.lineRole.codes);
  check(s.kind === 'hotline' || !(s.lineRoles ?? []).length, slug, 'only hotlines have lineRoles');
  for (const channel of s.contactChannels ?? []) {
    check(TAXONOMY.contactChannel.codes.includes(channel.type), slug, `unknown contact channel ${String(channel.type)}`);
    check(typeof channel.value === 'string' && channel.value.length > 0, slug, 'a contact channel needs a value');
  }
  return {
    slug: s.slug,
    name: s.name,
    description: s.description,
    organizationName: s.organization.name,
    organizationWebsite: s.organization.website,
    url: s.url,
    phone: s.phone,
    email: s.email,
    kind: s.kind,
    formats: s.formats,
    free: s.cost.free,
    slidingScale: s.cost.slidingScale,
    feeMin: s.cost.feeMin,
    feeMax: s.cost.feeMax,
    currency: s.cost.currency,
    insuranceAccepted: s.cost.insuranceAccepted,
    insurers: s.cost.insurers,
    noInsuranceNeeded: s.cost.noInsuranceNeeded,
    costNotes: s.cost.notes,
    specialties: s.specialties,
    approaches: s.approaches,
    languages: s.languages,
    audiences: s.audiences,
    credentials: s.credentials,
    paymentOptions: s.paymentOptions,
    serviceAreas: s.serviceAreas,
    locations: s.locations,
    acceptingNewClients: s.acceptingNewClients,
    waitTimeDays: s.waitTimeDays,
    availability: s.availability,
    jointSessions: s.jointSessions,
    requiresSafeRelationship: s.requiresSafeRelationship ?? false,
    notForCrisis: s.notForCrisis ?? false,
    eligibility: s.eligibility ?? [],
    lineRoles: s.lineRoles ?? [],
    contactChannels: s.contactChannels ?? [],
    demo: s.demo,
    sourceUrl: s.sourceUrl,
    lastVerifiedAt: s.lastVerifiedAt,
    status: 'active',
    searchKeywords: searchKeywords({
      organizationName: s.organization.name, kind: s.kind, formats: s.formats,
      specialties: s.specialties, approaches: s.approaches, audiences: s.audiences,
    }),
  };
}

/**
 * Reads every seeds/data/*.json file (arrays of SeedResource), validated, slugs unique.
 * Fictional (demo) listings are left out unless includeDemo (SEED_DEMO) asks for them.
 */
export function loadCuratedDataset(dir = CURATED_DATA_DIR, { includeDemo = true }: { includeDemo?: boolean } = {}): CuratedDataset {
  const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  const hash = createHash('sha256').update(includeDemo ? 'demo:on' : 'demo:off');
  const seen = new Set<string>();
  const resources: ResourceWrite[] = [];
  for (const file of files) {
    const text = readFileSync(join(dir, file), 'utf8');
    hash.update(file).update(text);
    for (const record of JSON.parse(text) as SeedResource[]) {
      if (seen.has(record.slug)) throw new Error(`seeds/data: duplicate slug ${record.slug}`);
      seen.add(record.slug);
      // Curated lines are the safety lines: each real one says what it is for (API and HSDS imports may
      // add hotlines without a role; those are listed in the directory but never shown as safety lines).
      check(record.kind !== 'hotline' || record.demo || (record.lineRoles ?? []).length > 0, record.slug, 'a real hotline needs lineRoles');
      const write = toResourceWrite(record);
      if (includeDemo || !write.demo) resources.push(write);
    }
  }
  return { resources, checksum: hash.digest('hex') };
}
