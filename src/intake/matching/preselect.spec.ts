import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';

import { subsetOf } from '../../../test/support/arbitraries.js';
import { type CandidatePool, countByFacts, rankingFacts, rankPool, type ResourceFact } from './preselect.js';
import { FITS_HELP, helpTypeFit, rankCandidates, within } from './rank.js';
import type { Candidate, HelpType, IntakeProfile, MatchableResource } from './types.js';

/** What the index's bitmaps say (DirectoryIndex.factSlots), on the engine's model of a resource. */
function holds(r: MatchableResource, fact: ResourceFact): boolean {
  if ('flag' in fact) {
    if (fact.flag === 'free') return r.cost.free;
    if (fact.flag === 'slidingScale') return r.cost.slidingScale;
    if (fact.flag === 'feeMinUnknown') return r.cost.feeMin === null;
    return r[fact.flag];
  }
  if ('feeAtMost' in fact) return r.cost.feeMin !== null && r.cost.feeMin <= fact.feeAtMost;
  if (fact.field === 'feePeriod') return r.cost.feePeriod === fact.value;
  return r[fact.field].includes(fact.value);
}

/** A pool over candidates held in memory, counting reads. */
function poolOf(candidates: Candidate[], facts: ResourceFact[]): CandidatePool<Candidate> & { reads: number } {
  const words = new Uint32Array(candidates.length * 2);
  candidates.forEach((c, i) =>
    facts.forEach((fact, k) => {
      if (holds(c.resource, fact)) words[i * 2 + (k >>> 5)] |= 1 << (k & 31);
    }),
  );
  const pool = {
    reads: 0,
    size: candidates.length,
    kinds: candidates.map((c) => c.resource.kind),
    facts: words,
    id: (i: number) => candidates[i].resource.id,
    name: (i: number) => candidates[i].resource.name,
    distances: Float64Array.from(candidates, (c) => c.distanceMeters ?? NaN),
    read: (i: number) => {
      pool.reads++;
      return candidates[i];
    },
  };
  return pool;
}

const KINDS = ['practice', 'clinic', 'online_service', 'workshop', 'self_guided', 'support_group', 'directory'];
const SPECIALTIES = [
  'infidelity',
  'trust_rebuilding',
  'communication',
  'financial_conflict',
  'substance_use',
  'gambling',
  'individual_support',
  'domestic_violence',
];

const resourceArb = (id: number): fc.Arbitrary<MatchableResource> =>
  fc.record({
    id: fc.constant(`00000000-0000-4000-8000-${String(id).padStart(12, '0')}`),
    // Few names: ties on everything but the name and id are common, as in templated data.
    name: fc.constantFrom('Alder Counseling', 'Birch Clinic', 'alder counseling', 'Cedar Couples'),
    kind: fc.constantFrom(...KINDS),
    status: fc.constant('active'),
    // Stale listings lose score (STALE_PENALTY): the index reports no fact for it, so every bound
    // assumes a current listing, and must still be exact.
    freshness: fc.record({
      status: fc.constantFrom('current', 'due', 'stale', 'stale'),
      checkedDaysAgo: fc.option(fc.integer({ min: 0, max: 900 }), { nil: null }),
    }),
    demo: fc.boolean(),
    phone: fc.constant(null),
    formats: subsetOf(['in_person', 'video', 'phone', 'chat']),
    specialties: subsetOf(SPECIALTIES),
    // Discernment-only services (discernment, no couples therapy approach) are told apart by facts too.
    approaches: subsetOf(['gottman', 'eft', 'imago', 'solution_focused', 'discernment_counseling']),
    languages: subsetOf(['en', 'es', 'zh']),
    audiences: subsetOf(['lgbtq_affirming', 'deaf_hard_of_hearing', 'unmarried_couples', 'veterans']),
    accessibility: subsetOf(['asl', 'videophone', 'captioning', 'wheelchair_access', 'interpreter_on_request']),
    availability: subsetOf(['evenings', 'weekends']),
    paymentOptions: subsetOf(['insurance', 'medicaid', 'medicare', 'military', 'eap', 'cash']),
    serviceAreas: fc.constantFrom(['US-OH'], ['US'], []),
    credentials: subsetOf(['licensed_clinician', 'supervised_trainee']),
    eligibility: fc.constantFrom([], ['women_only']),
    lineRoles: fc.constant([]),
    contactChannels: fc.constant([]),
    jointSessions: fc.boolean(),
    requiresSafeRelationship: fc.boolean(),
    notForCrisis: fc.boolean(),
    acceptingNewClients: fc.boolean(),
    waitTimeDays: fc.option(fc.integer({ min: 1, max: 90 }), { nil: null }),
    cost: fc.record({
      free: fc.boolean(),
      slidingScale: fc.boolean(),
      feeMin: fc.option(fc.constantFrom(0, 5000, 9000, 15000, 30000), { nil: null }),
      currency: fc.constant('USD'),
      feePeriod: fc.constantFrom('per_session', 'per_session', 'per_program', 'one_time', 'per_week'),
      insuranceAccepted: fc.boolean(),
      insurers: subsetOf(['Aetna', 'Blue Cross Blue Shield', 'Medicaid', 'Covered California', 'Cigna']),
      noInsuranceNeeded: fc.boolean(),
    }),
  });

const candidatesArb = fc
  .integer({ min: 0, max: 60 })
  .chain((n) =>
    fc.tuple(
      ...Array.from({ length: n }, (_, i) => fc.tuple(resourceArb(i), fc.option(fc.integer({ min: 0, max: 12_000 }), { nil: undefined }))),
    ),
  )
  .map((pairs) => pairs.map(([resource, distanceMeters]): Candidate => ({ resource, distanceMeters })));

const profileArb: fc.Arbitrary<IntakeProfile> = fc.record({
  concerns: fc.subarray(
    ['infidelity', 'lying', 'financial_secrecy', 'hidden_substance_use', 'gambling', 'communication_breakdown'] as const,
    {
      minLength: 1,
    },
  ),
  willingness: fc.constant('both' as const),
  safety: fc.constant({}),
  relationship: fc.option(fc.constantFrom('married' as const, 'unmarried' as const, 'engaged' as const), { nil: undefined }),
  region: fc.option(fc.constant('US-OH'), { nil: undefined }),
  country: fc.constant('US'),
  maxTravelKm: fc.constantFrom(10, 40, 100),
  formats: subsetOf(['in_person', 'video', 'phone']),
  languages: subsetOf(['en', 'es']),
  budgetMinor: fc.option(fc.constantFrom(0, 9000, 20000), { nil: undefined }),
  insurance: fc.option(fc.constantFrom('aetna', 'medicaid', 'none', 'marketplace plan', 'insurance plan', 'kaiser'), { nil: undefined }),
  approaches: subsetOf(['gottman', 'discernment_counseling']),
  audiences: subsetOf(['lgbtq_affirming', 'deaf_hard_of_hearing', 'veterans']),
  accessibility: subsetOf(['asl', 'captioning', 'wheelchair_access']),
  availability: subsetOf(['evenings']),
});

const helpArb = fc.constantFrom<HelpType>('couples_counseling', 'discernment_counseling', 'individual_counseling', 'safety_first');

describe('rankPool: every candidate ranked, only the ones that can reach the top read', () => {
  it('equals rankCandidates over every kept candidate (random directories, intakes and filters)', () => {
    fc.assert(
      fc.property(
        candidatesArb,
        profileArb,
        helpArb,
        fc.integer({ min: 1, max: 12 }),
        fc.boolean(),
        (candidates, profile, help, limit, filter) => {
          const keep = (c: Candidate) => !filter || !c.resource.requiresSafeRelationship;
          const facts = rankingFacts(profile);
          const pool = poolOf(candidates, facts);
          const { matches, read } = rankPool(profile, help, pool, facts, limit, keep);
          expect(matches).toEqual(rankCandidates(profile, help, candidates.filter(keep), limit));
          for (const m of matches) expect(read.map((c) => c.resource.id)).toContain(m.resource.id);
        },
      ),
      { numRuns: 400, seed: 14 },
    );
  });

  it('reads few candidates of a large pool', () => {
    const [candidates] = fc.sample(
      fc.tuple(...Array.from({ length: 3000 }, (_, i) => resourceArb(i))).map((rs) => rs.map((resource) => ({ resource }))),
      { numRuns: 1, seed: 7 },
    );
    const [profile] = fc.sample(profileArb, { numRuns: 1, seed: 7 });
    const facts = rankingFacts(profile);
    const pool = poolOf(candidates, facts);
    const { matches } = rankPool(profile, 'couples_counseling', pool, facts, 10, () => true);
    expect(matches).toEqual(rankCandidates(profile, 'couples_counseling', candidates, 10));
    expect(pool.reads).toBeLessThan(300);
  });

  it('counts fitting candidates from the facts alone, exactly', () => {
    fc.assert(
      fc.property(candidatesArb, profileArb, helpArb, fc.boolean(), (candidates, profile, help, slidingAbove) => {
        const test = (r: MatchableResource) =>
          helpTypeFit(r, help, profile.concerns).fit >= FITS_HELP &&
          (profile.budgetMinor === undefined || within(r, profile.budgetMinor) !== false || (slidingAbove && r.cost.slidingScale));
        const facts = rankingFacts(profile);
        const pool = poolOf(candidates, facts);
        expect(countByFacts(profile, help, pool, facts, test, Infinity)).toBe(candidates.filter((c) => test(c.resource)).length);
        expect(pool.reads).toBe(0);
      }),
      { numRuns: 300, seed: 15 },
    );
  });
});
