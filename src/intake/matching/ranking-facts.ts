import { COUPLES_THERAPY_APPROACHES } from './help-type.js';
import { insuranceFit } from './insurance.js';
import type { IntakeProfile, MatchableResource } from './types.js';
import { CONCERN_SPECIALTIES, familySupportSpecialties } from './weights.js';

/**
 * What pre-selection (preselect.ts) knows of a candidate before reading it: the facts the
 * directory tests for every candidate at once, and the most favourable resource they allow.
 */

/** A property the directory can test for every candidate at once (the index's CandidateFact). */
export type ResourceFact =
  | {
      field: 'formats' | 'specialties' | 'approaches' | 'languages' | 'audiences' | 'accessibility' | 'availability' | 'feePeriod';
      value: string;
    }
  | { flag: 'jointSessions' | 'acceptingNewClients' | 'free' | 'slidingScale' | 'feeMinUnknown' }
  | { feeAtMost: number };

const PROGRAM_PERIODS = ['per_program', 'one_time'];
/** Payment options through which some plan type is accepted (insurance.ts): the most favourable resource lists them all. */
const PLAN_OPTIONS = ['insurance', 'medicaid', 'medicare', 'military', 'eap'];

/**
 * The facts the ranking of this intake reads, beyond the kind: every field scoreCandidate,
 * helpTypeFit and strongPreferencesMet look at, restricted to the values they look for.
 */
export function rankingFacts(profile: IntakeProfile): ResourceFact[] {
  const values = (field: Extract<ResourceFact, { field: string }>['field'], list: readonly string[]) =>
    [...new Set(list)].map((value) => ({ field, value }));
  const audiences = [...profile.audiences];
  if (profile.relationship === 'unmarried' || profile.relationship === 'engaged') audiences.push('unmarried_couples');
  const facts: ResourceFact[] = [
    ...values('formats', ['in_person', ...profile.formats]),
    ...values('specialties', [
      ...profile.concerns.flatMap((c) => (Object.hasOwn(CONCERN_SPECIALTIES, c) ? CONCERN_SPECIALTIES[c] : [])),
      'individual_support',
      'domestic_violence',
      ...familySupportSpecialties(profile.concerns),
    ]),
    // Discernment counseling, and the couples therapy approaches that tell discernment-only services apart (helpTypeFit).
    ...values('approaches', ['discernment_counseling', ...COUPLES_THERAPY_APPROACHES, ...profile.approaches]),
    ...values('languages', profile.languages),
    ...values('audiences', audiences),
    ...values('accessibility', profile.accessibility),
    ...values('availability', profile.availability),
    ...values('feePeriod', PROGRAM_PERIODS),
    { flag: 'jointSessions' },
    { flag: 'acceptingNewClients' },
    { flag: 'free' },
    { flag: 'slidingScale' },
    { flag: 'feeMinUnknown' },
  ];
  if (profile.budgetMinor !== undefined) facts.push({ feeAtMost: profile.budgetMinor });
  return facts;
}

/**
 * The most favourable resource with this kind and these facts: every fact the ranking reads is
 * as given (so fit, strong preferences and the directory rule are exact), the fee is the budget
 * or just above it (as within() sees the real one), and insurance is as good as any listing can be.
 */
export function favourableResource(
  profile: IntakeProfile,
  kind: string,
  facts: readonly ResourceFact[],
  holds: (k: number) => boolean,
): MatchableResource {
  const r: MatchableResource = {
    id: '',
    name: '',
    kind,
    status: 'active',
    demo: false,
    phone: null,
    formats: [],
    specialties: [],
    approaches: [],
    languages: [],
    audiences: [],
    accessibility: [],
    availability: [],
    paymentOptions: PLAN_OPTIONS,
    serviceAreas: [],
    credentials: [],
    eligibility: [],
    lineRoles: [],
    contactChannels: [],
    jointSessions: false,
    requiresSafeRelationship: false,
    notForCrisis: false,
    acceptingNewClients: false,
    waitTimeDays: null,
    cost: {
      free: false,
      slidingScale: false,
      feeMin: null,
      currency: 'USD',
      feePeriod: 'per_session',
      insuranceAccepted: true,
      insurers: [],
      noInsuranceNeeded: false,
    },
  };
  let feeUnknown = false;
  let withinBudget = false;
  facts.forEach((fact, k) => {
    if (!holds(k)) return;
    if ('flag' in fact) {
      if (fact.flag === 'jointSessions') r.jointSessions = true;
      else if (fact.flag === 'acceptingNewClients') r.acceptingNewClients = true;
      else if (fact.flag === 'free') r.cost.free = true;
      else if (fact.flag === 'slidingScale') r.cost.slidingScale = true;
      else feeUnknown = true;
    } else if ('feeAtMost' in fact) withinBudget = true;
    else if (fact.field === 'feePeriod') r.cost.feePeriod = fact.value;
    else r[fact.field].push(fact.value);
  });
  // within(): a known fee at most the budget is "fee", above it is false; the amount itself only shows in text.
  if (!feeUnknown) r.cost.feeMin = profile.budgetMinor === undefined ? 0 : withinBudget ? profile.budgetMinor : profile.budgetMinor + 1;
  if (profile.insurance && profile.insurance !== 'none') {
    // Listing the insurer asked for is accepted whenever a name can match at all; otherwise "ask" is the best there is.
    const listed = { ...r, cost: { ...r.cost, insurers: [profile.insurance] } };
    if (insuranceFit(profile.insurance, listed).status === 'accepted') r.cost.insurers = [profile.insurance];
  }
  return r;
}
