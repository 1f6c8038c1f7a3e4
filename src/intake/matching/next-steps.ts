import { needsCaution } from './constraints.js';
import { callEmergencyText } from './emergency-numbers.js';
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
    steps.push({
      code: 'reach_crisis_line',
      text: 'Before anything else, contact a crisis line. You do not have to wait until things get worse.',
    });
  }
  if (safety.riskReported) {
    // doNotContact is forced on: say so, so nobody waits for a call that will not come.
    steps.push({
      code: 'you_reach_out',
      text: 'Nobody from these services will contact you unless you reach out: the choice of when, and from which phone, is yours.',
    });
  }
  if (safety.ownBehaviour) {
    // Addressed to the person worried about their own behaviour, whatever the safety answers (never survivor advice to them).
    steps.push(
      {
        code: 'own_behaviour_program',
        text: 'Contact a program for people who want to stop controlling or abusive behaviour. Ask whether it is certified where you live and whether it works with advocates for partners.',
      },
      {
        code: 'own_behaviour_pause',
        text: `When you notice jealousy or anger rising, stop and step away before you check, question or threaten. If you might hurt someone, ${callEmergencyText(safety.emergency)}.`,
      },
      {
        code: 'own_behaviour_no_pressure',
        text: 'Do not ask your partner to join sessions, to forgive you or to stay while you work on this: their choices are theirs, and respecting them is part of the change.',
      },
    );
    return steps;
  }
  if (safety.abuse) {
    steps.push(
      {
        code: 'talk_to_advocate',
        text: 'Reach a domestic-violence advocate from a safe phone or device; they can help you make a safety plan.',
      },
      {
        code: 'private_device',
        text: "If your partner may check your phone or browser, look for help on a device they cannot reach (a friend's phone, a library or work computer). A private browsing window hides your history, but not monitoring apps or a shared account.",
      },
      {
        code: 'individual_support',
        text: 'Individual counseling is a safe place to sort out what you want next, without your partner in the room.',
      },
    );
    return steps;
  }
  if (safety.selfHarm) {
    steps.push(
      {
        code: 'stay_with_someone',
        text: 'If someone may act on thoughts of self-harm, do not leave them alone, and keep the crisis line close.',
      },
      {
        code: 'individual_support',
        text: 'An individual counselor can support the person who is struggling; the relationship questions can wait until the crisis has passed.',
      },
    );
    return steps;
  }
  if (needsCaution(profile, safety)) {
    steps.push({
      code: 'screen_privately',
      text: 'Before any joint session, each of you deserves a chance to answer the safety questions alone; a good couples counselor also asks each partner privately first.',
    });
  }
  if (profile.willingness === 'one_leaning_out') {
    steps.push({
      code: 'no_pressure',
      text: 'Do not decide under pressure. Discernment counseling is not couples therapy: the partner who is unsure does not have to commit to change yet, only to think it through.',
    });
  } else if (safety.answered && profile.willingness !== 'one_unwilling') {
    steps.push({
      code: 'define_trust',
      text: 'Sit down together and agree on what trust means for each of you — what you expect, and what you will no longer do.',
    });
  }
  if (profile.concerns.includes('jealousy_control')) {
    steps.push({
      code: 'no_surveillance',
      text: "Checking a partner's phone or demanding passwords is a form of control, not protection. If either of you does this or feels watched, talk privately to an abuse line first; otherwise, agree on openness you both choose freely.",
    });
  } else {
    steps.push({
      code: 'talk_openly',
      text: 'Say what you need plainly and calmly, and listen to the answer without attacking or keeping score.',
    });
  }
  if (profile.concerns.some((c) => ['infidelity', 'lying', 'financial_secrecy', 'hidden_substance_use'].includes(c))) {
    steps.push({
      code: 'understand_why',
      text: 'Try to understand what led to the breach — not to excuse it, but to know what has to change.',
    });
  }
  const together = profile.willingness === 'both';
  if (profile.concerns.includes('hidden_substance_use')) {
    steps.push({
      code: 'substance_support',
      text: together
        ? 'Hidden drinking or drug use often needs its own help alongside couples work; family groups support the partner too.'
        : 'Hidden drinking or drug use often needs its own help. Family groups such as Al-Anon support you whether or not your partner takes part.',
    });
  }
  if (profile.concerns.includes('gambling')) {
    steps.push({
      code: 'gambling_support',
      text: together
        ? 'Gambling usually needs its own help alongside couples work; protect shared money (separate accounts, limits) while you decide together.'
        : 'Gambling usually needs its own help. Groups such as Gam-Anon support you whether or not your partner takes part; protect your own money in the meantime.',
    });
  }
  steps.push({
    code: 'protect_self_worth',
    text: 'Whatever happened, your own worth is not up for negotiation; look after yourself while you decide.',
  });
  steps.push({
    code: 'seek_professional_help',
    text:
      profile.willingness !== 'both'
        ? 'Contact one of the options listed here; it is fine to start on your own.'
        : needsCaution(profile, safety)
          ? // Not screened (or control named): no invitation to a joint session before each partner is asked alone.
            'Contact one or two of the counselors listed here and ask how they talk with each of you on your own before any session together.'
          : 'Contact one or two of the counselors listed here and ask about a first session together.',
  });
  return steps;
}
