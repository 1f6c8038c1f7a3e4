import type { FacetField, SortOrder } from './dto/search-resources.query.js';

/** Normalised search input for the repository: units converted, place resolved, text parsed. */
export interface ResourceSearchCriteria {
  /** A to_tsquery('english', …) expression built from sanitised words (see search-synonyms.ts). */
  tsQuery?: string;
  kinds?: string[];
  formats?: string[];
  specialties?: string[];
  approaches?: string[];
  languages?: string[];
  audiences?: string[];
  /** Every one of these codes (all of them, unlike the other lists). */
  accessibility?: string[];
  /** Only resources with one of these eligibility codes; without it, programs for people who use abuse are left out. */
  eligibility?: string[];
  credentials?: string[];
  paymentOptions?: string[];
  availability?: string[];
  free?: boolean;
  slidingScale?: boolean;
  /** Budget per session in minor units. */
  maxFeeMinor?: number;
  /** Lower-cased insurer name. */
  insurerKey?: string;
  noInsuranceNeeded?: boolean;
  acceptingNewClients?: boolean;
  jointSessions?: boolean;
  /** Region code (or a country) and the country it belongs to. */
  serves?: { region: string; country: string };
  near?: { lat: number; lng: number; radiusMeters: number };
  /** Limit results to these ids (used by intake matching). */
  ids?: string[];
}

type Entries<T> = { [K in keyof T]: [K, T[K]] }[keyof T][];
const entries = <T extends object>(table: T) => Object.entries(table) as Entries<T>;

/**
 * List criteria that match a resource sharing any value with the column: `&&` on GIN-indexed
 * arrays in SQL (filtered() in resource-search.sql.ts), a union of the column's value bitmaps in
 * the directory index. Not `kinds` (one value per resource) nor `accessibility` (every code).
 */
export const OVERLAP_FILTERS = entries({
  formats: 'formats',
  specialties: 'specialties',
  approaches: 'approaches',
  languages: 'languages',
  audiences: 'audiences',
  eligibility: 'eligibility',
  credentials: 'credentials',
  paymentOptions: 'payment_options',
  availability: 'availability',
} as const satisfies Partial<Record<keyof ResourceSearchCriteria, string>>);

/** Yes/no criteria that match the boolean column exactly (the directory index keeps a flag under the criterion's name). */
export const EQUALS_FILTERS = entries({
  free: 'free',
  slidingScale: 'sliding_scale',
  noInsuranceNeeded: 'no_insurance_needed',
  acceptingNewClients: 'accepting_new_clients',
  jointSessions: 'joint_sessions',
} as const satisfies Partial<Record<keyof ResourceSearchCriteria, string>>);

export interface SearchPage {
  sort: SortOrder;
  limit: number;
  after?: { key: number | string; id: string };
}

export interface FacetCount {
  facet: FacetField;
  value: string;
  count: number;
}
