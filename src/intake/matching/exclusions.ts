import { beyondReach, type CandidateConstraints, offersNoRelationshipHelp, passesBudget, servesPeopleHarmed } from './constraints.js';
import { jointWorkConflict } from './joint-work.js';
import type { SafetyAssessment } from './safety.js';
import type { Candidate, IntakeProfile } from './types.js';
import { FAMILY_SUPPORT_SPECIALTIES, familySupportSpecialties } from './weights.js';

/** A support group whose every specialty is a family-support one (substance use, gambling). */
const FAMILY_GROUP_SPECIALTIES = new Set(Object.values(FAMILY_SUPPORT_SPECIALTIES).flat());
const isFamilyGroup = (r: { kind: string; specialties: string[] }) =>
  r.kind === 'support_group' && r.specialties.length > 0 && r.specialties.every((s) => FAMILY_GROUP_SPECIALTIES.has(s));

/**
 * The engine's own exclusions, checked again on every candidate it reads (the directory already
 * leaves most of them out). `ranking` is the profile with the radius the search reached.
 */
export function keepForRanking(
  ranking: IntakeProfile,
  safety: SafetyAssessment,
  constraints: CandidateConstraints,
): (c: Candidate) => boolean {
  const family = familySupportSpecialties(ranking.concerns);
  return (c) => {
    const r = c.resource;
    return (
      // The directory already excludes these; the engine's own rule is checked again on every candidate.
      r.kind !== 'hotline' &&
      !r.eligibility.includes('people_who_use_abuse') &&
      (!safety.jointWorkExcluded || !jointWorkConflict(r)) &&
      // Family groups (Al-Anon, Gam-Anon, SMART Family & Friends) only when drinking, drugs or gambling was named.
      (!isFamilyGroup(r) || r.specialties.some((s) => family.includes(s))) &&
      // With abuse, a peer group only when it is about abuse (not, say, betrayal after an affair).
      (!safety.abuse || r.kind !== 'support_group' || r.specialties.includes('domestic_violence')) &&
      // Services for people harmed by a partner are never offered to the person worried about their own behaviour.
      (!safety.ownBehaviour || !servesPeopleHarmed(r)) &&
      // An information line about no relationship topic is not relationship help (kept with self-harm, said as what it is).
      (safety.selfHarm || !offersNoRelationshipHelp(r)) &&
      // An insurer named lets a fee above the budget through only where the provider takes that plan.
      passesBudget(ranking, constraints, r) &&
      !beyondReach(ranking, c, constraints.remoteFormats)
    );
  };
}
