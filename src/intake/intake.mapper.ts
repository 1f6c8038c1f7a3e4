import type { CandidateCriteria } from '../resources/candidate-criteria.js';
import type { CandidateConstraints } from './matching/constraints.js';

/** The engine's hard constraints as the directory's candidate criteria (units and names of the directory). */
export function toCandidateCriteria(c: CandidateConstraints): CandidateCriteria {
  return {
    kinds: c.kinds,
    specialtiesAny: c.specialtiesAny,
    excludeRequiresSafeRelationship: c.excludeSafeRelationshipsOnly,
    excludeNotForCrisis: c.excludeNotForCrisis,
    excludeEligibility: c.excludeEligibility,
    requireEligibility: c.requireEligibility,
    budget: c.budgetMinor === undefined
      ? undefined
      : { maxFeeMinor: c.budgetMinor, slidingScaleAboveBudget: c.allowSlidingAboveBudget, insuranceAccepted: c.insuranceGiven },
    languages: c.languages,
    point: c.point,
    radiusMeters: c.radiusKm * 1000,
    inPerson: c.inPersonAllowed,
    remoteFormats: c.remoteFormats,
    region: c.region,
    country: c.country,
    preferKinds: c.preferKinds,
    preferSpecialties: c.preferSpecialties,
    limit: c.limit,
  };
}
