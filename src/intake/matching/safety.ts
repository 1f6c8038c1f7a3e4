import type { HelpType, SafetyAnswers, SafetyLevel, Willingness } from './types.js';

export interface SafetyAssessment {
  level: SafetyLevel;
  /** Couples counseling must not be recommended (abuse, fear or coercive control). */
  couplesCounselingContraindicated: boolean;
  /** Hotline specialties to lead with, in order. */
  hotlineSpecialties: ('crisis_support' | 'domestic_violence')[];
  reasons: { code: string; text: string }[];
  guidance: string;
}

/**
 * Safety first. Any yes from whoever filled the form counts as a yes.
 * - Violence, fear of a partner or self-harm risk → urgent.
 * - Coercive control without those → elevated (abuse can exist without violence).
 * With any of violence, fear or coercive control, joint sessions can raise the danger
 * (National DV Hotline guidance), so couples counseling is not recommended.
 */
export function assessSafety(s: SafetyAnswers): SafetyAssessment {
  const abuse = !!(s.physicalViolence || s.feelsAfraid || s.coerciveControl);
  const level: SafetyLevel = s.physicalViolence || s.feelsAfraid || s.selfHarmRisk ? 'urgent' : s.coerciveControl ? 'elevated' : 'none';
  const hotlineSpecialties: SafetyAssessment['hotlineSpecialties'] = [];
  if (s.selfHarmRisk) hotlineSpecialties.push('crisis_support');
  if (abuse) hotlineSpecialties.push('domestic_violence');
  const reasons: SafetyAssessment['reasons'] = [];
  if (s.physicalViolence) reasons.push({ code: 'physical_violence', text: 'Someone has been physically hurt or threatened.' });
  if (s.feelsAfraid) reasons.push({ code: 'fear', text: 'Someone feels afraid of their partner.' });
  if (s.coerciveControl) reasons.push({ code: 'coercive_control', text: 'There are signs of control: monitoring, isolating, or restricting money or contact.' });
  if (s.selfHarmRisk) reasons.push({ code: 'self_harm_risk', text: 'Someone may be at risk of harming themselves.' });

  const parts: string[] = [];
  if (s.selfHarmRisk) {
    parts.push('If anyone is thinking about suicide or self-harm, reach a crisis line now: they answer at any hour, and the call is free and confidential. In immediate danger, call 911.');
  }
  if (abuse) {
    parts.push(
      'When there is violence, fear or control in a relationship, couples counseling is not the safe next step: ' +
        'what is said in a joint session can be used against the person at risk afterwards, and abuse is not a shared relationship problem to negotiate. ' +
        'Talk first, privately, with a domestic-violence advocate who can help with a safety plan, and consider individual counseling. ' +
        'Joint work can be reconsidered only once the abuse has stopped and a specialist has assessed it is safe. ' +
        'If you are in danger right now, call 911.',
    );
  }
  if (!parts.length) parts.push('Nothing in your answers suggests immediate danger. If that changes, crisis and domestic-violence lines are available at any hour.');
  return { level, couplesCounselingContraindicated: abuse, hotlineSpecialties, reasons, guidance: parts.join(' ') };
}

export interface Recommendation {
  type: HelpType;
  title: string;
  explanation: string;
  alsoConsider: HelpType[];
}

/** The kind of help that fits, before any particular resource. */
export function recommendHelp(willingness: Willingness, safety: SafetyAssessment): Recommendation {
  if (safety.couplesCounselingContraindicated) {
    return {
      type: 'safety_first',
      title: 'Safety first: individual support and a domestic-violence advocate',
      explanation:
        'Because of what you shared about safety, we are not suggesting couples counseling. Individual counseling and a confidential advocate can help you think through options at your own pace.',
      alsoConsider: ['individual_counseling'],
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
    case 'one_unsure':
      return {
        type: 'discernment_counseling',
        title: 'Discernment counseling',
        explanation:
          'When one partner is unsure whether to stay, short discernment counseling helps each of you get clarity before committing to couples therapy. Individual counseling can also help the partner who is leaning in or out.',
        alsoConsider: ['individual_counseling'],
      };
    case 'one_unwilling':
      return {
        type: 'individual_counseling',
        title: 'Individual counseling and self-guided work',
        explanation:
          'Couples counseling needs both partners. Until then, individual counseling supports the one who wants to work on things, and self-guided programs can help in the meantime.',
        alsoConsider: [],
      };
  }
}
