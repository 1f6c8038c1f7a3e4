import { checkedValues, choices, field, h, setError } from './dom.js';
import { CONCERN_LABELS, FORMAT_LABELS, INTAKE_COUNTRIES, type IntakeAnswers, SAFETY_QUESTIONS, WILLINGNESS_LABELS } from './format.js';

export interface Step {
  title: string;
  body: HTMLElement;
  /** Reads the step into the answers; returns the control to focus when something is missing. */
  collect: () => HTMLElement | undefined;
}

// In this order on screen (integer keys first, as objects keep them), "not a concern" last.
const BUDGETS: Record<string, string> = {
  0: 'We need free help',
  50: 'Up to $50 a session',
  100: 'Up to $100 a session',
  150: 'Up to $150 a session',
  200: 'Up to $200 a session',
  '': 'Cost is not a concern',
};

/**
 * The intake form's steps, each reading its controls into `answers`: safety first (with the
 * country, so the helplines shown work there), then concerns, willingness, place, formats,
 * budget and insurance.
 */
export function intakeSteps(answers: IntakeAnswers): Step[] {
  return [
    safetyStep(answers),
    concernsStep(answers),
    willingnessStep(answers),
    placeStep(answers),
    formatsStep(answers),
    costStep(answers),
  ];
}

function safetyStep(answers: IntakeAnswers): Step {
  const country = h(
    'select',
    { name: 'country' },
    Object.entries(INTAKE_COUNTRIES).map(([code, name]) => h('option', { value: code }, name)),
  );
  const body = h(
    'div',
    {},
    h(
      'p',
      {},
      'Before anything else, your safety. Your answers go only to Mend, not to the website you are on, and this finder saves nothing in your browser (the page you are on stays in your history). You can skip any question.',
    ),
    h('p', { className: 'hint' }, 'If you can, answer when you are on your own.'),
    field('Where are you right now?', country, 'So the helplines we show work where you are.'),
    SAFETY_QUESTIONS.map((q) => choices('radio', q.field, q.question, { yes: 'Yes', no: 'No' }, { inline: true })),
  );
  return {
    title: 'Your safety',
    body,
    collect: () => {
      answers.country = country.value;
      for (const q of SAFETY_QUESTIONS) {
        const [value] = checkedValues(body, q.field);
        answers.safety[q.field] = value === undefined ? undefined : value === 'yes';
      }
      return undefined;
    },
  };
}

/**
 * A step of one group of choices: `store` keeps the checked values in the answers and returns
 * what is missing, if anything, shown under the group (whose first choice then takes the focus).
 */
function choicesStep(title: string, group: HTMLFieldSetElement, name: string, store: (checked: string[]) => string | undefined): Step {
  return {
    title,
    body: group,
    collect: () => {
      const missing = store(checkedValues(group, name));
      setError(group, missing);
      return missing ? (group.querySelector('input') ?? undefined) : undefined;
    },
  };
}

function concernsStep(answers: IntakeAnswers): Step {
  const concerns = choices('checkbox', 'concerns', 'What has been hurting trust between you?', CONCERN_LABELS, {
    hint: 'Choose all that apply.',
  });
  return choicesStep('What happened', concerns, 'concerns', (checked) => {
    answers.concerns = checked;
    return checked.length ? undefined : 'Choose at least one, or "Something else".';
  });
}

function willingnessStep(answers: IntakeAnswers): Step {
  const willingness = choices('radio', 'willingness', 'How do you both feel about getting help?', WILLINGNESS_LABELS);
  return choicesStep('Both of you', willingness, 'willingness', (checked) => {
    answers.willingness = checked[0] ?? '';
    return answers.willingness ? undefined : 'Choose the one closest to where you are.';
  });
}

function placeStep(answers: IntakeAnswers): Step {
  const postal = h('input', { type: 'text', name: 'postalCode', autocomplete: 'off', maxlength: 10, spellcheck: 'false' });
  return {
    title: 'Where you are',
    body: h(
      'div',
      {},
      h(
        'div',
        { className: 'row' },
        field(
          'ZIP or postal code (optional)',
          postal,
          'US ZIP or Canadian postal code, for help near you. Leave it empty to see online options.',
        ),
      ),
    ),
    collect: () => {
      answers.postalCode = postal.value;
      const ok = !postal.value.trim() || /^[A-Za-z0-9][A-Za-z0-9 -]{2,9}$/.test(postal.value.trim());
      setError(postal, ok ? undefined : 'Enter a ZIP or postal code such as 43215, or leave it empty.');
      return ok ? undefined : postal;
    },
  };
}

function formatsStep(answers: IntakeAnswers): Step {
  const formats = choices('checkbox', 'formats', 'How would you like to meet?', FORMAT_LABELS, {
    hint: 'Choose any; none means any way is fine.',
  });
  return choicesStep('How to meet', formats, 'formats', (checked) => {
    answers.formats = checked;
    return undefined;
  });
}

function costStep(answers: IntakeAnswers): Step {
  const budget = choices('radio', 'budget', 'What can you spend per session?', BUDGETS, { checked: [''] });
  const insurance = h('input', { type: 'text', name: 'insurance', autocomplete: 'off', maxlength: 100 });
  const noInsurance = h('input', { type: 'checkbox', name: 'noInsurance', id: 'no-insurance' });
  return {
    title: 'Cost and insurance',
    body: h(
      'div',
      {},
      budget,
      field('Insurance company (optional)', insurance, 'For example Aetna or Blue Cross.'),
      h('div', { className: 'choice' }, noInsurance, h('label', { for: 'no-insurance' }, "We don't have insurance")),
    ),
    collect: () => {
      answers.budget = checkedValues(budget, 'budget')[0] ?? '';
      answers.insurance = insurance.value;
      answers.noInsurance = noInsurance.checked;
      return undefined;
    },
  };
}
