import { reason } from './reason.js';
import type { HelpType, MatchableResource, Reason } from './types.js';
import { CONCERN_SPECIALTIES, familySupportSpecialties } from './weights.js';

/** A help-type fit at or above this delivers the recommended help (ranking tier and widening count). */
export const FITS_HELP = 0.6;

/** Kinds whose clinicians hold a licence; only these are ever called "licensed". */
export const LICENSED_KINDS = ['practice', 'clinic', 'online_service'];

/** Approaches that are couples therapy in their own right: with one of them, discernment counseling is not all a service offers. */
export const COUPLES_THERAPY_APPROACHES = ['gottman', 'eft', 'imago'];

/**
 * A service that offers discernment counseling and no couples therapy approach: short work for a
 * couple where one partner is leaning out, each partner mostly seen alone; not couples counseling.
 */
export const discernmentOnly = (r: Pick<MatchableResource, 'approaches'>) =>
  r.approaches.includes('discernment_counseling') && !r.approaches.some((a) => COUPLES_THERAPY_APPROACHES.includes(a));

/**
 * How well the kind of resource delivers the recommended help (0–1). A directory finds
 * therapists but provides no sessions itself, so it scores below any provider that fits.
 */
export function helpTypeFit(r: MatchableResource, help: HelpType, concerns: readonly string[] = []): { fit: number; reason?: Reason } {
  const counselor = LICENSED_KINDS.includes(r.kind);
  if (r.kind === 'directory') {
    // The discernment directory is how a leaning-out couple finds discernment counseling.
    if (help === 'discernment_counseling' && r.approaches.includes('discernment_counseling')) {
      return { fit: 0.75, reason: reason('directory', 'reason.directory.discernment', { name: r.name }) };
    }
    return {
      fit: help === 'safety_first' ? 0.2 : 0.45,
      reason: reason('directory', 'reason.directory', { name: r.name }),
    };
  }
  // A partner who will not come can still get help for themselves: family groups for drinking, drugs or gambling.
  const family = familySupportSpecialties(concerns);
  const familySupport = r.kind === 'support_group' && family.some((s) => r.specialties.includes(s));
  const aboutConcerns = concerns.flatMap((c) => (Object.hasOwn(CONCERN_SPECIALTIES, c) ? CONCERN_SPECIALTIES[c] : []));
  switch (help) {
    case 'couples_counseling':
      // Discernment-only help is for a mixed agenda, not for a couple who both want couples work (caveat in scoreCandidate).
      if (discernmentOnly(r)) return { fit: 0.3 };
      if (counselor && (r.jointSessions || r.formats.includes('in_person')))
        return { fit: 1, reason: reason('couples_sessions', 'reason.couples_sessions') };
      if (r.kind === 'workshop') return { fit: 0.7, reason: reason('couples_workshop', 'reason.couples_workshop') };
      // Sessions with one partner at a time (OurRitual's one-on-one model, individual therapy) are not couples counseling.
      if (counselor) return { fit: 0.5 };
      if (r.kind === 'self_guided') return { fit: 0.3, reason: reason('self_guided', 'reason.self_guided.together') };
      return { fit: r.kind === 'support_group' ? 0.4 : 0.3 };
    case 'discernment_counseling':
      if (r.approaches.includes('discernment_counseling'))
        return {
          fit: 1,
          reason: reason('discernment_counseling', 'reason.discernment_counseling'),
        };
      if (counselor && r.specialties.includes('individual_support'))
        return { fit: 0.5, reason: reason('individual_support', 'reason.individual_support.also') };
      if (familySupport) return { fit: 0.6, reason: reason('family_support', 'reason.family_support') };
      return { fit: counselor ? 0.3 : 0.2 };
    case 'individual_counseling':
    case 'safety_first':
      if (r.specialties.includes('domestic_violence') && help === 'safety_first')
        return { fit: 1, reason: reason('domestic_violence_specialist', 'reason.domestic_violence_specialist') };
      if (counselor && r.specialties.includes('individual_support'))
        return { fit: 0.9, reason: reason('individual_support', 'reason.individual_support') };
      if (familySupport && help === 'individual_counseling')
        return { fit: 0.85, reason: reason('family_support', 'reason.family_support') };
      // A group for the person on their own about what happened to them, such as a therapist-led one for betrayed partners.
      if (
        r.kind === 'support_group' &&
        r.specialties.includes('individual_support') &&
        r.specialties.some((s) => aboutConcerns.includes(s))
      )
        return { fit: 0.7, reason: reason('group_support', 'reason.group_support') };
      if (r.kind === 'self_guided')
        return {
          fit: help === 'individual_counseling' ? 0.6 : 0.2,
          reason: reason('self_guided', 'reason.self_guided.alone'),
        };
      return { fit: 0.4 };
  }
}
