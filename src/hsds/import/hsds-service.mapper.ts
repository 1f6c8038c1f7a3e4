import { isEmail, isURL } from 'class-validator';
import { createHash } from 'node:crypto';
import { CURRENCIES } from '../../resources/curation/dto/resource.request.js';
import type { ResourceDocument } from '../../resources/curation/resource-document.js';
import { CONTACT_CHANNELS, FEE_PERIODS, RESOURCE_KINDS, type ResourceKind, type TaxonomyName } from '../../taxonomy/taxonomy.js';
import { UUID_PATTERN } from '../../common/uuid.js';
import { parseArea, parseCountry, parseLanguage, parseRegion } from '../hsds-places.js';
import { MEND_FACTS, type MendFact, recogniseTerm, VOCABULARIES, type ForeignTerm } from '../hsds-taxonomy.js';

/** One thing the importer left out of a service, or filled in itself, and why. */
export interface ImportNote {
  field: string;
  reason: string;
}

export interface HsdsImportOptions {
  /** Where the HSDS data was published: the sourceUrl of imported listings (a real listing needs one). */
  sourceUrl?: string;
  /** The kind of services that carry no term Mend recognises as a kind; without it they are skipped. */
  defaultKind?: ResourceKind;
  /** Slugs of foreign services are `<prefix>-<their HSDS id>`; default `hsds`. */
  slugPrefix?: string;
}

/** A service mapped to a Mend record, or the reasons it cannot be one. */
export interface MappedService {
  hsdsId?: string;
  name?: string;
  slug?: string;
  document?: ResourceDocument;
  status: 'active' | 'inactive';
  /** Why the service cannot be imported (empty when it can). */
  problems: string[];
  /** Fields left out, with why. */
  skipped: ImportNote[];
  /** Fields the data did not give, filled with Mend's defaults. */
  defaults: ImportNote[];
}

type Json = Record<string, unknown>;
const obj = (v: unknown): Json | undefined => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : undefined);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
const num = (v: unknown): number | undefined => {
  const n = typeof v === 'string' && v.trim() ? Number(v) : v;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
};
const isHttpUrl = (v: string) => isURL(v, { protocols: ['http', 'https'], require_protocol: true });

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const PHONE = /^\+?[0-9][0-9 ().-]{1,28}$/;
const POSTAL_CODE = /^[A-Za-z0-9][A-Za-z0-9 -]{1,11}$/;
const INSURANCE_PAYMENTS = ['insurance', 'medicaid', 'medicare', 'military'];
/** USD, CAD and GBP all have 2 decimals. */
const MINOR_PER_MAJOR = 100;
/** A cost option saying the service costs nothing (an amount of 0, or "free" in its words). */
const isFreeOption = (c: Json) => num(c.amount) === 0 || /\bfree\b/i.test(`${text(c.option) ?? ''} ${text(c.amount_description) ?? ''}`);
const CURRENCY_OF_COUNTRY: Record<string, (typeof CURRENCIES)[number]> = { US: 'USD', CA: 'CAD', GB: 'GBP' };

/** Top-level HSDS service fields the mapper reads (others that hold data are reported as skipped). */
const READ_FIELDS = new Set([
  'id', 'name', 'description', 'url', 'email', 'status', 'phones', 'service_at_locations', 'service_areas', 'languages',
  'cost_options', 'attributes', 'organization', 'organization_id', 'fees_description', 'fees', 'assured_date', 'schedules',
]);
/** Bookkeeping, not facts about the service. */
const QUIET_FIELDS = new Set(['last_modified', 'metadata']);
/** Free text Mend's own exports derive from the attributes (read there instead). */
const DERIVED_IN_MEND_EXPORTS = new Set(['eligibility_description']);
const SKIP_REASONS: Record<string, string> = {
  alternate_name: 'Mend keeps one name per resource',
  eligibility_description: 'free text: Mend records who a resource is for as audience terms',
  program: 'Mend has no programs', program_id: 'Mend has no programs',
  contacts: 'Mend keeps no named contacts', funding: 'Mend keeps no funding sources',
  required_documents: 'Mend keeps no required documents', wait_time: 'free text: Mend keeps the wait in days (the mend wait_time_days attribute)',
};

/**
 * A stable slug for a service of another directory, from its HSDS id: the same service gets
 * the same slug on every import (what makes re-imports update instead of duplicate). UUIDs
 * are used as they are; other ids keep a readable part and a hash, so ids differing only in
 * punctuation ("a_1", "a-1") stay apart.
 */
export function slugFromHsdsId(id: string, prefix = 'hsds'): string {
  const lower = id.trim().toLowerCase();
  if (UUID_PATTERN.test(lower)) return `${prefix}-${lower}`;
  const readable = lower.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60).replace(/-+$/, '');
  const hash = createHash('sha256').update(id.trim()).digest('hex').slice(0, 10);
  return readable ? `${prefix}-${readable}-${hash}` : `${prefix}-${hash}`;
}

/** What the attributes say: codes per Mend vocabulary, in order, and the `mend` facts. */
function readAttributes(service: Json, skipped: ImportNote[]) {
  const codes = Object.fromEntries(VOCABULARIES.map((v) => [v, [] as string[]])) as Record<TaxonomyName, string[]>;
  const facts = new Map<MendFact, string[]>();
  arr(service.attributes).forEach((raw, i) => {
    const attribute = obj(raw);
    const field = `attributes[${i}]`;
    if (!attribute) return skipped.push({ field, reason: 'not an object' });
    const term = (obj(attribute.taxonomy_term) ?? (text(attribute.taxonomy_term_id) ? { id: attribute.taxonomy_term_id } : undefined)) as ForeignTerm | undefined;
    const recognised = recogniseTerm(term);
    if (recognised.kind === 'unknown') return skipped.push({ field, reason: recognised.reason });
    if (recognised.vocabulary === 'mend') {
      const value = typeof attribute.value === 'string' ? attribute.value : undefined;
      if (value === undefined) return skipped.push({ field, reason: `mend ${recognised.code} has no value` });
      const fact = recognised.code as MendFact;
      facts.set(fact, [...(facts.get(fact) ?? []), value]);
      return;
    }
    const list = codes[recognised.vocabulary];
    if (!list.includes(recognised.code)) list.push(recognised.code);
  });
  return { codes, facts };
}

/** Typed reads of the `mend` facts; a malformed value is reported and ignored. */
/** The mend contact_channel facts (JSON each); malformed ones are skipped with a note. */
function contactChannels(values: string[], skipped: ImportNote[]): NonNullable<ResourceDocument['contactChannels']> {
  const channels: NonNullable<ResourceDocument['contactChannels']> = [];
  values.forEach((value, i) => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(value);
    } catch {
      parsed = undefined;
    }
    const c = parsed as { type?: unknown; value?: unknown; keyword?: unknown } | undefined;
    if (!c || typeof c !== 'object' || !CONTACT_CHANNELS.codes.includes(c.type as never) || typeof c.value !== 'string' || !c.value) {
      skipped.push({ field: `attributes(mend contact_channel)[${i}]`, reason: 'not a JSON object with a known type and a value' });
      return;
    }
    channels.push({ type: c.type as never, value: c.value, ...(typeof c.keyword === 'string' && c.keyword ? { keyword: c.keyword } : {}) });
  });
  return channels;
}

function factReader(facts: Map<MendFact, string[]>, skipped: ImportNote[]) {
  const first = (fact: MendFact) => facts.get(fact)?.[0];
  const bad = (fact: MendFact, value: string) => {
    skipped.push({ field: `attributes(mend ${fact})`, reason: `value "${value}" is not ${MEND_FACTS[fact].value === 'boolean' ? 'true or false' : 'a whole number'}` });
    return undefined;
  };
  return {
    has: (fact: MendFact) => facts.has(fact),
    text: (fact: MendFact) => first(fact),
    all: (fact: MendFact) => facts.get(fact) ?? [],
    boolean: (fact: MendFact): boolean | undefined => {
      const v = first(fact);
      return v === undefined ? undefined : v === 'true' ? true : v === 'false' ? false : bad(fact, v);
    },
    integer: (fact: MendFact): number | undefined => {
      const v = first(fact);
      return v === undefined ? undefined : /^\d{1,9}$/.test(v) ? Number(v) : bad(fact, v);
    },
  };
}

function minutes(time: unknown): number | undefined {
  const match = typeof time === 'string' ? /^(\d{1,2}):(\d{2})/.exec(time.trim()) : null;
  return match ? Number(match[1]) * 60 + Number(match[2]) : undefined;
}

/** Availability from RFC 5545-style schedules, for directories that do not use Mend's terms. */
function availabilityFromSchedules(schedules: unknown[]): string[] {
  const found = new Set<string>();
  for (const raw of schedules) {
    const s = obj(raw);
    if (!s) continue;
    const days = new Set(String(s.byday ?? '').toUpperCase().split(',').map((d) => d.trim().replace(/^[+-]?\d+/, '')).filter(Boolean));
    const opens = minutes(s.opens_at);
    const closes = minutes(s.closes_at);
    if (days.size === 7 && opens === 0 && closes !== undefined && (closes >= 23 * 60 + 59 || closes === 0)) {
      found.add('around_the_clock');
      continue;
    }
    if (days.has('SA') || days.has('SU')) found.add('weekends');
    if (closes !== undefined && closes >= 18 * 60) found.add('evenings');
  }
  return ['evenings', 'weekends', 'around_the_clock'].filter((c) => found.has(c));
}

function mapLocations(service: Json, skipped: ImportNote[]): ResourceDocument['locations'] {
  const locations: ResourceDocument['locations'] = [];
  arr(service.service_at_locations).forEach((raw, i) => {
    const field = `service_at_locations[${i}]`;
    const location = obj(obj(raw)?.location);
    if (!location) return skipped.push({ field, reason: 'no location' });
    if (location.location_type === 'virtual') return skipped.push({ field, reason: 'a virtual location: Mend records online delivery as formats' });
    const latitude = num(location.latitude);
    const longitude = num(location.longitude);
    if (latitude === undefined || longitude === undefined || Math.abs(latitude) > 90 || Math.abs(longitude) > 180) {
      return skipped.push({ field, reason: 'no valid latitude and longitude (Mend needs them for distance search)' });
    }
    const addresses = arr(location.addresses).map(obj).filter((a): a is Json => !!a);
    const address = addresses.find((a) => a.address_type === 'physical') ?? addresses[0];
    if (!address) return skipped.push({ field, reason: 'no address (Mend needs the city, region and country)' });
    const city = text(address.city);
    const country = parseCountry(address.country);
    const region = country && parseRegion(country, address.region, address.state_province);
    if (!city || !country || !region) {
      const missing = !city ? 'city' : !country ? `country "${String(address.country ?? '')}"` : `region "${String(address.state_province ?? address.region ?? '')}"`;
      return skipped.push({ field, reason: `the address has no recognisable ${missing}` });
    }
    const street = [text(address.address_1), text(address.address_2)].filter(Boolean).join(', ');
    const postalCode = text(address.postal_code);
    if (postalCode && !POSTAL_CODE.test(postalCode)) skipped.push({ field: `${field}.postal_code`, reason: `"${postalCode}" is not a postal code` });
    if (addresses.length > 1) skipped.push({ field: `${field}.addresses`, reason: 'Mend keeps one address per location (the physical one)' });
    locations.push({
      ...(street ? { address: street } : {}),
      city,
      region,
      ...(postalCode && POSTAL_CODE.test(postalCode) ? { postalCode } : {}),
      country,
      latitude,
      longitude,
    });
  });
  return locations;
}

function mapPhone(service: Json, skipped: ImportNote[]): string | undefined {
  let phone: string | undefined;
  arr(service.phones).forEach((raw, i) => {
    const field = `phones[${i}]`;
    const number = text(obj(raw)?.number)?.replace(/^\((\d+)\)\s*/, '$1 ');
    if (!number || !PHONE.test(number)) return skipped.push({ field, reason: `"${String(obj(raw)?.number ?? '')}" is not a phone number Mend accepts` });
    if (phone) return skipped.push({ field, reason: 'Mend keeps one phone per resource (the first)' });
    phone = number;
    if (obj(raw)?.extension !== undefined) skipped.push({ field: `${field}.extension`, reason: 'Mend keeps no phone extensions' });
  });
  return phone;
}

/**
 * One HSDS service (Mend's own export or another directory's) as a Mend record: HSDS fields
 * where HSDS has them, Mend's vocabularies from attributes whose terms it recognises, and the
 * facts HSDS lacks from the `mend` attributes (src/hsds/hsds.mapper.ts writes them). Every
 * field it cannot use is reported with why. Pure: validation and writing are the importer's.
 */
export function mapHsdsService(rawService: unknown, rawOrganization: unknown, options: HsdsImportOptions = {}): MappedService {
  const skipped: ImportNote[] = [];
  const defaults: ImportNote[] = [];
  const problems: string[] = [];
  const service = obj(rawService);
  if (!service) return { status: 'active', problems: ['not an object'], skipped, defaults };
  const hsdsId = text(service.id);
  const name = text(service.name);
  const { codes, facts: factValues } = readAttributes(service, skipped);
  const facts = factReader(factValues, skipped);
  // A Mend export carries every fact; another directory's data gets Mend's defaults, reported.
  const foreign = factValues.size === 0;
  const fallback = <T>(field: string, value: T | undefined, otherwise: T, why: string): T => {
    if (value !== undefined) return value;
    if (foreign) defaults.push({ field, reason: why });
    return otherwise;
  };

  for (const [key, value] of Object.entries(service)) {
    if (READ_FIELDS.has(key) || QUIET_FIELDS.has(key) || (DERIVED_IN_MEND_EXPORTS.has(key) && !foreign)) continue;
    if (value === null || value === undefined || value === '' || (Array.isArray(value) && !value.length)) continue;
    skipped.push({ field: key, reason: Object.hasOwn(SKIP_REASONS, key) ? SKIP_REASONS[key] : 'Mend has no field for it' });
  }

  if (!hsdsId) problems.push('no id');
  if (!name) problems.push('no name');
  const description = text(service.description);
  if (!description) problems.push('no description');

  const organization = obj(rawOrganization) ?? {};
  const organizationName = text(organization.name);
  if (!organizationName) problems.push('no organization name');
  let website = text(organization.website);
  if (website && !isHttpUrl(website)) {
    skipped.push({ field: 'organization.website', reason: `"${website}" is not an http(s) URL` });
    website = undefined;
  }

  let slug = facts.text('slug');
  if (slug !== undefined && !SLUG.test(slug)) {
    skipped.push({ field: 'attributes(mend slug)', reason: `"${slug}" is not a kebab-case slug` });
    slug = undefined;
  }
  slug ??= hsdsId ? slugFromHsdsId(hsdsId, options.slugPrefix) : undefined;

  let url = text(service.url);
  if (url && !isHttpUrl(url)) {
    skipped.push({ field: 'url', reason: `"${url}" is not an http(s) URL` });
    url = undefined;
  }
  let email = text(service.email);
  if (email && !isEmail(email)) {
    skipped.push({ field: 'email', reason: `"${email}" is not an email address` });
    email = undefined;
  }

  const kinds = codes.kind;
  kinds.slice(1).forEach((k) => skipped.push({ field: 'attributes(kind)', reason: `a resource has one kind: kept ${kinds[0]}, not ${k}` }));
  let kind = kinds[0] as ResourceKind | undefined;
  if (!kind && options.defaultKind) {
    kind = options.defaultKind;
    defaults.push({ field: 'kind', reason: `no term names a Mend kind: used ${kind} (--default-kind)` });
  }
  if (!kind) problems.push(`no term names a Mend kind (${RESOURCE_KINDS.codes.join(', ')}): pass a default kind to import it`);

  const languages: string[] = [];
  arr(service.languages).forEach((raw, i) => {
    const language = obj(raw);
    const code = parseLanguage(language?.code, language?.name);
    if (!code) return skipped.push({ field: `languages[${i}]`, reason: `"${String(language?.name ?? language?.code ?? '')}" is not a language with an ISO 639-1 code` });
    if (!languages.includes(code)) languages.push(code);
  });

  const serviceAreas: string[] = [];
  arr(service.service_areas).forEach((raw, i) => {
    const area = obj(raw);
    const fromUri = typeof area?.uri === 'string' ? /iso:code:3166:([A-Za-z0-9-]+)$/.exec(area.uri)?.[1] : undefined;
    const code = [area?.extent_type === 'text' || area?.extent_type === undefined ? area?.extent : undefined, fromUri, area?.name].map(parseArea).find(Boolean);
    if (!code) return skipped.push({ field: `service_areas[${i}]`, reason: `"${String(area?.name ?? area?.extent ?? '')}" is not a region or country Mend knows (ISO 3166)` });
    if (!serviceAreas.includes(code)) serviceAreas.push(code);
  });

  const locations = mapLocations(service, skipped);
  const phone = mapPhone(service, skipped);

  // Cost: the mend facts when present (exact minor units); otherwise what cost_options say.
  const costOptions = arr(service.cost_options).map(obj).filter((c): c is Json => !!c);
  const optionCurrency = costOptions.map((c) => text(c.currency)?.toUpperCase()).find((c) => CURRENCIES.includes(c as never));
  const currency = (facts.text('currency') ?? optionCurrency ?? fallback('cost.currency', locations[0] && CURRENCY_OF_COUNTRY[locations[0].country], 'USD', 'no currency: USD')) as ResourceDocument['cost']['currency'];
  let feeMin = facts.integer('fee_min_minor');
  let feeMax = facts.integer('fee_max_minor');
  let freeFromOptions: boolean | undefined;
  if (foreign && costOptions.length) {
    const amounts: number[] = [];
    costOptions.forEach((c, i) => {
      const amount = num(c.amount);
      const optionCurrencyCode = text(c.currency)?.toUpperCase() ?? currency;
      if (amount !== undefined && amount > 0 && optionCurrencyCode !== currency) {
        const reason = CURRENCIES.includes(optionCurrencyCode as never)
          ? `in ${optionCurrencyCode}: Mend keeps a resource's fees in one currency (${currency})`
          : `in ${optionCurrencyCode}: Mend takes fees in ${CURRENCIES.join(', ')}`;
        return skipped.push({ field: `cost_options[${i}]`, reason });
      }
      if (amount !== undefined && amount > 0) amounts.push(Math.round(amount * MINOR_PER_MAJOR));
      else if (!isFreeOption(c)) skipped.push({ field: `cost_options[${i}]`, reason: 'no amount' });
    });
    freeFromOptions = !amounts.length && costOptions.every(isFreeOption);
    if (amounts.length) {
      feeMin = Math.min(...amounts);
      feeMax = Math.max(...amounts);
    }
  }
  const payments = codes.payment;
  const fees = text(service.fees_description) ?? text(service.fees);

  const availability = codes.availability.length || !foreign ? codes.availability : availabilityFromSchedules(arr(service.schedules));

  const demo = fallback('demo', facts.boolean('demo'), false, 'not a demo listing');
  const sourceUrl = facts.text('source_url') ?? options.sourceUrl;
  if (!demo && !sourceUrl) problems.push('no source: a real listing needs the URL its facts come from (pass the source URL of this HSDS data)');
  const assured = text(service.assured_date);
  // A date alone is that day at 00:00 UTC, whatever the database's time zone, so re-imports compare equal.
  const lastVerifiedAt = facts.text('last_verified_at') ?? (assured && /^\d{4}-\d{2}-\d{2}$/.test(assured) ? `${assured}T00:00:00.000Z` : assured);
  if (!demo && !lastVerifiedAt) problems.push('no assured_date: a real listing needs the date its facts were last checked');

  const rawStatus = text(service.status);
  let status: 'active' | 'inactive' = 'active';
  if (rawStatus === 'inactive' || rawStatus === 'defunct' || rawStatus === 'temporarily closed') {
    status = 'inactive';
    if (rawStatus !== 'inactive') defaults.push({ field: 'status', reason: `"${rawStatus}" is stored as inactive` });
  } else if (rawStatus !== 'active') {
    defaults.push({ field: 'status', reason: rawStatus ? `"${rawStatus}" is not an HSDS status: stored as active` : 'no status: active' });
  }

  const result: MappedService = { hsdsId, name, slug, status, problems, skipped, defaults };
  if (problems.length) return result;
  result.document = {
    slug: slug!,
    name: name!,
    description: description!,
    organization: { name: organizationName!, ...(website ? { website } : {}) },
    ...(url ? { url } : {}),
    ...(phone ? { phone } : {}),
    ...(email ? { email } : {}),
    kind: kind!,
    formats: codes.format as ResourceDocument['formats'],
    cost: {
      free: facts.boolean('free') ?? fallback('cost.free', freeFromOptions ?? (payments.includes('free') ? true : undefined), false, 'no cost options: not free'),
      slidingScale: facts.boolean('sliding_scale') ?? fallback('cost.slidingScale', payments.includes('sliding_scale') ? true : undefined, false, 'no sliding scale term: false'),
      ...(feeMin !== undefined ? { feeMin } : {}),
      ...(feeMax !== undefined ? { feeMax } : {}),
      currency,
      feePeriod: (FEE_PERIODS.codes.includes(facts.text('fee_period') as never) ? facts.text('fee_period') : 'per_session') as ResourceDocument['cost']['feePeriod'],
      insuranceAccepted: facts.boolean('insurance_accepted') ?? payments.some((p) => INSURANCE_PAYMENTS.includes(p)),
      insurers: facts.all('insurer'),
      noInsuranceNeeded: fallback('cost.noInsuranceNeeded', facts.boolean('no_insurance_needed'), true, 'unknown: true'),
      ...(fees ? { notes: fees } : {}),
    },
    specialties: codes.specialty as ResourceDocument['specialties'],
    approaches: codes.approach as ResourceDocument['approaches'],
    languages,
    audiences: codes.audience as ResourceDocument['audiences'],
    credentials: codes.credential as ResourceDocument['credentials'],
    paymentOptions: payments as ResourceDocument['paymentOptions'],
    locations,
    serviceAreas,
    acceptingNewClients: fallback('acceptingNewClients', facts.boolean('accepting_new_clients'), true, 'unknown: true'),
    ...(facts.integer('wait_time_days') !== undefined ? { waitTimeDays: facts.integer('wait_time_days') } : {}),
    availability: availability as ResourceDocument['availability'],
    jointSessions: fallback('jointSessions', facts.boolean('joint_sessions'), false, 'unknown: false'),
    requiresSafeRelationship: fallback('requiresSafeRelationship', facts.boolean('safe_relationships_only'), false, 'unknown: false'),
    notForCrisis: facts.boolean('not_for_crisis') ?? false,
    eligibility: codes.eligibility as ResourceDocument['eligibility'],
    lineRoles: codes.lineRole as ResourceDocument['lineRoles'],
    contactChannels: contactChannels(facts.all('contact_channel'), skipped),
    demo,
    ...(sourceUrl ? { sourceUrl } : {}),
    ...(lastVerifiedAt ? { lastVerifiedAt } : {}),
  };
  return result;
}
