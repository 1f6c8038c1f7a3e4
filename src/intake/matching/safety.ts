import { type CodedMessage, type Message, msg } from '../../common/i18n/message.js';
import type { LineRole } from '../../taxonomy/taxonomy.js';
import { callEmergency, type EmergencyNumber, emergencyNumberFor } from './emergency-numbers.js';
import type { HelpType, SafetyAnswers, SafetyLevel, Willingness } from './types.js';

export interface SafetyAssessment {
  level: SafetyLevel;
  /** At least one safety question was answered (yes or no). */
  answered: boolean;
  /** Violence, fear, coercive control or sexual violence: abuse, not a relationship problem. */
  abuse: boolean;
  selfHarm: boolean;
  /** The person filling in the form said they are worried about their own behaviour towards their partner. */
  ownBehaviour: boolean;
  /** Any safety answer was yes: doNotContact is forced on (a call or message can alert the partner who causes harm). */
  riskReported: boolean;
  /**
   * Any yes, or a person worried about their own behaviour: joint sessions, workshops and
   * couples-only services are ruled out, and referrals are safety-checked. With abuse joint work
   * can raise the danger; with self-harm, crisis support and individual help come first.
   */
  jointWorkExcluded: boolean;
  /** Couples counseling must not be recommended (abuse, or one's own abusive behaviour) — narrower than jointWorkExcluded. */
  couplesCounselingContraindicated: boolean;
  /** Line roles the person's answers call for, in the order to show them. */
  reportedLineRoles: LineRole[];
  emergency?: EmergencyNumber;
  reasons: CodedMessage[];
  /** Paragraphs of guidance, read in order (rendered and joined with a space). */
  guidance: Message[];
}

/**
 * Safety first. Any yes from whoever filled the form counts as a yes.
 * - Violence, fear of a partner, sexual violence or self-harm risk → urgent.
 * - Strangulation, a weapon or threats to kill (asked apart: lethality signs) → urgent, with medical
 *   care and a danger assessment named.
 * - Coercive control alone → elevated (abuse can exist without violence); with fear → urgent.
 * With any of violence, fear, sexual violence or coercive control, joint sessions can raise the
 * danger (National DV Hotline guidance), so couples counseling is not recommended.
 * The emergency number is the one of the person's country, never "911" for everyone.
 */
export function assessSafety(s: SafetyAnswers, country?: string, ownBehaviour = false): SafetyAssessment {
  // Strangulation, a weapon or threats to kill: the strongest signs that a partner may kill (lethality).
  const lethality = !!(s.strangulation || s.weaponOrThreatsToKill);
  const abuse = !!(s.physicalViolence || s.feelsAfraid || s.coerciveControl || s.sexualViolence || lethality);
  const selfHarm = !!s.selfHarmRisk;
  // Answered means every question got an answer: a partly answered screen is not a clear no.
  const answered = [s.physicalViolence, s.feelsAfraid, s.coerciveControl, s.selfHarmRisk, s.sexualViolence].every((a) => a !== undefined);
  const level: SafetyLevel =
    s.physicalViolence || s.feelsAfraid || s.sexualViolence || lethality || selfHarm ? 'urgent' : s.coerciveControl ? 'elevated' : 'none';
  const reportedLineRoles: LineRole[] = [];
  if (selfHarm) reportedLineRoles.push('crisis');
  if (abuse) reportedLineRoles.push('domestic_violence');
  if (s.sexualViolence) reportedLineRoles.push('sexual_assault');

  const reasons: SafetyAssessment['reasons'] = [];
  for (const [yes, code] of [
    [s.physicalViolence, 'physical_violence'],
    [s.feelsAfraid, 'fear'],
    [s.coerciveControl, 'coercive_control'],
    [s.sexualViolence, 'sexual_violence'],
    [s.strangulation, 'strangulation'],
    [s.weaponOrThreatsToKill, 'weapon_or_threats_to_kill'],
    [selfHarm, 'self_harm_risk'],
  ] as const) {
    if (yes) reasons.push({ code, message: msg(`safety.reason.${code}`) });
  }

  const emergency = emergencyNumberFor(country);
  const call = { message: callEmergency(emergency) };
  const parts: Message[] = [];
  if (selfHarm) parts.push(msg('safety.guidance.selfHarm', { call }));
  if (ownBehaviour) {
    // Addressed to the person who may cause harm; the DV lines stay for the case where they are the one harmed.
    parts.push(msg('safety.guidance.ownBehaviour', { call }));
    // A lethality sign is never dropped: said to them, it asks for action today and care for the partner.
    if (lethality) parts.push(msg('safety.guidance.ownBehaviourLethality', { call }));
    if (s.sexualViolence) parts.push(msg('safety.guidance.sexualViolence'));
  } else if (abuse) {
    // Joint sessions can be used against the person at risk; abuse is not a shared problem to negotiate.
    parts.push(msg('safety.guidance.abuse'));
    // Injuries from strangulation can be invisible and show hours or days later; an advocate's danger assessment fits the plan to the risk.
    if (lethality) parts.push(msg(s.strangulation ? 'safety.guidance.strangulation' : 'safety.guidance.weaponOrThreats'));
    if (!selfHarm) parts.push(msg('safety.guidance.dangerNow', { call }));
    if (emergency?.ifYouCannotSpeak) parts.push(emergency.ifYouCannotSpeak);
    // PEP within 72 hours, emergency contraception up to 5 days: medical care is time-sensitive.
    if (s.sexualViolence) parts.push(msg('safety.guidance.sexualViolence'));
  } else if (selfHarm) {
    parts.push(msg('safety.guidance.selfHarmWithoutAbuse'));
  }
  if (!parts.length) {
    parts.push(msg(answered ? 'safety.guidance.nothingReported' : 'safety.guidance.notAnswered'));
    parts.push(msg('safety.guidance.inAnEmergency', { call }));
  }
  return {
    level,
    answered,
    abuse,
    selfHarm,
    ownBehaviour,
    riskReported: abuse || selfHarm,
    jointWorkExcluded: abuse || selfHarm || ownBehaviour,
    couplesCounselingContraindicated: abuse || ownBehaviour,
    reportedLineRoles,
    emergency,
    reasons,
    guidance: parts,
  };
}

export interface Recommendation {
  type: HelpType;
  title: Message;
  explanation: Message;
  alsoConsider: HelpType[];
}

/** recommendation.<variant>.title / .explanation. */
const worded = (variant: string) => ({
  title: msg(`recommendation.${variant}.title`),
  explanation: msg(`recommendation.${variant}.explanation`),
});

/** The kind of help that fits, before any particular resource. */
export function recommendHelp(willingness: Willingness, safety: SafetyAssessment): Recommendation {
  if (safety.ownBehaviour && !safety.selfHarm) {
    // Never couples-first: joint sessions while a partner may be afraid or controlled can raise the danger.
    return { type: 'individual_counseling', ...worded('own_behaviour'), alsoConsider: [] };
  }
  if (safety.couplesCounselingContraindicated && !safety.ownBehaviour) {
    return {
      type: 'safety_first',
      ...worded('safety_first'),
      alsoConsider: ['individual_counseling'],
    };
  }
  if (safety.selfHarm) {
    // Never couples-first under a crisis message, and no congratulating words about willingness.
    return {
      type: 'individual_counseling',
      ...worded('crisis'),
      alsoConsider: [],
    };
  }
  switch (willingness) {
    case 'both':
      return {
        type: 'couples_counseling',
        ...worded('both'),
        alsoConsider: [],
      };
    case 'one_hesitant':
      return {
        type: 'couples_counseling',
        ...worded('one_hesitant'),
        alsoConsider: ['individual_counseling'],
      };
    case 'one_leaning_out':
      return {
        type: 'discernment_counseling',
        ...worded('one_leaning_out'),
        alsoConsider: ['individual_counseling'],
      };
    case 'one_unwilling':
      return {
        type: 'individual_counseling',
        ...worded('one_unwilling'),
        alsoConsider: ['discernment_counseling'],
      };
  }
}
