/** The index answers the directory's CandidateCriteria (../candidate-criteria.ts) with these. */
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
