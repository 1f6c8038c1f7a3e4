import { type CodedMessage, msg } from '../../common/i18n/message.js';
import { needsCaution } from './constraints.js';
import { callEmergency } from './emergency-numbers.js';
import type { SafetyAssessment } from './safety.js';
import type { IntakeProfile } from './types.js';

export type NextStep = CodedMessage;

/**
 * Short, tailored guidance along the path the mission article describes, in our own words:
 * agree what trust means, talk openly without attack or surveillance, look at the intentions
 * behind the breach, protect your own worth, and get professional help.
 */
export function nextSteps(profile: IntakeProfile, safety: SafetyAssessment, listed: { counselorsListed?: boolean } = {}): NextStep[] {
  const steps: NextStep[] = [];
  if (safety.selfHarm) {
    steps.push({
      code: 'reach_crisis_line',
      message: msg('nextStep.reach_crisis_line'),
    });
  }
  if (safety.riskReported) {
    // doNotContact is forced on: say so, so nobody waits for a call that will not come.
    steps.push({
      code: 'you_reach_out',
      message: msg('nextStep.you_reach_out'),
    });
  }
  if (safety.ownBehaviour) {
    // Addressed to the person worried about their own behaviour, whatever the safety answers (never survivor advice to them).
    steps.push(
      { code: 'own_behaviour_program', message: msg('nextStep.own_behaviour_program') },
      { code: 'own_behaviour_pause', message: msg('nextStep.own_behaviour_pause', { call: { message: callEmergency(safety.emergency) } }) },
      { code: 'own_behaviour_no_pressure', message: msg('nextStep.own_behaviour_no_pressure') },
    );
    return steps;
  }
  if (safety.abuse) {
    steps.push(
      {
        code: 'talk_to_advocate',
        message: msg('nextStep.talk_to_advocate'),
      },
      {
        code: 'private_device',
        message: msg('nextStep.private_device'),
      },
      {
        code: 'individual_support',
        message: msg('nextStep.individual_support.abuse'),
      },
    );
    return steps;
  }
  if (safety.selfHarm) {
    steps.push(
      {
        code: 'stay_with_someone',
        message: msg('nextStep.stay_with_someone'),
      },
      {
        code: 'individual_support',
        message: msg('nextStep.individual_support.selfHarm'),
      },
    );
    return steps;
  }
  if (needsCaution(profile, safety)) {
    steps.push({
      code: 'screen_privately',
      message: msg('nextStep.screen_privately'),
    });
  }
  if (profile.concerns.includes('infidelity')) {
    // Clinically first after an affair, worded for whichever partner fills the form (review 15, L4).
    steps.push(
      { code: 'end_affair_contact', message: msg('nextStep.end_affair_contact') },
      { code: 'no_big_decisions', message: msg('nextStep.no_big_decisions') },
    );
  }
  if (profile.willingness === 'one_leaning_out') {
    steps.push({
      code: 'no_pressure',
      message: msg('nextStep.no_pressure'),
    });
  } else if (safety.answered && profile.willingness !== 'one_unwilling') {
    steps.push({
      code: 'define_trust',
      message: msg('nextStep.define_trust'),
    });
  }
  if (profile.concerns.includes('jealousy_control')) {
    steps.push({
      code: 'no_surveillance',
      message: msg('nextStep.no_surveillance'),
    });
  } else {
    steps.push({
      code: 'talk_openly',
      message: msg('nextStep.talk_openly'),
    });
  }
  if (profile.concerns.some((c) => ['infidelity', 'lying', 'financial_secrecy', 'hidden_substance_use'].includes(c))) {
    steps.push({
      code: 'understand_why',
      message: msg('nextStep.understand_why'),
    });
  }
  const together = profile.willingness === 'both';
  if (profile.concerns.includes('hidden_substance_use')) {
    steps.push({
      code: 'substance_support',
      message: msg(together ? 'nextStep.substance_support.together' : 'nextStep.substance_support.alone'),
    });
  }
  if (profile.concerns.includes('gambling')) {
    steps.push({
      code: 'gambling_support',
      message: msg(together ? 'nextStep.gambling_support.together' : 'nextStep.gambling_support.alone'),
    });
  }
  steps.push({
    code: 'protect_self_worth',
    message: msg('nextStep.protect_self_worth'),
  });
  steps.push({
    code: 'seek_professional_help',
    message: msg(
      // No counselor among the matches (books and an app abroad): never "contact the counselors listed" (review 15, M1).
      listed.counselorsListed === false
        ? 'nextStep.seek_professional_help.noCounselors'
        : !together
          ? 'nextStep.seek_professional_help.alone'
          : // Not screened (or control named): no invitation to a joint session before each partner is asked alone.
            needsCaution(profile, safety)
            ? 'nextStep.seek_professional_help.screenFirst'
            : 'nextStep.seek_professional_help.together',
    ),
  });
  return steps;
}
