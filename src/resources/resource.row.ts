import type { ResourceTranslations } from './resource-texts.js';
import type { VerifiedBy } from './verification.js';

/** A way to reach a service besides its main phone: a text keyword, a chat page, TTY, videophone, relay. */
export interface ContactChannel {
  type: 'call' | 'text' | 'chat' | 'tty' | 'videophone' | 'relay';
  /** A number as dialled in the country, or an https URL (chat, or a videophone answered from a web page). */
  value: string;
  /** For text: the word to send (e.g. START). */
  keyword?: string;
}

/**
 * The resource table's own columns that a write stores as given (not derived, not keys or
 * timestamps): the write path binds them from ResourceWrite (resource-write.sql.ts) and the
 * index's row store keeps them (directory-index/row-store.ts). One list, so both stay in step.
 */
export const RESOURCE_FACT_COLUMNS = [
  'slug',
  'name',
  'description',
  'url',
  'phone',
  'email',
  'kind',
  'formats',
  'free',
  'sliding_scale',
  'fee_min',
  'fee_max',
  'currency',
  'fee_period',
  'insurance_accepted',
  'insurers',
  'no_insurance_needed',
  'cost_notes',
  'specialties',
  'approaches',
  'languages',
  'audiences',
  'credentials',
  'payment_options',
  'service_areas',
  'accepting_new_clients',
  'wait_time_days',
  'availability',
  'joint_sessions',
  'requires_safe_relationship',
  'not_for_crisis',
  'eligibility',
  'line_roles',
  'contact_channels',
  'accessibility',
  'translations',
  'demo',
  'source_url',
  'last_verified_at',
  'status',
] as const satisfies readonly (keyof ResourceRow)[];
export type ResourceFactColumn = (typeof RESOURCE_FACT_COLUMNS)[number];

/** A resource row as the directory queries return it (snake_case, straight from SQL). */
export interface ResourceRow {
  id: string;
  slug: string;
  name: string;
  description: string;
  url: string | null;
  phone: string | null;
  email: string | null;
  kind: string;
  formats: string[];
  free: boolean;
  sliding_scale: boolean;
  fee_min: number | null;
  fee_max: number | null;
  currency: string;
  fee_period: string;
  insurance_accepted: boolean;
  insurers: string[];
  no_insurance_needed: boolean;
  cost_notes: string | null;
  specialties: string[];
  approaches: string[];
  languages: string[];
  audiences: string[];
  accessibility: string[];
  credentials: string[];
  payment_options: string[];
  service_areas: string[];
  accepting_new_clients: boolean;
  wait_time_days: number | null;
  availability: string[];
  joint_sessions: boolean;
  requires_safe_relationship: boolean;
  not_for_crisis: boolean;
  eligibility: string[];
  line_roles: string[];
  contact_channels: ContactChannel[];
  /** Name, description and cost notes in other languages (resource-texts.ts). */
  translations: ResourceTranslations;
  demo: boolean;
  source_url: string | null;
  last_verified_at: Date | null;
  /** Who last verified it (null when never verified). */
  verified_by: VerifiedBy | null;
  /** A safety line held back from safety lists by reports from the field until a curator reviews them. */
  safety_suspended: boolean;
  status: 'active' | 'inactive';
  version: number;
  created_at: Date;
  updated_at: Date;
  organization_name: string;
  organization_website: string | null;
  locations: LocationRow[];
}

export interface LocationRow {
  address: string | null;
  city: string;
  region: string;
  postalCode: string | null;
  country: string;
  latitude: number;
  longitude: number;
}

/** What a referral to a resource depends on: whether it is active, what it is for, and its capacity now. */
export interface ResourceReferralFacts {
  status: ResourceRow['status'];
  kind: string;
  eligibility: string[];
  specialties: string[];
  requiresSafeRelationship: boolean;
  notForCrisis: boolean;
  acceptingNewClients: boolean;
  waitTimeDays: number | null;
}

/** What the write path needs to store one resource (camelCase, validated upstream). */
export interface ResourceWrite {
  slug: string;
  name: string;
  description: string;
  organizationName: string;
  organizationWebsite?: string;
  url?: string;
  phone?: string;
  email?: string;
  kind: string;
  formats: string[];
  free: boolean;
  slidingScale: boolean;
  feeMin?: number;
  feeMax?: number;
  currency: string;
  feePeriod: string;
  insuranceAccepted: boolean;
  insurers: string[];
  noInsuranceNeeded: boolean;
  costNotes?: string;
  specialties: string[];
  approaches: string[];
  languages: string[];
  audiences: string[];
  /** Listed codes plus those the channels state (withDerivedAccessibility). */
  accessibility: string[];
  credentials: string[];
  paymentOptions: string[];
  serviceAreas: string[];
  locations: (Omit<LocationRow, 'address' | 'postalCode'> & { address?: string | null; postalCode?: string | null })[];
  acceptingNewClients: boolean;
  waitTimeDays?: number;
  availability: string[];
  jointSessions: boolean;
  requiresSafeRelationship: boolean;
  notForCrisis: boolean;
  eligibility: string[];
  lineRoles: string[];
  contactChannels: ContactChannel[];
  translations: ResourceTranslations;
  demo: boolean;
  sourceUrl?: string;
  lastVerifiedAt?: string | Date;
  /** Who verified it at lastVerifiedAt; unset: a curator (seeds, curation), imports say `import`. Ignored without lastVerifiedAt. */
  verifiedBy?: VerifiedBy;
  status: 'active' | 'inactive';
  /** Organization name and taxonomy labels, indexed with weight B (see search-keywords.ts). */
  searchKeywords: string;
}
