import type { LineRole } from '../../taxonomy/taxonomy.js';
import { callEmergencyText, type EmergencyNumber, emergencyNumberFor } from './emergency-numbers.js';
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
  reasons: { code: string; text: string }[];
  guidance: string;
}

/**
 * Safety first. Any yes from whoever filled the form counts as a yes.
 * - Violence, fear of a partner, sexual violence or self-harm risk → urgent.
 * - Coercive control alone → elevated (abuse can exist without violence); with fear → urgent.
 * With any of violence, fear, sexual violence or coercive control, joint sessions can raise the
 * danger (National DV Hotline guidance), so couples counseling is not recommended.
 * The emergency number is the one of the person's country, never "911" for everyone.
 */
export function assessSafety(s: SafetyAnswers, country?: string, ownBehaviour = false): SafetyAssessment {
  const abuse = !!(s.physicalViolence || s.feelsAfraid || s.coerciveControl || s.sexualViolence);
  const selfHarm = !!s.selfHarmRisk;
  // Answered means every question got an answer: a partly answered screen is not a clear no.
  const answered = [s.physicalViolence, s.feelsAfraid, s.coerciveControl, s.selfHarmRisk, s.sexualViolence].every((a) => a !== undefined);
  const level: SafetyLevel =
    s.physicalViolence || s.feelsAfraid || s.sexualViolence || selfHarm ? 'urgent' : s.coerciveControl ? 'elevated' : 'none';
  const reportedLineRoles: LineRole[] = [];
  if (selfHarm) reportedLineRoles.push('crisis');
  if (abuse) reportedLineRoles.push('domestic_violence');
  if (s.sexualViolence) reportedLineRoles.push('sexual_assault');

  const reasons: SafetyAssessment['reasons'] = [];
  if (s.physicalViolence) reasons.push({ code: 'physical_violence', text: 'Someone has been physically hurt or threatened.' });
  if (s.feelsAfraid) reasons.push({ code: 'fear', text: 'Someone feels afraid of their partner.' });
  if (s.coerciveControl)
    reasons.push({ code: 'coercive_control', text: 'There are signs of control: monitoring, isolating, or restricting money or contact.' });
  if (s.sexualViolence) reasons.push({ code: 'sexual_violence', text: 'Someone has been forced or pressured into sexual acts.' });
  if (selfHarm) reasons.push({ code: 'self_harm_risk', text: 'Someone may be at risk of harming themselves.' });

  const emergency = emergencyNumberFor(country);
  const call = callEmergencyText(emergency);
  const parts: string[] = [];
  if (selfHarm) {
    parts.push(
      `If anyone is thinking about suicide or self-harm, contact a crisis line now: it is free and confidential, and you do not have to wait until things get worse. In immediate danger, ${call}.`,
    );
  }
  if (ownBehaviour) {
    // Addressed to the person who may cause harm; the DV lines stay for the case where they are the one harmed.
    parts.push(
      'You said you are worried about how you behave towards your partner. Couples counseling is not where to start: programs for people who want to stop controlling or abusive behaviour work with you on your own, and your partner does not have to take part. ' +
        `If you feel you might hurt someone, step away now; if anyone is in danger, ${call}. ` +
        'If it is you who feels afraid or controlled, the domestic-violence lines listed are for you.',
    );
  } else if (abuse) {
    parts.push(
      'When there is violence, fear or control in a relationship, couples counseling is not the safe next step: ' +
        'what is said in a joint session can be used against the person at risk afterwards, and abuse is not a shared relationship problem to negotiate. ' +
        'Talk first, privately, with a domestic-violence advocate who can help with a safety plan, and consider individual counseling. ' +
        'Joint work can be reconsidered only once the abuse has stopped and a specialist has assessed it is safe.' +
        (selfHarm ? '' : ` If you are in danger right now, ${call}.`) +
        (emergency?.ifYouCannotSpeak ? ` ${emergency.ifYouCannotSpeak}` : ''),
    );
  }
  if (s.sexualViolence) {
    parts.push(
      'After a recent sexual assault, medical care is time-sensitive: HIV prevention (PEP) has to start within 72 hours, emergency contraception works for up to 5 days, ' +
        'and a forensic exam (only if you want one) is best done within days. A sexual-assault service, a domestic-violence line or a doctor can explain the options and go through them with you.',
    );
  }
  if (selfHarm && !abuse && !ownBehaviour) {
    parts.push(
      'Couples work can wait until the crisis has passed; for now, individual support alongside the crisis line is the better start. ' +
        'If a partner threatens suicide to control what you do, that is a warning sign of abuse too: a domestic-violence line can help you think it through.',
    );
  }
  if (!parts.length) {
    parts.push(
      answered
        ? 'Nothing in your answers suggests immediate danger. If you ever feel unsafe, controlled or afraid, or anyone thinks about self-harm, free and confidential crisis and abuse lines can help.'
        : 'You did not answer all the safety questions, which is fine. If you or your partner ever feel unsafe, controlled or afraid, or anyone thinks about self-harm, free and confidential crisis and abuse lines can help. If one of you filled this in for both, the other deserves a chance to answer privately, before any joint session.',
    );
    parts.push(`In an emergency, ${call}.`);
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
    guidance: parts.join(' '),
  };
}

export interface Recommendation {
  type: HelpType;
  title: string;
  explanation: string;
  alsoConsider: HelpType[];
}

/** The kind of help that fits, before any particular resource. */
export function recommendHelp(willingness: Willingness, safety: SafetyAssessment): Recommendation {
  if (safety.ownBehaviour && !safety.selfHarm) {
    // Never couples-first: joint sessions while a partner may be afraid or controlled can raise the danger.
    return {
      type: 'individual_counseling',
      title: 'Help to change your own behaviour',
      explanation:
        'Programs for people who want to stop controlling or abusive behaviour are the place to start: Mend shows the ones it lists near you separately, and a domestic-violence line can often point you to others. Individual counseling can support that work, but it does not replace it. ' +
        'Couples counseling is not the first step: while a partner may feel afraid or controlled, joint sessions can make things more dangerous for them.',
      alsoConsider: [],
    };
  }
  if (safety.couplesCounselingContraindicated && !safety.ownBehaviour) {
    return {
      type: 'safety_first',
      title: 'Safety first: individual support and a domestic-violence advocate',
      explanation:
        'Because of what you shared about safety, we are not suggesting couples counseling. Individual counseling and a confidential advocate can help you think through options at your own pace.',
      alsoConsider: ['individual_counseling'],
    };
  }
  if (safety.selfHarm) {
    // Never couples-first under a crisis message, and no congratulating words about willingness.
    return {
      type: 'individual_counseling',
      title: 'Crisis support first, then individual counseling',
      explanation:
        'Reach a crisis line first. Alongside it, an individual counselor can help the person who is struggling, on their own terms. Couples work can come later, once the crisis has passed.',
      alsoConsider: [],
    };
  }
  switch (willingness) {
    case 'both':
      return {
        type: 'couples_counseling',
        title: 'Couples counseling',
        explanation:
          'You are both willing to work on it, which is the best starting point. A couples counselor can help you rebuild trust together — married or not, in person or online.',
        alsoConsider: [],
      };
    case 'one_hesitant':
      return {
        type: 'couples_counseling',
        title: 'Couples counseling, starting gently',
        explanation:
          'One of you is hesitant about counseling, which is common. A short first consultation, a workshop or a program you work through together at home can be a gentler first step; many counselors offer a free first call.',
        alsoConsider: ['individual_counseling'],
      };
    case 'one_leaning_out':
      return {
        type: 'discernment_counseling',
        title: 'Discernment counseling',
        explanation:
          'When one of you is unsure about staying together, short discernment counseling helps each of you get clarity before committing to couples therapy. Individual counseling can also help the partner who is leaning in or out.',
        alsoConsider: ['individual_counseling'],
      };
    case 'one_unwilling':
      return {
        type: 'individual_counseling',
        title: 'Individual counseling and self-guided work',
        explanation:
          'Couples counseling needs both partners willing, and you cannot make that choice for your partner. You can still get help for yourself: individual counseling supports you whatever your partner decides, and self-guided programs and family groups can help in the meantime. ' +
          'If your partner would come to a few conversations about whether to stay, discernment counseling is built for that.',
        alsoConsider: ['discernment_counseling'],
      };
  }
}
