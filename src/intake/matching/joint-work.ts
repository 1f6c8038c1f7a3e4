import type { MatchableResource } from './types.js';

/** Why a resource is joint work, or otherwise unsuitable, once a safety answer rules joint work out. */
export type JointWorkConflict =
  'program_for_people_who_use_abuse' | 'requires_safe_relationship' | 'not_for_crisis' | 'workshop' | 'couples_only';

/** Specialties that mean a resource helps one person on their own, not only the couple together. */
const INDIVIDUAL_HELP = ['individual_support', 'domestic_violence', 'crisis_support'];

/**
 * The one definition, shared by matching and referrals, of what must never reach a person whose
 * safety answers rule joint work out: programs for people who use abuse (they can alert the
 * abusive partner), services that say they are not for abusive relationships or for people in
 * crisis, workshops and intensives, and couples-only services (no individual or DV help).
 */
export function jointWorkConflict(
  r: Pick<MatchableResource, 'kind' | 'eligibility' | 'requiresSafeRelationship' | 'notForCrisis' | 'specialties'>,
): JointWorkConflict | undefined {
  if (r.eligibility.includes('people_who_use_abuse')) return 'program_for_people_who_use_abuse';
  if (r.kind === 'workshop') return 'workshop';
  if (r.requiresSafeRelationship) return 'requires_safe_relationship';
  if (r.notForCrisis) return 'not_for_crisis';
  if (r.kind !== 'hotline' && r.kind !== 'support_group' && !r.specialties.some((s) => INDIVIDUAL_HELP.includes(s))) return 'couples_only';
  return undefined;
}

export const JOINT_WORK_CONFLICT_TEXT: Record<JointWorkConflict, string> = {
  program_for_people_who_use_abuse:
    'This is a program for people who use abuse; it is a referral only from an intake where the person said they are worried about their own behaviour.',
  requires_safe_relationship: 'This service says it is not for relationships with abuse or coercive control.',
  not_for_crisis: 'This service says it is not for people in crisis.',
  workshop: "Workshops and intensives are joint work, which the intake's safety answers rule out.",
  couples_only: "This service works only with couples together, which the intake's safety answers rule out.",
};
