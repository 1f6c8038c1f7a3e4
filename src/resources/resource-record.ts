import {
  type AccessibilityCode,
  type Approach,
  type Audience,
  type Availability,
  type Credential,
  type Eligibility,
  FEE_PERIODS,
  type FeePeriod,
  type Format,
  type LineRole,
  type PaymentOption,
  type ResourceKind,
  type Specialty,
  TAXONOMY,
} from '../taxonomy/taxonomy.js';
import { accessibilityProblem, withDerivedAccessibility } from './accessibility.js';
import type { ContactChannel, ResourceWrite } from './resource.row.js';
import { normalizeTranslations, type ResourceTranslations, translationsProblem } from './resource-texts.js';
import { searchKeywords } from './search-text.js';

/** ISO 4217 currencies of the countries the directory covers (US, Canada, UK, Ireland and the EU, Australia, New Zealand, Mexico). */
export const CURRENCIES = ['USD', 'CAD', 'GBP', 'EUR', 'AUD', 'NZD', 'MXN'] as const;

/**
 * The record shape of one resource: what `seeds/data/*.json` holds (upserted by slug), what a
 * curator POSTs (CreateResourceRequest), and what an HSDS import maps a service to.
 */
export interface ResourceRecord {
  slug: string; // kebab-case, unique
  name: string;
  description: string; // our own words, 1-3 sentences
  organization: { name: string; website?: string };
  url?: string;
  phone?: string; // as dialled in the country, e.g. "988" or "1-800-799-7233"
  email?: string;
  kind: ResourceKind;
  formats: Format[];
  cost: {
    free: boolean;
    slidingScale: boolean;
    feeMin?: number; // per session, integer minor units (cents/pence)
    feeMax?: number;
    currency: (typeof CURRENCIES)[number];
    feePeriod?: FeePeriod; // what one fee buys (default per_session)
    insuranceAccepted: boolean;
    insurers: string[]; // e.g. ["Aetna", "Cigna"]
    noInsuranceNeeded: boolean; // can be used without any insurance
    notes?: string;
  };
  specialties: Specialty[];
  approaches: Approach[];
  languages: string[]; // ISO 639-1
  audiences: Audience[];
  /** How a person with a disability can reach and use it; codes its channels state are added when written. */
  accessibility?: AccessibilityCode[];
  credentials: Credential[];
  paymentOptions: PaymentOption[];
  locations: {
    address?: string;
    city: string;
    region: string; // ISO 3166-2, e.g. "US-OH", "CA-ON", "GB-ENG"
    postalCode?: string;
    country: string; // ISO 3166-1 alpha-2
    latitude: number;
    longitude: number;
  }[];
  serviceAreas: string[]; // ISO 3166-2 codes or a whole country ("US")
  acceptingNewClients: boolean;
  waitTimeDays?: number;
  availability: Availability[];
  jointSessions: boolean; // both partners can attend one live session together
  requiresSafeRelationship?: boolean; // the provider says it is not for relationships with abuse (never offered in safety cases)
  notForCrisis?: boolean; // the provider says it is not for people in an acute crisis
  eligibility?: Eligibility[]; // who it is ONLY for (audiences say whom it welcomes)
  lineRoles?: LineRole[]; // hotlines: what the line is for (required for real hotlines)
  contactChannels?: ContactChannel[]; // text, chat, TTY, videophone, relay
  /** Name, description and cost notes in other languages (the fields above are English): resource-texts.ts. */
  translations?: ResourceTranslations;
  demo: boolean; // true for fictional listings
  sourceUrl?: string; // required for real (demo=false) resources
  lastVerifiedAt?: string; // YYYY-MM-DD, required for real resources
}

/** A record that breaks a rule: the message names the record (by slug) and the rule. */
export function checkRecord(condition: boolean, slug: string, message: string): void {
  if (!condition) throw new Error(`seeds/data: ${slug}: ${message}`);
}

function checkCodes(slug: string, field: string, values: unknown, allowed: readonly string[]): void {
  checkRecord(Array.isArray(values), slug, `${field} must be a list`);
  for (const v of values as unknown[]) checkRecord(allowed.includes(v as string), slug, `${field} has unknown value ${String(v)}`);
}

/**
 * Validates a record against the taxonomy and maps it to the write shape. The curated files, the
 * curation API (after its DTO checks, at least as strict) and HSDS imports all write through it;
 * status is the caller's (curated records are active).
 */
export function toResourceWrite(s: ResourceRecord, status: ResourceWrite['status'] = 'active'): ResourceWrite {
  checkResourceRecord(s);
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
    feePeriod: s.cost.feePeriod ?? 'per_session',
    insuranceAccepted: s.cost.insuranceAccepted,
    insurers: s.cost.insurers,
    noInsuranceNeeded: s.cost.noInsuranceNeeded,
    costNotes: s.cost.notes,
    specialties: s.specialties,
    approaches: s.approaches,
    languages: s.languages,
    audiences: s.audiences,
    accessibility: withDerivedAccessibility(s.accessibility ?? [], s.contactChannels ?? [], s.formats),
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
    translations: normalizeTranslations(s.translations),
    demo: s.demo,
    sourceUrl: s.sourceUrl,
    lastVerifiedAt: s.lastVerifiedAt,
    status,
    searchKeywords: searchKeywords({
      organizationName: s.organization.name,
      kind: s.kind,
      formats: s.formats,
      specialties: s.specialties,
      approaches: s.approaches,
      audiences: s.audiences,
    }),
  };
}

/** The record's taxonomy and consistency checks, in order: the first that fails is the one reported. */
function checkResourceRecord(s: ResourceRecord): void {
  const slug = s.slug ?? '(no slug)';
  checkRecord(/^[a-z0-9]+(-[a-z0-9]+)*$/.test(s.slug), slug, 'slug must be kebab-case');
  checkRecord(typeof s.name === 'string' && s.name.length > 0, slug, 'name is required');
  checkRecord(TAXONOMY.kind.codes.includes(s.kind), slug, `unknown kind ${s.kind}`);
  checkCodes(slug, 'formats', s.formats, TAXONOMY.format.codes);
  checkCodes(slug, 'specialties', s.specialties, TAXONOMY.specialty.codes);
  checkCodes(slug, 'approaches', s.approaches, TAXONOMY.approach.codes);
  checkCodes(slug, 'audiences', s.audiences, TAXONOMY.audience.codes);
  checkCodes(slug, 'accessibility', s.accessibility ?? [], TAXONOMY.accessibility.codes);
  checkCodes(slug, 'credentials', s.credentials, TAXONOMY.credential.codes);
  checkCodes(slug, 'paymentOptions', s.paymentOptions, TAXONOMY.payment.codes);
  checkCodes(slug, 'availability', s.availability, TAXONOMY.availability.codes);
  checkRecord(
    s.languages.every((l) => /^[a-z]{2}$/.test(l)),
    slug,
    'languages must be ISO 639-1',
  );
  checkRecord(
    s.serviceAreas.every((a) => /^[A-Z]{2}(-[A-Z0-9]{1,3})?$/.test(a)),
    slug,
    'serviceAreas must be ISO 3166-2 or country codes',
  );
  for (const fee of [s.cost.feeMin, s.cost.feeMax])
    checkRecord(fee === undefined || Number.isInteger(fee), slug, 'fees are integer minor units');
  checkRecord(s.demo || (!!s.sourceUrl && !!s.lastVerifiedAt), slug, 'real resources need sourceUrl and lastVerifiedAt');
  checkCodes(slug, 'eligibility', s.eligibility ?? [], TAXONOMY.eligibility.codes);
  checkCodes(slug, 'cost.feePeriod', [s.cost.feePeriod ?? 'per_session'], FEE_PERIODS.codes);
  checkCodes(slug, 'lineRoles', s.lineRoles ?? [], TAXONOMY.lineRole.codes);
  checkRecord(s.kind === 'hotline' || !(s.lineRoles ?? []).length, slug, 'only hotlines have lineRoles');
  for (const channel of s.contactChannels ?? []) {
    checkRecord(TAXONOMY.contactChannel.codes.includes(channel.type), slug, `unknown contact channel ${String(channel.type)}`);
    checkRecord(typeof channel.value === 'string' && channel.value.length > 0, slug, 'a contact channel needs a value');
  }
  const translations = translationsProblem(s.translations, !!s.cost.notes);
  checkRecord(!translations, slug, translations!);
  const accessibility = accessibilityProblem(s.accessibility ?? [], s.contactChannels ?? [], s.locations);
  checkRecord(!accessibility, slug, `accessibility: ${accessibility}`);
}
