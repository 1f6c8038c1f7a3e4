import { createHash } from 'node:crypto';

import { isEmail } from 'class-validator';

import { UUID_PATTERN } from '../../common/uuid.js';
import type { ResourceDocument } from '../../resources/curation/resource-document.js';
import { VERIFIED_BY, type VerifiedBy } from '../../resources/verification.js';
import { RESOURCE_KINDS, type ResourceKind, type TaxonomyName } from '../../taxonomy/taxonomy.js';
import { arr, type ImportNote, isHttpUrl, type Json, obj, text } from './hsds-json.js';
import { accessibilityCodes, availabilityFromSchedules, mapLanguages, mapPhones } from './hsds-service-access.js';
import { contactChannels, type FactReader, factReader, importedTranslations, readAttributes } from './hsds-service-attributes.js';
import { type Fallback, type Fees, mapCost, readFees } from './hsds-service-cost.js';
import { mapLocations, mapServiceAreas } from './hsds-service-places.js';

export type { ImportNote } from './hsds-json.js';

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
  /** Who verified it, when a Mend export says (its verified_by fact); an import from elsewhere was verified by that directory. */
  verifiedBy?: VerifiedBy;
}

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Top-level HSDS service fields the mapper reads (others that hold data are reported as skipped). */
const READ_FIELDS = new Set([
  'id',
  'name',
  'description',
  'url',
  'email',
  'status',
  'phones',
  'service_at_locations',
  'service_areas',
  'languages',
  'cost_options',
  'attributes',
  'organization',
  'organization_id',
  'fees_description',
  'fees',
  'assured_date',
  'schedules',
]);
/** Bookkeeping, not facts about the service. */
const QUIET_FIELDS = new Set(['last_modified', 'metadata']);
/** Free text Mend's own exports derive from the attributes (read there instead). */
const DERIVED_IN_MEND_EXPORTS = new Set(['eligibility_description', 'interpretation_services']);
const SKIP_REASONS: Record<string, string> = {
  alternate_name: 'Mend keeps one name per resource',
  eligibility_description: 'free text: Mend records who a resource is for as audience terms',
  interpretation_services: 'free text: Mend records ASL and interpreters as accessibility terms (asl, interpreter_on_request)',
  program: 'Mend has no programs',
  program_id: 'Mend has no programs',
  contacts: 'Mend keeps no named contacts',
  funding: 'Mend keeps no funding sources',
  required_documents: 'Mend keeps no required documents',
  wait_time: 'free text: Mend keeps the wait in days (the mend wait_time_days attribute)',
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
  const readable = lower
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  const hash = createHash('sha256').update(id.trim()).digest('hex').slice(0, 10);
  return readable ? `${prefix}-${readable}-${hash}` : `${prefix}-${hash}`;
}

/** What every step of the mapping reads, and where it reports. */
interface ServiceMapping {
  service: Json;
  /** Codes per Mend vocabulary, from the attributes whose terms Mend recognises. */
  codes: Record<TaxonomyName, string[]>;
  facts: FactReader;
  /** Another directory's data (no `mend` facts, which a Mend export always carries). */
  foreign: boolean;
  /** Mend's default where the data is silent, reported for another directory's data. */
  fallback: Fallback;
  problems: string[];
  skipped: ImportNote[];
  defaults: ImportNote[];
}

/**
 * One HSDS service (Mend's own export or another directory's) as a Mend record: HSDS fields
 * where HSDS has them, Mend's vocabularies from attributes whose terms it recognises, and the
 * facts HSDS lacks from the `mend` attributes (src/hsds/hsds.mapper.ts writes them). Every
 * field it cannot use is reported with why. Pure: validation and writing are the importer's.
 *
 * The steps run in field order, which is the order of the notes in the import report; facts
 * are checked when read, so a malformed one is noted where its field is mapped.
 */
export function mapHsdsService(rawService: unknown, rawOrganization: unknown, options: HsdsImportOptions = {}): MappedService {
  const service = obj(rawService);
  if (!service) return { status: 'active', problems: ['not an object'], skipped: [], defaults: [] };
  const mapping = startMapping(service);
  const { problems, skipped, defaults } = mapping;
  reportUnreadFields(mapping);
  const identity = mapIdentity(mapping, obj(rawOrganization) ?? {}, options);
  const kind = mapKind(mapping, options);
  const { languages, signsAsl } = mapLanguages(service, skipped);
  const serviceAreas = mapServiceAreas(service, skipped);
  const locations = mapLocations(service, skipped);
  const { phone, channels: phoneChannels } = mapPhones(service, skipped);
  const fees = readFees(mapping, locations[0]?.country);
  const availability =
    mapping.codes.availability.length || !mapping.foreign ? mapping.codes.availability : availabilityFromSchedules(arr(service.schedules));
  const provenance = mapProvenance(mapping, options);
  const status = mapStatus(service, defaults);

  const result: MappedService = { hsdsId: identity.hsdsId, name: identity.name, slug: identity.slug, status, problems, skipped, defaults };
  const verifiedBy = mapping.facts.text('verified_by');
  if (verifiedBy && (VERIFIED_BY as readonly string[]).includes(verifiedBy)) result.verifiedBy = verifiedBy as VerifiedBy;
  if (problems.length) return result;
  result.document = buildDocument(mapping, identity, {
    kind: kind!,
    languages,
    signsAsl,
    phoneChannels,
    serviceAreas,
    locations,
    phone,
    fees,
    availability,
    ...provenance,
  });
  return result;
}

function startMapping(service: Json): ServiceMapping {
  const skipped: ImportNote[] = [];
  const defaults: ImportNote[] = [];
  const { codes, facts: factValues } = readAttributes(service, skipped);
  const foreign = factValues.size === 0;
  const fallback: Fallback = (field, value, otherwise, why) => {
    if (value !== undefined) return value;
    if (foreign) defaults.push({ field, reason: why });
    return otherwise;
  };
  return { service, codes, facts: factReader(factValues, skipped), foreign, fallback, problems: [], skipped, defaults };
}

/** Fields that hold data Mend has no place for. */
function reportUnreadFields({ service, foreign, skipped }: ServiceMapping): void {
  for (const [key, value] of Object.entries(service)) {
    if (READ_FIELDS.has(key) || QUIET_FIELDS.has(key) || (DERIVED_IN_MEND_EXPORTS.has(key) && !foreign)) continue;
    if (value === null || value === undefined || value === '' || (Array.isArray(value) && !value.length)) continue;
    skipped.push({ field: key, reason: Object.hasOwn(SKIP_REASONS, key) ? SKIP_REASONS[key] : 'Mend has no field for it' });
  }
}

/** Who and what the listing is; the fields without which it cannot be one are problems. */
interface Identity {
  hsdsId?: string;
  name?: string;
  slug?: string;
  description?: string;
  organizationName?: string;
  website?: string;
  url?: string;
  email?: string;
}

function mapIdentity({ service, facts, problems, skipped }: ServiceMapping, organization: Json, options: HsdsImportOptions): Identity {
  const hsdsId = text(service.id);
  const name = text(service.name);
  if (!hsdsId) problems.push('no id');
  if (!name) problems.push('no name');
  const description = text(service.description);
  if (!description) problems.push('no description');

  const organizationName = text(organization.name);
  if (!organizationName) problems.push('no organization name');
  const website = httpUrlOrSkip(text(organization.website), 'organization.website', skipped);

  let slug = facts.text('slug');
  if (slug !== undefined && !SLUG.test(slug)) {
    skipped.push({ field: 'attributes(mend slug)', reason: `"${slug}" is not a kebab-case slug` });
    slug = undefined;
  }
  slug ??= hsdsId ? slugFromHsdsId(hsdsId, options.slugPrefix) : undefined;

  const url = httpUrlOrSkip(text(service.url), 'url', skipped);
  let email = text(service.email);
  if (email && !isEmail(email)) {
    skipped.push({ field: 'email', reason: `"${email}" is not an email address` });
    email = undefined;
  }
  return { hsdsId, name, slug, description, organizationName, website, url, email };
}

function httpUrlOrSkip(value: string | undefined, field: string, skipped: ImportNote[]): string | undefined {
  if (!value || isHttpUrl(value)) return value;
  skipped.push({ field, reason: `"${value}" is not an http(s) URL` });
  return undefined;
}

/** The one kind: the first kind term, or the import's default kind. */
function mapKind({ codes, problems, skipped, defaults }: ServiceMapping, options: HsdsImportOptions): ResourceKind | undefined {
  const kinds = codes.kind;
  kinds.slice(1).forEach((k) => skipped.push({ field: 'attributes(kind)', reason: `a resource has one kind: kept ${kinds[0]}, not ${k}` }));
  let kind = kinds[0] as ResourceKind | undefined;
  if (!kind && options.defaultKind) {
    kind = options.defaultKind;
    defaults.push({ field: 'kind', reason: `no term names a Mend kind: used ${kind} (--default-kind)` });
  }
  if (!kind) problems.push(`no term names a Mend kind (${RESOURCE_KINDS.codes.join(', ')}): pass a default kind to import it`);
  return kind;
}

/** Whether the listing is a demo, and where and when its facts were checked (a real one needs both). */
function mapProvenance({ service, facts, fallback, problems }: ServiceMapping, options: HsdsImportOptions) {
  const demo = fallback('demo', facts.boolean('demo'), false, 'not a demo listing');
  const sourceUrl = facts.text('source_url') ?? options.sourceUrl;
  if (!demo && !sourceUrl)
    problems.push('no source: a real listing needs the URL its facts come from (pass the source URL of this HSDS data)');
  const assured = text(service.assured_date);
  // A date alone is that day at 00:00 UTC, whatever the database's time zone, so re-imports compare equal.
  const lastVerifiedAt =
    facts.text('last_verified_at') ?? (assured && /^\d{4}-\d{2}-\d{2}$/.test(assured) ? `${assured}T00:00:00.000Z` : assured);
  if (!demo && !lastVerifiedAt) problems.push('no assured_date: a real listing needs the date its facts were last checked');
  return { demo, sourceUrl, lastVerifiedAt };
}

/** HSDS statuses as active or inactive (closed ones are inactive). */
function mapStatus(service: Json, defaults: ImportNote[]): MappedService['status'] {
  const rawStatus = text(service.status);
  if (rawStatus === 'inactive' || rawStatus === 'defunct' || rawStatus === 'temporarily closed') {
    if (rawStatus !== 'inactive') defaults.push({ field: 'status', reason: `"${rawStatus}" is stored as inactive` });
    return 'inactive';
  }
  if (rawStatus !== 'active')
    defaults.push({ field: 'status', reason: rawStatus ? `"${rawStatus}" is not an HSDS status: stored as active` : 'no status: active' });
  return 'active';
}

/** The other fields mapped so far, of a service without problems. */
interface MappedFields {
  kind: ResourceKind;
  languages: string[];
  /** American Sign Language among the service's languages. */
  signsAsl: boolean;
  /** TTY and videophone numbers among the phones. */
  phoneChannels: { type: 'tty' | 'videophone'; value: string }[];
  serviceAreas: string[];
  locations: ResourceDocument['locations'];
  phone?: string;
  fees: Fees;
  availability: string[];
  demo: boolean;
  sourceUrl?: string;
  lastVerifiedAt?: string;
}

/**
 * The Mend record of a service without problems (so its identity is complete); the facts read
 * here (cost, flags, contact channels) are checked, and noted, in this order.
 */
function buildDocument(
  { service, codes, facts, fallback, skipped }: ServiceMapping,
  identity: Identity,
  fields: MappedFields,
): ResourceDocument {
  const { website, url, email } = identity;
  const { phone, kind, fees, demo, sourceUrl, lastVerifiedAt } = fields;
  const payments = codes.payment;
  // Mend's own exports carry the channels as mend facts (their typed phones are copies); another
  // directory's typed phones are its TTY and videophone numbers.
  const mendChannels = contactChannels(facts.all('contact_channel'), skipped);
  const channels = facts.has('contact_channel') ? mendChannels : fields.phoneChannels;
  const accessibility = accessibilityCodes(codes.accessibility, fields.signsAsl, channels, codes.format, fields.locations, skipped);
  const cost = mapCost(fees, facts, payments, text(service.fees_description) ?? text(service.fees), fallback);
  return {
    slug: identity.slug!,
    name: identity.name!,
    description: identity.description!,
    organization: { name: identity.organizationName!, ...(website ? { website } : {}) },
    ...(url ? { url } : {}),
    ...(phone ? { phone } : {}),
    ...(email ? { email } : {}),
    kind,
    formats: codes.format as ResourceDocument['formats'],
    cost,
    specialties: codes.specialty as ResourceDocument['specialties'],
    approaches: codes.approach as ResourceDocument['approaches'],
    languages: fields.languages,
    audiences: codes.audience as ResourceDocument['audiences'],
    accessibility,
    credentials: codes.credential as ResourceDocument['credentials'],
    paymentOptions: payments as ResourceDocument['paymentOptions'],
    locations: fields.locations,
    serviceAreas: fields.serviceAreas,
    acceptingNewClients: fallback('acceptingNewClients', facts.boolean('accepting_new_clients'), true, 'unknown: true'),
    ...(facts.integer('wait_time_days') !== undefined ? { waitTimeDays: facts.integer('wait_time_days') } : {}),
    availability: fields.availability as ResourceDocument['availability'],
    jointSessions: fallback('jointSessions', facts.boolean('joint_sessions'), false, 'unknown: false'),
    requiresSafeRelationship: fallback('requiresSafeRelationship', facts.boolean('safe_relationships_only'), false, 'unknown: false'),
    notForCrisis: facts.boolean('not_for_crisis') ?? false,
    eligibility: codes.eligibility as ResourceDocument['eligibility'],
    lineRoles: codes.lineRole as ResourceDocument['lineRoles'],
    contactChannels: channels,
    ...importedTranslations(facts.all('translations'), !!cost.notes, skipped),
    demo,
    ...(sourceUrl ? { sourceUrl } : {}),
    ...(lastVerifiedAt ? { lastVerifiedAt } : {}),
  };
}
