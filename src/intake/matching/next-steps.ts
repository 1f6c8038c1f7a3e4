import type { SafetyAssessment } from './safety.js';
import type { IntakeProfile } from './types.js';

export interface NextStep {
  code: string;
  text: string;
}

/**
 * Short, tailored guidance along the path the mission article describes, in our own words:
 * agree what trust means, talk openly without attack or surveillance, look at the intentions
 * behind the breach, protect your own worth, and get professional help.
 */
export function nextSteps(profile: IntakeProfile, safety: SafetyAssessment): NextStep[] {
  const steps: NextStep[] = [];
  if (safety.selfHarm) {
    steps.push({ code: 'reach_crisis_line', text: 'Before anything else, contact a crisis line. You do not have to wait until things get worse.' });
  }
  if (safety.abuse) {
    steps.push(
      { code: 'talk_to_advocate', text: 'Reach a domestic-violence advocate from a safe phone or device; they can help you make a safety plan.' },
      { code: 'private_device', text: 'If your partner may check your phone or browser, use a device they cannot access, or a private browsing window, to look for help.' },
      { code: 'individual_support', text: 'Individual counseling is a safe place to sort out what you want next, without your partner in the room.' },
    );
    return steps;
  }
  if (safety.selfHarm) {
    steps.push(
      { code: 'stay_with_someone', text: 'If someone may act on thoughts of self-harm, do not leave them alone, and keep the crisis line close.' },
      { code: 'individual_support', text: 'An individual counselor can support the person who is struggling; the relationship questions can wait until the crisis has passed.' },
    );
    return steps;
  }
  if (!safety.answered) {
    steps.push({
      code: 'screen_privately',
      text: 'Before any joint session, each of you deserves a chance to answer the safety questions alone; a good couples counselor also asks each partner privately first.',
    });
  }
  steps.push({ code: 'define_trust', text: 'Sit down together and agree on what trust means for each of you — what you expect, and what you will no longer do.' });
  if (profile.concerns.includes('jealousy_control')) {
    steps.push({ code: 'no_surveillance', text: 'Checking a partner\'s phone or demanding passwords is a form of control, not protection. If either of you does this or feels watched, talk privately to an abuse line first; otherwise, agree on openness you both choose freely.' });
  } else {
    steps.push({ code: 'talk_openly', text: 'Say what you need plainly and calmly, and listen to the answer without attacking or keeping score.' });
  }
  if (profile.concerns.some((c) => ['infidelity', 'lying', 'financial_secrecy', 'hidden_substance_use'].includes(c))) {
    steps.push({ code: 'understand_why', text: 'Try to understand what led to the breach — not to excuse it, but to know what has to change.' });
  }
  if (profile.concerns.includes('hidden_substance_use')) {
    steps.push({ code: 'substance_support', text: 'Hidden drinking or drug use often needs its own help alongside couples work; family groups support the partner too.' });
  }
  steps.push({ code: 'protect_self_worth', text: 'Whatever happened, your own worth is not up for negotiation; look after yourself while you decide.' });
  steps.push({
    code: 'seek_professional_help',
    text: profile.willingness === 'both'
      ? 'Contact one or two of the counselors below and ask about a first session together.'
      : 'Contact one of the options below; it is fine to start on your own.',
  });
  return steps;
}
