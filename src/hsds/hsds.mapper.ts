import { areaName, languageName, stateProvinceName } from '../common/place/place-names.js';
import type { FeedOrganizationRow, FeedResourceRow } from '../resources/directory-feed.service.js';
import {
  ACCESSIBILITY,
  AUDIENCES,
  AVAILABILITY,
  CONTACT_CHANNELS,
  ELIGIBILITY,
  FEE_PERIODS,
  type TaxonomyName,
  type TaxonomyTerm,
} from '../taxonomy/taxonomy.js';
import type {
  HsdsAccessibilityResponse,
  HsdsAttributeResponse,
  HsdsCostOptionResponse,
  HsdsOrganizationSummaryResponse,
  HsdsPhoneResponse,
  HsdsScheduleResponse,
  HsdsServiceAtLocationResponse,
  HsdsServiceResponse,
} from './dto/hsds.response.js';
import { hsdsId } from './hsds-ids.js';
import { ASL_LANGUAGE, type HsdsVocabulary, type MendFact, taxonomyName, taxonomyTerm, termId } from './hsds-taxonomy.js';

/** A persistent identifier for an ISO 3166 code (the ISO Online Browsing Platform's). */
export const ISO_3166_URI = 'https://www.iso.org/obp/ui/#iso:code:3166:';

/** Fees are stored in minor units; the directory's currencies (USD, CAD, GBP) all have 2 decimals. */
const MINOR_PER_MAJOR = 100;

/** Mend's vocabulary columns, in the order their attributes are written. */
const VOCABULARY_COLUMNS: [TaxonomyName, (r: FeedResourceRow) => string[]][] = [
  ['kind', (r) => [r.kind]],
  ['format', (r) => r.formats],
  ['specialty', (r) => r.specialties],
  ['approach', (r) => r.approaches],
  ['audience', (r) => r.audiences],
  ['accessibility', (r) => r.accessibility],
  ['credential', (r) => r.credentials],
  ['payment', (r) => r.payment_options],
  ['availability', (r) => r.availability],
  ['eligibility', (r) => r.eligibility],
  ['lineRole', (r) => r.line_roles],
];

const iso = (d: Date | string) => new Date(d).toISOString();
const label = (terms: readonly TaxonomyTerm[], code: string) => terms.find((t) => t.code === code)?.label ?? code;
const term = (terms: readonly TaxonomyTerm[], code: string) =>
  `${label(terms, code)}: ${terms.find((t) => t.code === code)?.description ?? ''}`;

/**
 * HSDS has a place for some accessibility codes beside the mend:accessibility attributes (which
 * carry them all, for an exact re-import):
 * - asl and interpreter_on_request → `interpretation_services` (free text). Not `languages`, which
 *   HSDS keeps for languages spoken without interpretation, and Mend's asl allows an interpreter;
 * - tty and videophone channels with a number → `phones` of type textphone and video (RFC 6350);
 *   a videophone of a resource listed with asl carries ASL (ISO 639-3 `ase`) as its language,
 *   since a videophone line is answered in sign language;
 * - wheelchair_access → an `accessibility` record on each location (HSDS keeps physical access there).
 */
const INTERPRETATION_CODES = ['asl', 'interpreter_on_request'];
const PHONE_TYPES: Record<string, 'textphone' | 'video'> = { tty: 'textphone', videophone: 'video' };

export function mapOrganizationSummary(org: FeedOrganizationRow): HsdsOrganizationSummaryResponse {
  return { id: org.id, name: org.name, description: '', ...(org.website ? { website: org.website } : {}) };
}

/** HSDS service_list: the one-to-one fields and the organization. */
export function mapServiceSummary(row: FeedResourceRow): HsdsServiceResponse {
  const eligibility = [
    row.eligibility.length ? `Only for: ${row.eligibility.map((a) => label(ELIGIBILITY.terms, a)).join(', ')}.` : '',
    row.audiences.length ? `Welcomes: ${row.audiences.map((a) => label(AUDIENCES.terms, a)).join(', ')}.` : '',
    row.requires_safe_relationship ? 'Not for relationships with abuse, violence or coercive control.' : '',
    row.not_for_crisis ? 'Not for people in an acute crisis.' : '',
  ]
    .filter(Boolean)
    .join(' ');
  const interpretation = INTERPRETATION_CODES.filter((code) => row.accessibility.includes(code))
    .map((code) => term(ACCESSIBILITY.terms, code))
    .join(' ');
  return {
    id: row.id,
    organization_id: row.organization_id,
    name: row.name,
    description: row.description,
    ...(row.url ? { url: row.url } : {}),
    ...(row.email ? { email: row.email } : {}),
    status: row.status,
    ...(row.cost_notes ? { fees_description: row.cost_notes } : {}),
    ...(eligibility ? { eligibility_description: eligibility } : {}),
    ...(interpretation ? { interpretation_services: interpretation } : {}),
    ...(row.last_verified_at ? { assured_date: iso(row.last_verified_at).slice(0, 10) } : {}),
    last_modified: iso(row.updated_at),
    organization: mapOrganizationSummary({ id: row.organization_id, name: row.organization_name, website: row.organization_website }),
  };
}

/**
 * A fully nested HSDS service. Nested records get name-based ids under the service's id, so
 * the same resource always exports the same ids. Everything Mend stores is here, in HSDS
 * fields where HSDS has one and as attributes otherwise (hsds-taxonomy.ts), so that
 * import/hsds-service.mapper.ts can rebuild the resource exactly.
 */
export function mapService(row: FeedResourceRow): HsdsServiceResponse {
  const id = (...parts: (string | number)[]) => hsdsId('service', row.id, ...parts);
  return {
    ...mapServiceSummary(row),
    phones: phones(row),
    schedules: row.availability.map((code) => schedule(row.id, code)),
    service_areas: row.service_areas.map((code) => ({
      id: id('service_area', code),
      service_id: row.id,
      name: areaName(code),
      extent: code,
      extent_type: 'text',
      uri: `${ISO_3166_URI}${code}`,
      description: `ISO 3166-${code.length === 2 ? 1 : 2} ${code}`,
    })),
    service_at_locations: (row.locations ?? []).map((l, i): HsdsServiceAtLocationResponse => ({
      id: id('service_at_location', i),
      service_id: row.id,
      location_id: id('location', i),
      location: {
        id: id('location', i),
        location_type: 'physical',
        organization_id: row.organization_id,
        name: `${row.name} — ${l.city}`,
        latitude: l.latitude,
        longitude: l.longitude,
        ...(row.accessibility.includes('wheelchair_access') ? { accessibility: [wheelchairAccess(id('location', i), row.id)] } : {}),
        addresses: [
          {
            id: id('address', i),
            location_id: id('location', i),
            address_1: l.address ?? '',
            city: l.city,
            region: l.region,
            state_province: stateProvinceName(l.region),
            postal_code: l.postalCode ?? '',
            country: l.country,
            address_type: 'physical',
          },
        ],
      },
    })),
    languages: row.languages.map((code) => ({ id: id('language', code), service_id: row.id, name: languageName(code), code })),
    cost_options: costOptions(row),
    attributes: attributes(row),
  };
}

/** The main phone, then each TTY and videophone number (their channels; a web video call is no phone). */
function phones(row: FeedResourceRow): HsdsPhoneResponse[] {
  const out: HsdsPhoneResponse[] = row.phone ? [{ id: hsdsId('service', row.id, 'phone', 0), service_id: row.id, number: row.phone }] : [];
  row.contact_channels.forEach((channel, i) => {
    const type = Object.hasOwn(PHONE_TYPES, channel.type) ? PHONE_TYPES[channel.type] : undefined;
    if (!type || /^https?:/i.test(channel.value)) return;
    const phoneId = hsdsId('service', row.id, 'phone', 'channel', i);
    out.push({
      id: phoneId,
      service_id: row.id,
      number: channel.value,
      type,
      description: label(CONTACT_CHANNELS.terms, channel.type),
      ...(type === 'video' && row.accessibility.includes('asl')
        ? {
            languages: [
              { id: hsdsId('service', row.id, 'phone', 'channel', i, 'language', ASL_LANGUAGE.code), phone_id: phoneId, ...ASL_LANGUAGE },
            ],
          }
        : {}),
    });
  });
  return out;
}

function wheelchairAccess(locationId: string, serviceId: string): HsdsAccessibilityResponse {
  return {
    id: hsdsId('service', serviceId, 'accessibility', locationId, 'wheelchair_access'),
    location_id: locationId,
    description: term(ACCESSIBILITY.terms, 'wheelchair_access'),
  };
}

function costOptions(row: FeedResourceRow): HsdsCostOptionResponse[] {
  const options: HsdsCostOptionResponse[] = [];
  const base = (key: string) => ({ id: hsdsId('service', row.id, 'cost_option', key), service_id: row.id, currency: row.currency });
  if (row.free) options.push({ ...base('free'), option: 'Free', amount: 0 });
  const period = FEE_PERIODS.terms.find((t) => t.code === row.fee_period)?.label ?? 'per session';
  if (row.fee_min !== null)
    options.push({ ...base('fee_min'), option: `Lowest fee ${period}`, amount: row.fee_min / MINOR_PER_MAJOR, amount_description: period });
  if (row.fee_max !== null)
    options.push({
      ...base('fee_max'),
      option: `Highest fee ${period}`,
      amount: row.fee_max / MINOR_PER_MAJOR,
      amount_description: period,
    });
  return options;
}

/** Mend availability as an HSDS schedule (RFC 5545 terms); the times of "evenings" are local, so no clock times are claimed for it. */
function schedule(serviceId: string, code: string): HsdsScheduleResponse {
  const term = AVAILABILITY.terms.find((t) => t.code === code);
  const base = {
    id: hsdsId('service', serviceId, 'schedule', code),
    service_id: serviceId,
    freq: 'WEEKLY',
    description: `${term?.label ?? code}: ${term?.description ?? ''}`.trim(),
  };
  if (code === 'around_the_clock') return { ...base, byday: 'MO,TU,WE,TH,FR,SA,SU', opens_at: '00:00', closes_at: '23:59' };
  if (code === 'weekends') return { ...base, byday: 'SA,SU' };
  return base;
}

function attributes(row: FeedResourceRow): HsdsAttributeResponse[] {
  const out: HsdsAttributeResponse[] = [];
  const add = (vocabulary: HsdsVocabulary, code: string, value?: string, index?: number) =>
    out.push({
      id: hsdsId('service', row.id, 'attribute', taxonomyName(vocabulary), code, ...(index === undefined ? [] : [index])),
      link_id: row.id,
      link_entity: 'service',
      link_type: vocabulary,
      taxonomy_term_id: termId(vocabulary, code),
      ...(value === undefined ? {} : { value }),
      taxonomy_term: taxonomyTerm(vocabulary, code),
    });
  for (const [vocabulary, codes] of VOCABULARY_COLUMNS) for (const code of codes(row)) add(vocabulary, code);

  const fact = (code: MendFact, value: string | number | boolean | null) => {
    if (value !== null) add('mend', code, String(value));
  };
  fact('slug', row.slug);
  fact('free', row.free);
  fact('sliding_scale', row.sliding_scale);
  fact('fee_min_minor', row.fee_min);
  fact('fee_max_minor', row.fee_max);
  fact('currency', row.currency);
  fact('fee_period', row.fee_period);
  fact('insurance_accepted', row.insurance_accepted);
  row.insurers.forEach((insurer, i) => add('mend', 'insurer', insurer, i));
  fact('no_insurance_needed', row.no_insurance_needed);
  fact('accepting_new_clients', row.accepting_new_clients);
  fact('wait_time_days', row.wait_time_days);
  fact('joint_sessions', row.joint_sessions);
  fact('safe_relationships_only', row.requires_safe_relationship);
  fact('not_for_crisis', row.not_for_crisis);
  row.contact_channels.forEach((channel, i) => add('mend', 'contact_channel', JSON.stringify(channel), i));
  if (Object.keys(row.translations ?? {}).length) fact('translations', JSON.stringify(row.translations));
  fact('demo', row.demo);
  fact('source_url', row.source_url);
  fact('last_verified_at', row.last_verified_at && iso(row.last_verified_at));
  fact('verified_by', row.last_verified_at ? row.verified_by : null);
  return out;
}
