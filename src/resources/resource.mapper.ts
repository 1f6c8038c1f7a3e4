import { versionEtag } from '../common/http/entity-tags.js';
import type { ResourceResponse, VerificationResponse } from './dto/resource.response.js';
import type { ResourceRow } from './resource.row.js';
import { STORED_TEXT_LOCALE } from './resource-texts.js';
import { isSafetyLine, type VerificationCutoffs, verificationStatus } from './verification.js';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** When and by whom the details were last confirmed, and what that makes them at the cutoffs of this read. */
export function mapVerification(
  row: Pick<ResourceRow, 'last_verified_at' | 'verified_by' | 'kind' | 'line_roles' | 'demo' | 'safety_suspended'>,
  cutoffs: VerificationCutoffs,
): VerificationResponse {
  const lastVerifiedAt = row.last_verified_at === null ? null : new Date(row.last_verified_at);
  return {
    lastVerifiedAt: lastVerifiedAt && lastVerifiedAt.toISOString(),
    verifiedBy: lastVerifiedAt ? (row.verified_by ?? null) : null,
    status: verificationStatus(lastVerifiedAt, isSafetyLine(row), cutoffs),
    reportedNotWorking: row.safety_suspended,
  };
}

/**
 * The public shape of a resource; the only place a row becomes a response. `cutoffs` are the
 * freshness policy's at the moment of the read (Freshness.cutoffs()): the status is computed, never stored.
 */
export function mapResource(row: ResourceRow, cutoffs: VerificationCutoffs, distanceMeters?: number | null): ResourceResponse {
  const response: ResourceResponse = {
    id: row.id,
    slug: row.slug,
    name: row.name,
    nameLang: STORED_TEXT_LOCALE,
    description: row.description,
    descriptionLang: STORED_TEXT_LOCALE,
    organization: { name: row.organization_name, website: row.organization_website },
    url: row.url,
    phone: row.phone,
    email: row.email,
    kind: row.kind,
    formats: row.formats,
    cost: {
      free: row.free,
      slidingScale: row.sliding_scale,
      feeMin: row.fee_min,
      feeMax: row.fee_max,
      currency: row.currency,
      feePeriod: row.fee_period ?? 'per_session',
      insuranceAccepted: row.insurance_accepted,
      insurers: row.insurers,
      noInsuranceNeeded: row.no_insurance_needed,
      notes: row.cost_notes,
      notesLang: row.cost_notes === null ? null : STORED_TEXT_LOCALE,
    },
    specialties: row.specialties,
    approaches: row.approaches,
    languages: row.languages,
    audiences: row.audiences,
    accessibility: row.accessibility ?? [],
    credentials: row.credentials,
    paymentOptions: row.payment_options,
    locations: row.locations ?? [],
    serviceAreas: row.service_areas,
    capacity: { acceptingNewClients: row.accepting_new_clients, waitTimeDays: row.wait_time_days },
    availability: row.availability,
    jointSessions: row.joint_sessions,
    safeRelationshipsOnly: row.requires_safe_relationship,
    notForCrisis: row.not_for_crisis,
    eligibility: row.eligibility ?? [],
    lineRoles: row.line_roles ?? [],
    contactChannels: row.contact_channels ?? [],
    translations: row.translations ?? {},
    provenance: { sourceUrl: row.source_url, lastVerifiedAt: iso(row.last_verified_at), demo: row.demo },
    verification: mapVerification(row, cutoffs),
    status: row.status,
    createdAt: iso(row.created_at)!,
    updatedAt: iso(row.updated_at)!,
  };
  return distanceMeters === undefined || distanceMeters === null ? response : mapResourceDistance(response, distanceMeters);
}

/**
 * A mapped resource with its verification status as of these cutoffs: the same object while the
 * status is unchanged (so cached, shared responses stay shared), otherwise a frozen copy. The
 * status is time's doing alone, so it is recomputed from the response itself, without the row.
 */
export function withVerificationAt(response: ResourceResponse, cutoffs: VerificationCutoffs): ResourceResponse {
  const v = response.verification;
  const safetyLine = isSafetyLine({ kind: response.kind, line_roles: response.lineRoles, demo: response.provenance.demo });
  const status = verificationStatus(v.lastVerifiedAt === null ? null : new Date(v.lastVerifiedAt), safetyLine, cutoffs);
  return status === v.status ? response : Object.freeze({ ...response, verification: { ...v, status } });
}

/** A copy of a mapped resource with its distance from the searched point (last, as the response lists it). */
export function mapResourceDistance(response: ResourceResponse, distanceMeters: number): ResourceResponse {
  return { ...response, distanceKm: distanceKm(distanceMeters) };
}

/** A distance as the API gives it: kilometres to one decimal. */
export function distanceKm(distanceMeters: number): number {
  return Math.round(distanceMeters / 100) / 10;
}

/** A resource with the ETag of its version (GET one and every curation write). */
export interface VersionedResource {
  resource: ResourceResponse;
  etag: string;
}

export function mapVersionedResource(row: ResourceRow, cutoffs: VerificationCutoffs): VersionedResource {
  return { resource: mapResource(row, cutoffs), etag: versionEtag(row.version) };
}
