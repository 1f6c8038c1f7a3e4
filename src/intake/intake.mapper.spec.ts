import { describe, expect, it } from '@jest/globals';

import { exampleResource } from '../resources/dto/resource.examples.js';
import { toCandidateCriteria, toMatchable } from './intake.mapper.js';
import type { CandidateConstraints } from './matching/constraints.js';

describe('intake mappers', () => {
  it("give the engine the safety flags, capacity and provenance of a resource under the engine's names", () => {
    const shown = exampleResource({
      safeRelationshipsOnly: true,
      notForCrisis: false,
      capacity: { acceptingNewClients: false, waitTimeDays: 21 },
      provenance: { sourceUrl: null, lastVerifiedAt: '2025-11-20T00:00:00.000Z', demo: true },
      verification: { lastVerifiedAt: '2025-11-20T00:00:00.000Z', verifiedBy: 'curator', status: 'stale', reportedNotWorking: false },
      cost: { ...exampleResource().cost, slidingScale: true, feeMin: 5000, insurers: ['Aetna'], noInsuranceNeeded: false },
    });
    expect(toMatchable(shown, new Date('2026-12-01T12:00:00Z'))).toMatchObject({
      freshness: { status: 'stale', checkedDaysAgo: 376 },
      requiresSafeRelationship: true,
      notForCrisis: false,
      acceptingNewClients: false,
      waitTimeDays: 21,
      demo: true,
      cost: { slidingScale: true, feeMin: 5000, insuranceAccepted: true, insurers: ['Aetna'], noInsuranceNeeded: false },
    });
  });

  it('give the directory a radius in metres and a budget only when there is one', () => {
    const constraints = {
      kinds: ['practice'],
      radiusKm: 40,
      inPersonAllowed: true,
      remoteFormats: [],
      allowSlidingAboveBudget: true,
      insuranceGiven: false,
      excludeSafeRelationshipsOnly: true,
      jointWorkExcluded: false,
      excludeNotForCrisis: false,
      excludeEligibility: [],
      preferKinds: [],
      preferSpecialties: [],
      languages: [],
    } satisfies CandidateConstraints;
    expect(toCandidateCriteria(constraints)).toMatchObject({
      radiusMeters: 40_000,
      budget: undefined,
      excludeRequiresSafeRelationship: true,
    });
    expect(toCandidateCriteria({ ...constraints, budgetMinor: 0 }).budget).toEqual({
      maxFeeMinor: 0,
      slidingScaleAboveBudget: true,
      insuranceAccepted: false,
    });
  });
});
