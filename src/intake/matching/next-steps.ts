import { type CodedMessage, type MessageArg, msg } from '../../common/i18n/message.js';
import { needsCaution } from './constraints.js';
import { callEmergency } from './emergency-numbers.js';
import type { SafetyAssessment } from './safety.js';
import type { IntakeProfile } from './types.js';

export type NextStep = CodedMessage;

/** A step whose message is its catalogue entry `nextStep.<code>`, or `nextStep.<code>.<variant>` where it has several. */
const step = (code: string, variant?: string, values?: Record<string, MessageArg>): NextStep => ({
  code,
  message: msg(variant ? `nextStep.${code}.${variant}` : `nextStep.${code}`, values),
});

/**
 * Short, tailored guidance along the path the mission article describes, in our own words:
 * agree what trust means, talk openly without attack or surveillance, look at the intentions
 * behind the breach, protect your own worth, and get professional help.
 */
export function nextSteps(profile: IntakeProfile, safety: SafetyAssessment, listed: { counselorsListed?: boolean } = {}): NextStep[] {
  const steps: NextStep[] = [];
  if (safety.selfHarm) {
    steps.push(step('reach_crisis_line'));
  }
  if (safety.riskReported) {
    // doNotContact is forced on: say so, so nobody waits for a call that will not come.
    steps.push(step('you_reach_out'));
  }
  if (safety.ownBehaviour) {
    // Addressed to the person worried about their own behaviour, whatever the safety answers (never survivor advice to them).
    steps.push(
      step('own_behaviour_program'),
      step('own_behaviour_pause', undefined, { call: { message: callEmergency(safety.emergency) } }),
      step('own_behaviour_no_pressure'),
    );
    return steps;
  }
  if (safety.abuse) {
    steps.push(step('talk_to_advocate'), step('private_device'), step('individual_support', 'abuse'));
    return steps;
  }
  if (safety.selfHarm) {
    steps.push(step('stay_with_someone'), step('individual_support', 'selfHarm'));
    return steps;
  }
  if (needsCaution(profile, safety)) {
    steps.push(step('screen_privately'));
  }
  if (profile.concerns.includes('infidelity')) {
    // Clinically first after an affair, worded for whichever partner fills the form (review 15, L4).
    steps.push(step('end_affair_contact'), step('no_big_decisions'));
  }
  if (profile.willingness === 'one_leaning_out') {
    steps.push(step('no_pressure'));
  } else if (safety.answered && profile.willingness !== 'one_unwilling') {
    steps.push(step('define_trust'));
  }
  if (profile.concerns.includes('jealousy_control')) {
    steps.push(step('no_surveillance'));
  } else {
    steps.push(step('talk_openly'));
  }
  if (profile.concerns.some((c) => ['infidelity', 'lying', 'financial_secrecy', 'hidden_substance_use'].includes(c))) {
    steps.push(step('understand_why'));
  }
  const together = profile.willingness === 'both';
  if (profile.concerns.includes('hidden_substance_use')) {
    steps.push(step('substance_support', together ? 'together' : 'alone'));
  }
  if (profile.concerns.includes('gambling')) {
    steps.push(step('gambling_support', together ? 'together' : 'alone'));
  }
  steps.push(step('protect_self_worth'));
  steps.push(
    step(
      'seek_professional_help',
      // No counselor among the matches (books and an app abroad): never "contact the counselors listed" (review 15, M1).
      listed.counselorsListed === false
        ? 'noCounselors'
        : !together
          ? 'alone'
          : // Not screened (or control named): no invitation to a joint session before each partner is asked alone.
            needsCaution(profile, safety)
            ? 'screenFirst'
            : 'together',
    ),
  );
  return steps;
}
