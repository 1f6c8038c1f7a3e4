import { type Message, msg } from '../../common/i18n/message.js';
import { ELIGIBILITY } from '../../taxonomy/taxonomy.js';
import { insuranceFit } from './insurance.js';
import type { SafetyAssessment } from './safety.js';
import { isEligible } from './safety-lines.js';
import type { Candidate, HelpType, IntakeProfile, MatchableResource } from './types.js';
import { CONCERN_SPECIALTIES, familySupportSpecialties } from './weights.js';
import { languageNames, placeName } from './words.js';

export const REMOTE_FORMATS = ['video', 'phone', 'chat'];

/** The hard filters of the candidate query (the directory's CandidateCriteria, mapped in intake.mapper.ts). */
export interface CandidateConstraints {
  kinds: string[];
  /** When set, a candidate must have one of these specialties. */
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
  /** The couple named an insurer or plan: providers that take insurance are not cut by the budget. */
  insuranceGiven: boolean;
  /** Exclude providers that are only for relationships without abuse. */
  excludeSafeRelationshipsOnly: boolean;
  /** A safety answer ruled joint work out (self-guided couples programs are joint work too). */
  jointWorkExcluded: boolean;
  /** Exclude providers that say they are not for people in an acute crisis. */
  excludeNotForCrisis: boolean;
  /** Exclude resources with any of these eligibility codes (who they are ONLY for). */
  excludeEligibility: string[];
  /** Only resources with this eligibility (the separate heading for a partner who uses abuse). */
  requireEligibility?: string;
  /**
   * The fit order among equally reachable candidates (these kinds first, then these specialties,
   * then accepting new clients): the previous SQL path chose its pool of 300 by it; the index ranks
   * every candidate, and keeps it for CandidateSet.best().
   */
  preferKinds: string[];
  preferSpecialties: string[];
  /** [] = any language. */
  languages: string[];
}

/**
 * Eligibility codes the couple does not meet. Programs for people who use abuse are never a
 * match: they appear only under their own heading (accountabilityConstraints).
 */
export function ineligibleCodes(profile: Pick<IntakeProfile, 'audiences' | 'relationship'>): string[] {
  return ELIGIBILITY.codes.filter(
    (code) => code === 'people_who_use_abuse' || !isEligible({ eligibility: [code] }, profile.audiences, profile.relationship),
  );
}

/** Which resources can deliver the recommended help. Safety cases never get joint work. */
export function initialConstraints(profile: IntakeProfile, help: HelpType, safety: SafetyAssessment): CandidateConstraints {
  const wantsAny = profile.formats.length === 0;
  // Not screened, or control among the concerns (the form may have been filled by the controlling
  // partner): no intensives and nothing that is only for relationships without abuse.
  const cautious = needsCaution(profile, safety);
  const base: CandidateConstraints = {
    kinds: ['practice', 'clinic', 'online_service', 'workshop', 'self_guided', 'support_group', 'directory'],
    point: profile.point,
    radiusKm: profile.maxTravelKm,
    inPersonAllowed: wantsAny || profile.formats.includes('in_person'),
    remoteFormats: wantsAny ? REMOTE_FORMATS : profile.formats.filter((f) => REMOTE_FORMATS.includes(f)),
    region: profile.region,
    country: profile.country,
    budgetMinor: profile.budgetMinor,
    allowSlidingAboveBudget: false,
    insuranceGiven: !!profile.insurance && profile.insurance !== 'none',
    excludeSafeRelationshipsOnly: safety.jointWorkExcluded || cautious,
    jointWorkExcluded: safety.jointWorkExcluded,
    excludeNotForCrisis: safety.jointWorkExcluded,
    excludeEligibility: ineligibleCodes(profile),
    languages: profile.languages,
    preferKinds:
      help === 'couples_counseling' || help === 'discernment_counseling'
        ? ['practice', 'clinic', 'online_service']
        : ['practice', 'clinic', 'online_service', 'support_group'],
    preferSpecialties: [
      ...profile.concerns.flatMap((c) => CONCERN_SPECIALTIES[c] ?? []),
      ...(help === 'individual_counseling' || help === 'safety_first' ? ['individual_support', 'domestic_violence'] : []),
    ],
  };
  if (safety.ownBehaviour) {
    // Individual counseling for the person worried about their own behaviour: no joint work, and no
    // peer groups (services for people harmed by a partner are left out by the service's keep rule).
    return { ...base, kinds: ['practice', 'clinic', 'online_service'], specialtiesAny: ['individual_support'] };
  }
  if (safety.couplesCounselingContraindicated) {
    // Individual help and DV specialists only: no workshops, intensives or joint programs.
    return {
      ...base,
      kinds: ['practice', 'clinic', 'online_service', 'support_group'],
      specialtiesAny: ['individual_support', 'domestic_violence'],
    };
  }
  if (safety.selfHarm) {
    // Individual counseling alongside crisis support; nothing that excludes people in crisis.
    return { ...base, kinds: ['practice', 'clinic', 'online_service', 'support_group'], specialtiesAny: ['individual_support'] };
  }
  // Family groups (Al-Anon, Gam-Anon, SMART Family & Friends) for a partner on their own.
  const family = familySupportSpecialties(profile.concerns);
  if (help === 'individual_counseling') {
    return {
      ...base,
      kinds: ['practice', 'clinic', 'online_service', 'self_guided', 'support_group', 'directory'],
      specialtiesAny: ['individual_support', ...family],
    };
  }
  if (help === 'discernment_counseling') {
    return {
      ...base,
      kinds: ['practice', 'clinic', 'online_service', 'self_guided', 'directory', ...(family.length ? ['support_group'] : [])],
    };
  }
  if (cautious) return { ...base, kinds: base.kinds.filter((k) => k !== 'workshop') };
  return cautious ? { ...base, kinds: base.kinds.filter((k) => k !== 'workshop') } : base;
}

/** No safety answer was yes, but the screen is incomplete, or control is among the concerns. */
export function needsCaution(
  profile: Pick<IntakeProfile, 'concerns'>,
  safety: Pick<SafetyAssessment, 'answered' | 'jointWorkExcluded'>,
): boolean {
  return !safety.jointWorkExcluded && (!safety.answered || profile.concerns.includes('jealousy_control'));
}

export interface RelaxationStep {
  code: 'wider_radius' | 'online_options' | 'sliding_scale_above_budget' | 'other_languages';
  message: Message;
  apply: (c: CandidateConstraints) => CandidateConstraints;
}

/** The fixed order in which the search widens when too few resources meet every hard constraint. */
export function relaxationSteps(c: CandidateConstraints): RelaxationStep[] {
  const steps: RelaxationStep[] = [];
  if (c.point && c.inPersonAllowed && c.radiusKm < 300) {
    const wider = Math.min(300, Math.max(100, Math.round(c.radiusKm * 2.5)));
    steps.push({
      code: 'wider_radius',
      message: msg('relaxation.wider_radius', { from: { radiusKm: c.radiusKm }, to: { radiusKm: wider } }),
      apply: (x) => ({ ...x, radiusKm: wider }),
    });
  }
  if (c.remoteFormats.length < REMOTE_FORMATS.length) {
    steps.push({
      code: 'online_options',
      message: c.region ? msg('relaxation.online_options.region', { place: placeName(c.region) }) : msg('relaxation.online_options'),
      apply: (x) => ({ ...x, remoteFormats: REMOTE_FORMATS }),
    });
  }
  if (c.budgetMinor !== undefined) {
    steps.push({
      code: 'sliding_scale_above_budget',
      message: msg(c.budgetMinor === 0 ? 'relaxation.sliding_scale_above_budget.free' : 'relaxation.sliding_scale_above_budget'),
      apply: (x) => ({ ...x, allowSlidingAboveBudget: true }),
    });
  }
  if (c.languages.length > 0) {
    steps.push({
      code: 'other_languages',
      message: msg('relaxation.other_languages', { languages: languageNames(c.languages) }),
      apply: (x) => ({ ...x, languages: [] }),
    });
  }
  return steps;
}

/**
 * Programs for people who use abuse, shown only under their own heading and only to a person who
 * said they are worried about their own behaviour (whatever the safety answers).
 */
export function accountabilityConstraints(profile: IntakeProfile): CandidateConstraints {
  return {
    ...initialConstraints(profile, 'individual_counseling', NO_SAFETY_ISSUE),
    kinds: ['practice', 'clinic', 'online_service', 'support_group'],
    specialtiesAny: undefined,
    excludeEligibility: ineligibleCodes(profile).filter((code) => code !== 'people_who_use_abuse'),
    requireEligibility: 'people_who_use_abuse',
  };
}

const NO_SAFETY_ISSUE = {
  ownBehaviour: false,
  jointWorkExcluded: false,
  selfHarm: false,
  couplesCounselingContraindicated: false,
  answered: true,
} as SafetyAssessment;

/** The last resort: online, free and self-guided help anyone can use (safety exclusions stay). */
export function fallbackConstraints(c: CandidateConstraints): CandidateConstraints {
  return {
    ...c,
    // Self-guided couples programs are joint work: not offered when safety rules joint work out.
    kinds: c.jointWorkExcluded ? ['online_service', 'support_group'] : ['online_service', 'self_guided', 'support_group'],
    point: undefined,
    inPersonAllowed: false,
    remoteFormats: REMOTE_FORMATS,
    budgetMinor: undefined,
    allowSlidingAboveBudget: true,
    languages: [],
  };
}

/**
 * The directory lets every provider that takes insurance past the budget when an insurer was
 * named; only those that take that plan (or may: a private insurer at a service that names none)
 * stay. A Medicaid member is not sent to a $200 practice that does not list Medicaid.
 */
export function passesBudget(
  profile: Pick<IntakeProfile, 'insurance'>,
  c: Pick<CandidateConstraints, 'budgetMinor' | 'allowSlidingAboveBudget' | 'insuranceGiven'>,
  r: Pick<MatchableResource, 'kind' | 'cost' | 'paymentOptions'>,
): boolean {
  if (c.budgetMinor === undefined || !c.insuranceGiven || !profile.insurance) return true;
  // The directory's own budget rule (DirectoryIndex.candidates) without its insurance clause.
  const budget = c.budgetMinor;
  const within =
    r.cost.free ||
    r.kind === 'directory' ||
    (budget > 0 && (r.cost.feePeriod === 'per_program' || r.cost.feePeriod === 'one_time')) ||
    (r.cost.feeMin !== null && r.cost.feeMin <= budget) ||
    (r.cost.slidingScale && (c.allowSlidingAboveBudget || r.cost.feeMin === null));
  if (within) return true;
  const status = insuranceFit(profile.insurance, r).status;
  return status === 'accepted' || status === 'ask';
}

/**
 * An office found inside the directory's box but beyond the radius the search says it reached (the
 * box's corners reach √3 × the radius), that cannot reach the couple any other way: not a match
 * (review 15, L1: "widened to 62 miles", then "66 miles away").
 */
export function beyondReach(
  profile: Pick<IntakeProfile, 'maxTravelKm' | 'searchRadiusKm' | 'region' | 'country'>,
  c: Candidate,
  remoteFormats: readonly string[],
): boolean {
  const r = c.resource;
  if (c.distanceMeters === undefined || c.distanceMeters <= (profile.searchRadiusKm ?? profile.maxTravelKm) * 1000) return false;
  if (r.kind === 'self_guided' || r.kind === 'directory') return false;
  const servesHere = r.serviceAreas.some((a) => a === profile.region || a === profile.country);
  return !(servesHere && r.formats.some((f) => remoteFormats.includes(f)));
}

/** Specialties that are not about a relationship: help for one person's own mental health or crisis. */
const NOT_RELATIONSHIP_TOPICS = ['individual_support', 'crisis_support'];

/**
 * A peer service about no relationship topic, such as the NAMI HelpLine (information and referral
 * about mental-health conditions): not relationship help, so never matched for couples,
 * discernment or individual work on the relationship (review 15, M7). Kept only with self-harm,
 * where it says what it is (rank.ts).
 */
export function offersNoRelationshipHelp(r: Pick<MatchableResource, 'kind' | 'specialties'>): boolean {
  return r.kind === 'support_group' && r.specialties.every((s) => NOT_RELATIONSHIP_TOPICS.includes(s));
}

/**
 * Services for people harmed by a partner (domestic-violence advocacy and counseling) are never
 * offered to a person worried about their own behaviour: it could lead them to their partner's
 * advocates, groups or shelter, and those services are built for the person at risk.
 */
export function servesPeopleHarmed(r: Pick<MatchableResource, 'specialties'>): boolean {
  return r.specialties.includes('domestic_violence');
}
