/**
 * Referral statuses follow the HL7 Gravity SDOH Clinical Care referral Task statuses
 * (draft and entered-in-error are not used: a referral exists once requested).
 */
export const REFERRAL_STATUSES = [
  'requested',
  'accepted',
  'rejected',
  'in-progress',
  'on-hold',
  'completed',
  'cancelled',
  'failed',
] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

/** Outcomes in plain terms (after findhelp's closed-loop vocabulary), recorded when a referral ends. */
export const REFERRAL_OUTCOMES = [
  'got_help',
  'could_not_contact',
  'no_capacity',
  'not_eligible',
  'could_not_get_help',
  'no_longer_interested',
  'referred_elsewhere',
] as const;
export type ReferralOutcome = (typeof REFERRAL_OUTCOMES)[number];

export const TERMINAL_STATUSES: ReadonlySet<ReferralStatus> = new Set(['rejected', 'completed', 'cancelled', 'failed']);

const TRANSITIONS: Record<ReferralStatus, readonly ReferralStatus[]> = {
  requested: ['accepted', 'rejected', 'on-hold', 'cancelled'],
  accepted: ['in-progress', 'on-hold', 'cancelled', 'failed'],
  'in-progress': ['completed', 'on-hold', 'cancelled', 'failed'],
  'on-hold': ['requested', 'accepted', 'in-progress', 'cancelled', 'failed'],
  rejected: [],
  completed: [],
  cancelled: [],
  failed: [],
};

export function allowedTransitions(from: ReferralStatus): readonly ReferralStatus[] {
  return TRANSITIONS[from];
}

export function canTransition(from: ReferralStatus, to: ReferralStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** What a provider may answer to a referral its listing key sees: the first step of the lifecycle, nothing else. */
export const PROVIDER_ANSWERS = ['accepted', 'rejected'] as const satisfies readonly ReferralStatus[];
export type ProviderAnswer = (typeof PROVIDER_ANSWERS)[number];

/** Why a provider declines a referral: codes about the provider's capacity and fit, never about the couple. */
export const PROVIDER_DECLINE_REASONS = ['not_accepting_clients', 'outside_specialty', 'no_availability', 'fees', 'other'] as const;
export type ProviderDeclineReason = (typeof PROVIDER_DECLINE_REASONS)[number];
