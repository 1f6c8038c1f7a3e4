import { statedAccessibility } from '../accessibility.js';
import type { ResourceRow, ResourceWrite } from '../resource.row.js';
import { toResourceWrite } from '../resource-record.js';
import { dropStaleTranslations } from '../resource-texts.js';
import type { CreateResourceRequest } from './dto/resource.request.js';

/**
 * The record a curator writes: the ResourceRecord shape (../resource-record.ts), so the API,
 * seeds/data and HSDS imports share one mapping to the stored columns (toResourceWrite, which
 * also computes searchKeywords). Requests are validated by the DTOs before they get here,
 * with rules at least as strict as the record checks, so the mapping never throws on them.
 */
export type ResourceDocument = CreateResourceRequest;

/** The stored shape of a validated document; status is the caller's. */
export function documentToWrite(document: ResourceDocument, status: ResourceWrite['status'] = 'active'): ResourceWrite {
  return toResourceWrite({ ...document, demo: document.demo ?? false }, status);
}

const present = <T>(value: T | null): T | undefined => (value === null ? undefined : value);
const iso = (d: Date | string) => new Date(d).toISOString();

/** A stored resource as a record, the base a merge patch applies to. Empty optional fields are left out. */
export function toResourceDocument(row: ResourceRow): ResourceDocument {
  const document: ResourceDocument = {
    slug: row.slug,
    name: row.name,
    description: row.description,
    organization: { name: row.organization_name, website: present(row.organization_website) },
    url: present(row.url),
    phone: present(row.phone),
    email: present(row.email),
    kind: row.kind as ResourceDocument['kind'],
    formats: row.formats as ResourceDocument['formats'],
    cost: {
      free: row.free,
      slidingScale: row.sliding_scale,
      feeMin: present(row.fee_min),
      feeMax: present(row.fee_max),
      currency: row.currency as ResourceDocument['cost']['currency'],
      feePeriod: row.fee_period as ResourceDocument['cost']['feePeriod'],
      insuranceAccepted: row.insurance_accepted,
      insurers: row.insurers,
      noInsuranceNeeded: row.no_insurance_needed,
      notes: present(row.cost_notes),
    },
    specialties: row.specialties as ResourceDocument['specialties'],
    approaches: row.approaches as ResourceDocument['approaches'],
    languages: row.languages,
    audiences: row.audiences as ResourceDocument['audiences'],
    // What the channels and chat sessions state is derived again on write, from the channels then stored.
    accessibility: statedAccessibility(row.accessibility, row.contact_channels, row.formats) as ResourceDocument['accessibility'],
    credentials: row.credentials as ResourceDocument['credentials'],
    paymentOptions: row.payment_options as ResourceDocument['paymentOptions'],
    locations: (row.locations ?? []).map((l) => ({
      address: present(l.address),
      city: l.city,
      region: l.region,
      postalCode: present(l.postalCode),
      country: l.country,
      latitude: l.latitude,
      longitude: l.longitude,
    })),
    serviceAreas: row.service_areas,
    acceptingNewClients: row.accepting_new_clients,
    waitTimeDays: present(row.wait_time_days),
    availability: row.availability as ResourceDocument['availability'],
    jointSessions: row.joint_sessions,
    requiresSafeRelationship: row.requires_safe_relationship,
    notForCrisis: row.not_for_crisis,
    eligibility: row.eligibility as ResourceDocument['eligibility'],
    lineRoles: row.line_roles as ResourceDocument['lineRoles'],
    contactChannels: row.contact_channels,
    translations: Object.keys(row.translations ?? {}).length ? row.translations : undefined,
    demo: row.demo,
    sourceUrl: present(row.source_url),
    lastVerifiedAt: row.last_verified_at === null ? undefined : iso(row.last_verified_at),
  };
  return JSON.parse(JSON.stringify(document)) as ResourceDocument; // drops the undefined fields
}

/**
 * Safety lines (crisis, domestic-violence, … lines: hotlines with a role) and every other hotline:
 * never claimable by a provider. A changed number or wording on such a line could send a person
 * in danger nowhere (REFERENCE-FACTS: exact numbers matter), so only curators change them.
 */
export function isSafetyLine(row: Pick<ResourceRow, 'kind' | 'line_roles'>): boolean {
  return row.kind === 'hotline' || (row.line_roles ?? []).length > 0;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * RFC 7396 JSON merge patch: objects merge recursively, anything else (arrays included)
 * replaces, null removes. Pure; neither input is changed.
 */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return patch;
  const result: Record<string, unknown> = isObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else if (value !== undefined) result[key] = mergePatch(result[key], value);
  }
  return result;
}

/**
 * The merged document of an update with translations whose English the update changed and left
 * untranslated dropped (dropStaleTranslations); `patch` is the update's own translations, if any.
 */
export function withCurrentTranslations(before: ResourceDocument, merged: ResourceDocument, patch: unknown): ResourceDocument {
  const english = (d: ResourceDocument) => ({
    name: d.name,
    description: d.description,
    costNotes: d.cost.notes,
    translations: d.translations,
  });
  return { ...merged, translations: dropStaleTranslations(english(before), english(merged), patch) };
}
