/**
 * What the matching engine asks the directory for (intake maps its CandidateConstraints to it):
 * active resources that meet every hard filter and can reach the couple, every one of them.
 * Hotlines are never candidates (they are safety lines). Answered from the directory index
 * (DirectoryIndex.candidates, which reads these criteria as they are); candidate-search.sql.ts is
 * the previous SQL path, kept for benchmarks and as the reference the index is proved against.
 */
export interface CandidateCriteria {
  kinds: string[];
  /** When set, a candidate has one of these specialties ([] matches nothing, as in SQL). */
  specialtiesAny?: string[];
  /** Leave out providers that are only for relationships without abuse. */
  excludeRequiresSafeRelationship: boolean;
  /** Leave out providers that say they are not for people in an acute crisis. */
  excludeNotForCrisis: boolean;
  /** Leave out resources with any of these eligibility codes (who they are ONLY for). */
  excludeEligibility: string[];
  /** Only resources with this eligibility code. */
  requireEligibility?: string;
  /** A per-session budget (minor units) and what else counts as within it. */
  budget?: {
    maxFeeMinor: number;
    /** Sliding-scale providers whose listed minimum is above the budget count too. */
    slidingScaleAboveBudget: boolean;
    /** An insurer was named: providers that take insurance are not cut by the budget. */
    insuranceAccepted: boolean;
  };
  /** At least one of these languages; [] = any. */
  languages: string[];
  /** Where the couple is: in-person help within radiusMeters of the point, or in the region when there is no point. */
  point?: { lat: number; lng: number };
  radiusMeters: number;
  inPerson: boolean;
  /** Remote formats that count, from services licensed for the region or country; [] = none. */
  remoteFormats: string[];
  region?: string;
  country?: string;
  /** Among equally reachable candidates: these kinds first, then these specialties, then accepting new clients. */
  preferKinds: string[];
  preferSpecialties: string[];
  /** The previous SQL path only (candidate-search.sql.ts): at most this many, the first in that order; absent = all. */
  limit?: number;
}

/**
 * Every candidate of an intake, by position: its kind, name, distance and a bit per fact asked
 * for. The matching engine's CandidatePool (intake/matching/preselect.ts) is this plus `read`.
 */
export interface CandidateFacts {
  readonly size: number;
  readonly kinds: readonly string[];
  /** Two words per candidate: bit k (of word k >> 5) is set when the k-th fact holds for it. */
  readonly facts: Uint32Array;
  id(i: number): string;
  name(i: number): string;
  /** Per candidate, metres to its nearest location within the search box; NaN when it has none (not searched near a point, or far). */
  readonly distances: Float64Array;
}
