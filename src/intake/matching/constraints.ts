import { ELIGIBILITY } from '../../taxonomy/taxonomy.js';
import type { SafetyAssessment } from './safety.js';
import { isEligible } from './safety-lines.js';
import type { HelpType, IntakeProfile } from './types.js';

export const REMOTE_FORMATS = ['video', 'phone', 'chat'];

/** The hard filters of the candidate query (one SQL statement; see intake.repository.ts). */
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
  /** Exclude providers that are only for relationships without abuse. */
  excludeSafeRelationshipsOnly: boolean;
  /** Exclude providers that say they are not for people in an acute crisis. */
  excludeNotForCrisis: boolean;
  /** Exclude resources with any of these eligibility codes (who they are ONLY for). */
  excludeEligibility: string[];
  /** Only resources with this eligibility (the separate heading for a partner who uses abuse). */
  requireEligibility?: string;
  /** [] = any language. */
  languages: string[];
  limit: number;
}

/**
 * Eligibility codes the couple does not meet. Programs for people who use abuse are never a
 * match: they appear only under their own heading (accountabilityConstraints).
 */
export function ineligibleCodes(profile: Pick<IntakeProfile, 'audiences'>): string[] {
  return ELIGIBILITY.codes.filter((code) => code === 'people_who_use_abuse' || !isEligible({ eligibility: [code] }, profile.audiences));
}

/** Which resources can deliver the recommended help. Safety cases never get joint work. */
export function initialConstraints(profile: IntakeProfile, help: HelpType, safety: SafetyAssessment): CandidateConstraints {
  const wantsAny = profile.formats.length === 0;
  const base: CandidateConstraints = {
    kinds: ['practice', 'clinic', 'online_service', 'workshop', 'self_guided', 'support_group'],
    point: profile.point,
    radiusKm: profile.maxTravelKm,
    inPersonAllowed: wantsAny || profile.formats.includes('in_person'),
    remoteFormats: wantsAny ? REMOTE_FORMATS : profile.formats.filter((f) => REMOTE_FORMATS.includes(f)),
    region: profile.region,
    country: profile.country,
    budgetMinor: profile.budgetMinor,
    allowSlidingAboveBudget: false,
    excludeSafeRelationshipsOnly: safety.jointWorkExcluded,
    excludeNotForCrisis: safety.jointWorkExcluded,
    excludeEligibility: ineligibleCodes(profile),
    languages: profile.languages,
    limit: 300,
  };
  if (safety.couplesCounselingContraindicated) {
    // Individual help and DV specialists only: no workshops, intensives or joint programs.
    return { ...base, kinds: ['practice', 'clinic', 'online_service', 'support_group'], specialtiesAny: ['individual_support', 'domestic_violence'] };
  }
  if (safety.selfHarm) {
    // Individual counseling alongside crisis support; nothing that excludes people in crisis.
    return { ...base, kinds: ['practice', 'clinic', 'online_service', 'support_group'], specialtiesAny: ['individual_support'] };
  }
  if (help === 'individual_counseling') {
    return { ...base, kinds: ['practice', 'clinic', 'online_service', 'self_guided', 'support_group'], specialtiesAny: ['individual_support'] };
  }
  if (help === 'discernment_counseling') {
    return { ...base, kinds: ['practice', 'clinic', 'online_service', 'self_guided'] };
  }
  return base;
}

export interface RelaxationStep {
  code: 'wider_radius' | 'online_options' | 'sliding_scale_above_budget' | 'other_languages';
  text: string;
  apply: (c: CandidateConstraints) => CandidateConstraints;
}

/** The fixed order in which the search widens when too few resources meet every hard constraint. */
export function relaxationSteps(c: CandidateConstraints): RelaxationStep[] {
  const steps: RelaxationStep[] = [];
  if (c.point && c.inPersonAllowed && c.radiusKm < 300) {
    const wider = Math.min(300, Math.max(100, Math.round(c.radiusKm * 2.5)));
    steps.push({ code: 'wider_radius', text: `Widened the in-person search from ${c.radiusKm} km to ${wider} km.`, apply: (x) => ({ ...x, radiusKm: wider }) });
  }
  if (c.remoteFormats.length < REMOTE_FORMATS.length) {
    steps.push({
      code: 'online_options',
      text: c.region ? `Added online and phone options licensed to serve ${c.region}.` : 'Added online and phone options.',
      apply: (x) => ({ ...x, remoteFormats: REMOTE_FORMATS }),
    });
  }
  if (c.budgetMinor !== undefined) {
    steps.push({ code: 'sliding_scale_above_budget', text: 'Included sliding-scale services whose listed minimum is above your budget: ask them about reduced fees.', apply: (x) => ({ ...x, allowSlidingAboveBudget: true }) });
  }
  if (c.languages.length > 0) {
    steps.push({ code: 'other_languages', text: `Included services that do not list ${c.languages.join(', ')}; ask about interpreters.`, apply: (x) => ({ ...x, languages: [] }) });
  }
  return steps;
}

/**
 * Programs for a partner who uses abuse, shown only under their own heading and only when every
 * safety answer is no (never when anyone reported violence, fear, control or self-harm).
 */
export function accountabilityConstraints(profile: IntakeProfile): CandidateConstraints {
  return {
    ...initialConstraints(profile, 'individual_counseling', NO_SAFETY_ISSUE),
    kinds: ['practice', 'clinic', 'online_service', 'support_group'],
    specialtiesAny: undefined,
    excludeEligibility: ineligibleCodes(profile).filter((code) => code !== 'people_who_use_abuse'),
    requireEligibility: 'people_who_use_abuse',
    limit: 3,
  };
}

const NO_SAFETY_ISSUE = {
  jointWorkExcluded: false, selfHarm: false, couplesCounselingContraindicated: false,
} as SafetyAssessment;

/** The last resort: online, free and self-guided help anyone can use (safety exclusions stay). */
export function fallbackConstraints(c: CandidateConstraints): CandidateConstraints {
  const jointWorkExcluded = c.excludeSafeRelationshipsOnly;
  return {
    ...c,
    // Self-guided couples programs are joint work: not offered when safety rules joint work out.
    kinds: jointWorkExcluded ? ['online_service', 'support_group'] : ['online_service', 'self_guided', 'support_group'],
    point: undefined,
    inPersonAllowed: false,
    remoteFormats: REMOTE_FORMATS,
    budgetMinor: undefined,
    allowSlidingAboveBudget: true,
    languages: [],
  };
}
