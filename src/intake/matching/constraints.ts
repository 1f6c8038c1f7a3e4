import type { SafetyAssessment } from './safety.js';
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
  /** [] = any language. */
  languages: string[];
  limit: number;
}

/** Which resources can deliver the recommended help. Safety cases never get couples-only services. */
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
    excludeSafeRelationshipsOnly: safety.couplesCounselingContraindicated,
    languages: profile.languages,
    limit: 300,
  };
  if (safety.couplesCounselingContraindicated) {
    // Individual help and DV specialists only: no workshops or joint programs.
    return { ...base, kinds: ['practice', 'clinic', 'online_service', 'support_group'], specialtiesAny: ['individual_support', 'domestic_violence'] };
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

/** The last resort: online, free and self-guided help anyone can use. */
export function fallbackConstraints(c: CandidateConstraints): CandidateConstraints {
  return {
    ...c,
    kinds: ['online_service', 'self_guided', 'support_group'],
    point: undefined,
    inPersonAllowed: false,
    remoteFormats: REMOTE_FORMATS,
    budgetMinor: undefined,
    allowSlidingAboveBudget: true,
    languages: [],
  };
}
