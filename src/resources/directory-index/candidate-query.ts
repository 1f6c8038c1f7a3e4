/**
 * The hard constraints of an intake's candidate search, field for field those of
 * CandidateConstraints (src/intake/matching/constraints.ts) that IntakeRepository.findCandidates
 * reads, less `limit`: the index returns every eligible resource, and `best(n)` takes the first n.
 * Declared here so the index does not depend on the intake module; a CandidateConstraints value
 * is a CandidateQuery (checked in directory-index.postgres.spec.ts).
 */
export interface CandidateQuery {
  kinds: string[];
  /** When set, a candidate must have one of these specialties ([] matches nothing, as in SQL). */
  specialtiesAny?: string[];
  point?: { lat: number; lng: number };
  radiusKm: number;
  inPersonAllowed: boolean;
  /** Remote formats acceptable; [] = none. */
  remoteFormats: string[];
  region?: string;
  country?: string;
  budgetMinor?: number;
  allowSlidingAboveBudget: boolean;
  insuranceGiven: boolean;
  excludeSafeRelationshipsOnly: boolean;
  excludeNotForCrisis: boolean;
  excludeEligibility: string[];
  requireEligibility?: string;
  preferKinds: string[];
  preferSpecialties: string[];
  /** [] = any language. */
  languages: string[];
}

export interface CandidateHit {
  id: string;
  /** Metres to the nearest location inside the search box around the point; null when not near. */
  distanceM: number | null;
}

/** Every resource that meets an intake's hard constraints. */
export interface CandidateSet {
  readonly size: number;
  has(id: string): boolean;
  /** Distance as findCandidates reports it, or null (also for an id not in the set). */
  distanceM(id: string): number | null;
  /** Every candidate, in no particular order. */
  ids(): string[];
  /** @internal Every candidate's slot, ascending (intake's pre-selection reads facts by slot). */
  slots(): Uint32Array;
  /** @internal The distance of each of these slots (ascending) as distanceM gives it, NaN for null: one merge walk. */
  distancesAt(slots: Uint32Array): Float64Array;
  /**
   * The first `n` candidates: nearest first (the ones with a distance), then by fit — a preferred
   * kind, then a preferred specialty — then accepting new clients, then id.
   */
  best(n: number): CandidateHit[];
}

/** Fields whose values the index holds as bitmaps, in intake's terms (MatchableResource). */
export type CandidateFactField =
  'kind' | 'formats' | 'specialties' | 'approaches' | 'languages' | 'audiences' | 'accessibility' | 'availability' | 'feePeriod';

/**
 * A property the index tests for every candidate at once, from its bitmaps: a value of a field,
 * a yes/no property, or a known fee_min at most `feeAtMost` (minor units). Intake's pre-selection
 * asks for the facts its ranking reads (src/intake/matching/preselect.ts).
 */
export type CandidateFact =
  | { field: CandidateFactField; value: string }
  | { flag: 'jointSessions' | 'acceptingNewClients' | 'free' | 'slidingScale' | 'feeMinUnknown' }
  | { feeAtMost: number };
