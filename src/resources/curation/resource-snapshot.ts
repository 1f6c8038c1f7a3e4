import type { ResourceResponse } from '../dto/resource.response.js';
import type { LocationRow, ResourceWrite } from '../resource.row.js';
import { normalizeTranslations, type ResourceTranslations, STORED_TEXT_LOCALE } from '../resource-texts.js';
import type { VerificationStatus, VerifiedBy } from '../verification.js';

/** The code lists a snapshot keeps as the write shape has them, in the response's key order. */
const TAXONOMY_LISTS = ['specialties', 'approaches', 'languages', 'audiences', 'credentials', 'paymentOptions'] as const;
type TaxonomyLists = (typeof TAXONOMY_LISTS)[number];

/**
 * A resource as the audit log stores it (resource_audit.before / after, jsonb): the resource as
 * the API showed it at the time of the change. Its own type, not the response DTO: entries outlive
 * changes to the API, so the stored shape is fixed here and mapped explicitly both ways. Fields
 * added after the log began are optional: entries written before them lack them, and read with
 * the default their column was given when it was added (what the resource then had).
 */
export interface ResourceSnapshot extends Pick<ResourceWrite, TaxonomyLists> {
  id: string;
  slug: string;
  name: string;
  description: string;
  organization: { name: string; website: string | null };
  url: string | null;
  phone: string | null;
  email: string | null;
  kind: string;
  formats: string[];
  cost: {
    free: boolean;
    slidingScale: boolean;
    feeMin: number | null;
    feeMax: number | null;
    currency: string;
    /** Since migration 1796200000000 (default per_session). */
    feePeriod?: string;
    insuranceAccepted: boolean;
    insurers: string[];
    noInsuranceNeeded: boolean;
    notes: string | null;
  };
  locations: SnapshotLocation[];
  serviceAreas: string[];
  capacity: { acceptingNewClients: boolean; waitTimeDays: number | null };
  availability: string[];
  jointSessions: boolean;
  safeRelationshipsOnly: boolean;
  // Since migration 1796100000000 (defaults false, [], [], []).
  notForCrisis?: boolean;
  eligibility?: string[];
  lineRoles?: string[];
  contactChannels?: SnapshotContactChannel[];
  /** Since migration 1796500000000 (default []). */
  accessibility?: string[];
  provenance: { sourceUrl: string | null; lastVerifiedAt: string | null; demo: boolean };
  /** Since migration 1796700000000 (default {}); the texts above are the stored English. */
  translations?: ResourceTranslations;
  /** Since migration 1796600000000: as shown at the time of the change (status included). */
  verification?: SnapshotVerification;
  status: string;
  createdAt: string;
  updatedAt: string;
}

interface SnapshotVerification {
  lastVerifiedAt: string | null;
  verifiedBy: VerifiedBy | null;
  status: VerificationStatus;
  /** Absent from snapshots written before reports from the field could suspend a line. */
  reportedNotWorking?: boolean;
}

/** The location shape resource rows store too (resource_location, as the search query aggregates it). */
type SnapshotLocation = LocationRow;

interface SnapshotContactChannel {
  type: ResourceResponse['contactChannels'][number]['type'];
  value: string;
  keyword?: string;
}

/** What the audit log keeps of a resource as shown. */
export function toSnapshot(r: ResourceResponse): ResourceSnapshot {
  return copyResource(r, r.verification);
}

/**
 * A stored snapshot in the response shape (ResourceAuditEntryResponse.before / after).
 * `verificationThen` gives what entries older than the verification field showed (computed from
 * the snapshot as it was at the time of the entry).
 */
export function snapshotToResponse(s: ResourceSnapshot, verificationThen: (s: ResourceSnapshot) => SnapshotVerification): ResourceResponse {
  return copyResource(s, s.verification ?? verificationThen(s));
}

/**
 * One copy for both directions: a response always has every field, so the defaults for fields
 * older snapshots lack only ever apply when reading the log back.
 */
function copyResource(s: ResourceSnapshot, verification: SnapshotVerification): ResourceResponse {
  return {
    id: s.id,
    slug: s.slug,
    name: s.name,
    nameLang: STORED_TEXT_LOCALE,
    description: s.description,
    descriptionLang: STORED_TEXT_LOCALE,
    organization: { name: s.organization.name, website: s.organization.website },
    url: s.url,
    phone: s.phone,
    email: s.email,
    kind: s.kind,
    formats: s.formats,
    cost: {
      ...pick(s.cost, ['free', 'slidingScale', 'feeMin', 'feeMax', 'currency']),
      feePeriod: s.cost.feePeriod ?? 'per_session',
      ...pick(s.cost, ['insuranceAccepted', 'insurers', 'noInsuranceNeeded', 'notes']),
      notesLang: s.cost.notes === null ? null : STORED_TEXT_LOCALE,
    },
    ...pick(s, TAXONOMY_LISTS),
    accessibility: s.accessibility ?? [],
    locations: s.locations.map((l) => pick(l, LOCATION_FIELDS)),
    serviceAreas: s.serviceAreas,
    capacity: { acceptingNewClients: s.capacity.acceptingNewClients, waitTimeDays: s.capacity.waitTimeDays },
    availability: s.availability,
    jointSessions: s.jointSessions,
    safeRelationshipsOnly: s.safeRelationshipsOnly,
    notForCrisis: s.notForCrisis ?? false,
    eligibility: s.eligibility ?? [],
    lineRoles: s.lineRoles ?? [],
    contactChannels: (s.contactChannels ?? []).map(copyChannel),
    translations: normalizeTranslations(s.translations),
    provenance: { sourceUrl: s.provenance.sourceUrl, lastVerifiedAt: s.provenance.lastVerifiedAt, demo: s.provenance.demo },
    verification: {
      lastVerifiedAt: verification.lastVerifiedAt,
      verifiedBy: verification.verifiedBy,
      status: verification.status,
      reportedNotWorking: verification.reportedNotWorking ?? false,
    },
    status: s.status,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
  };
}

// Copied field by field, not spread: a change to either shape is then a change here, never a
// silent one, and the response keeps its key order whatever order jsonb gave the stored keys.
const LOCATION_FIELDS = ['address', 'city', 'region', 'postalCode', 'country', 'latitude', 'longitude'] as const;

function pick<T, K extends keyof T>(from: T, keys: readonly K[]): Pick<T, K> {
  const picked = {} as Pick<T, K>;
  for (const key of keys) picked[key] = from[key];
  return picked;
}

function copyChannel(c: SnapshotContactChannel): SnapshotContactChannel {
  return c.keyword === undefined ? { type: c.type, value: c.value } : { type: c.type, value: c.value, keyword: c.keyword };
}
