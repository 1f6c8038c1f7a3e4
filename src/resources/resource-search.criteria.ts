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
