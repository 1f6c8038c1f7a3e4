import { FriendlyError, newKey, type Api, type IntakeResult, type Resource } from './api.js';
import { resourceCard } from './cards.js';
import { checkedValues, choices, field, h, setError } from './dom.js';
import {
  anySafetyConcern, CONCERN_LABELS, FORMAT_LABELS, INTAKE_COUNTRIES, intakeBody, SAFETY_QUESTIONS, WILLINGNESS_LABELS, type IntakeAnswers,
} from './format.js';

interface Step {
  title: string;
  body: HTMLElement;
  /** Reads the step into the answers; returns the control to focus when something is missing. */
  collect: () => HTMLElement | undefined;
}

// In this order on screen (integer keys first, as objects keep them), "not a concern" last.
const BUDGETS: Record<string, string> = {
  0: 'We need free help', 50: 'Up to $50 a session', 100: 'Up to $100 a session', 150: 'Up to $150 a session',
  200: 'Up to $200 a session', '': 'Cost is not a concern',
};

/**
 * Intake mode: a short step-by-step form. Safety comes first: any "yes" brings helplines up at
 * once (they stay above the form), and the results lead with the crisis and domestic-violence
 * lines the API puts first (response.safety.resources). Then concerns, willingness, place,
 * formats, budget and insurance → the kind of help that fits and ranked matches with reasons,
 * each with a "request referral" action.
 */
export function intakeView(api: Api): HTMLElement {
  const answers: IntakeAnswers = {
    safety: {}, concerns: [], willingness: '', postalCode: '', country: 'US', formats: [], budget: '', insurance: '', noInsurance: false,
  };

  // Step 1: safety, and the country first, so the helplines shown work there.
  const country = h('select', { name: 'country' }, Object.entries(INTAKE_COUNTRIES).map(([code, name]) => h('option', { value: code }, name)));
  const safetyBody = h('div', {},
    h('p', {}, 'Before anything else, your safety. Your answers go only to Mend, not to the website you are on, and nothing is saved in this browser. You can skip any question.'),
    h('p', { className: 'hint' }, 'If you can, answer when you are on your own.'),
    field('Where are you right now?', country, 'So the helplines we show work where you are.'),
    SAFETY_QUESTIONS.map((q) => choices('radio', q.field, q.question, { yes: 'Yes', no: 'No' }, { inline: true })),
  );

  // Step 2–6.
  const concerns = choices('checkbox', 'concerns', 'What has been hurting trust between you?', CONCERN_LABELS, { hint: 'Choose all that apply.' });
  const willingness = choices('radio', 'willingness', 'How do you both feel about getting help?', WILLINGNESS_LABELS);
  const postal = h('input', { type: 'text', name: 'postalCode', autocomplete: 'off', maxlength: 10, spellcheck: 'false' });
  const formats = choices('checkbox', 'formats', 'How would you like to meet?', FORMAT_LABELS, { hint: 'Choose any; none means any way is fine.' });
  const budget = choices('radio', 'budget', 'What can you spend per session?', BUDGETS, { checked: [''] });
  const insurance = h('input', { type: 'text', name: 'insurance', autocomplete: 'off', maxlength: 100 });
  const noInsurance = h('input', { type: 'checkbox', name: 'noInsurance', id: 'no-insurance' });

  const steps: Step[] = [
    {
      title: 'Your safety', body: safetyBody,
      collect: () => {
        answers.country = country.value;
        for (const q of SAFETY_QUESTIONS) {
          const [value] = checkedValues(safetyBody, q.field);
          answers.safety[q.field] = value === undefined ? undefined : value === 'yes';
        }
        return undefined;
      },
    },
    {
      title: 'What happened', body: concerns,
      collect: () => {
        answers.concerns = checkedValues(concerns, 'concerns');
        setError(concerns, answers.concerns.length ? undefined : 'Choose at least one, or "Something else".');
        return answers.concerns.length ? undefined : concerns.querySelector('input') ?? undefined;
      },
    },
    {
      title: 'Both of you', body: willingness,
      collect: () => {
        answers.willingness = checkedValues(willingness, 'willingness')[0] ?? '';
        setError(willingness, answers.willingness ? undefined : 'Choose the one closest to where you are.');
        return answers.willingness ? undefined : willingness.querySelector('input') ?? undefined;
      },
    },
    {
      title: 'Where you are', body: h('div', {},
        h('div', { className: 'row' }, field('ZIP or postal code (optional)', postal, 'US ZIP or Canadian postal code, for help near you. Leave it empty to see online options.'))),
      collect: () => {
        answers.postalCode = postal.value;
        const ok = !postal.value.trim() || /^[A-Za-z0-9][A-Za-z0-9 -]{2,9}$/.test(postal.value.trim());
        setError(postal, ok ? undefined : 'Enter a ZIP or postal code such as 43215, or leave it empty.');
        return ok ? undefined : postal;
      },
    },
    {
      title: 'How to meet', body: formats,
      collect: () => {
        answers.formats = checkedValues(formats, 'formats');
        return undefined;
      },
    },
    {
      title: 'Cost and insurance', body: h('div', {}, budget, field('Insurance company (optional)', insurance, 'For example Aetna or Blue Cross.'),
        h('div', { className: 'choice' }, noInsurance, h('label', { for: 'no-insurance' }, "We don't have insurance"))),
      collect: () => {
        answers.budget = checkedValues(budget, 'budget')[0] ?? '';
        answers.insurance = insurance.value;
        answers.noInsurance = noInsurance.checked;
        return undefined;
      },
    },
  ];

  let index = 0;
  const heading = h('h2', { className: 'view-title', tabindex: -1 });
  const progress = h('p', { className: 'progress' });
  const stepHolder = h('div', { className: 'step' });
  const back = h('button', { type: 'button', className: 'secondary' }, 'Back');
  const next = h('button', { type: 'submit' }, 'Next');
  const status = h('p', { className: 'status', role: 'status', 'aria-live': 'polite' });
  const safetyPanel = h('section', { className: 'safety', hidden: true, 'aria-labelledby': 'safety-title' });
  const results = h('div', { className: 'results' });
  const form = h('form', { novalidate: true, 'aria-labelledby': 'intake-title' }, progress, stepHolder, h('div', { className: 'actions' }, back, next));
  heading.id = 'intake-title';
  let submission: { body: string; key: string } | undefined;

  function show(i: number, focus: boolean): void {
    index = i;
    heading.textContent = steps[i].title;
    progress.textContent = `Step ${i + 1} of ${steps.length}`;
    stepHolder.replaceChildren(steps[i].body);
    back.hidden = i === 0;
    next.textContent = i === steps.length - 1 ? 'See my options' : 'Next';
    if (focus) heading.focus();
  }

  /** Helplines at once when a safety answer calls for them: crisis lines first for self-harm. */
  async function showHelplines(): Promise<void> {
    const selfHarm = answers.safety.selfHarmRisk === true;
    const abuse = ['physicalViolence', 'feelsAfraid', 'coerciveControl', 'sexualViolence'].some((f) => answers.safety[f] === true);
    const roles = [selfHarm && 'crisis', abuse && 'domestic_violence', answers.safety.sexualViolence === true && 'sexual_assault'].filter(Boolean).join(',');
    const lines = h('ul', { className: 'cards' });
    safetyPanel.replaceChildren(
      h('h2', { id: 'safety-title' }, 'You can talk to someone now'),
      h('p', {}, 'Thank you for telling us. If you are in danger right now, call your local emergency number (911 in the US and Canada). These free, confidential lines can help today:'),
      lines,
    );
    safetyPanel.hidden = false;
    try {
      // The same verified, non-demo lines an intake would show, for the chosen country.
      const found = await api.safetyLines(new URLSearchParams({ country: answers.country || 'US', roles }));
      lines.replaceChildren(...found.lines.map((r) => resourceCard(r, 'h3')));
    } catch {
      lines.replaceChildren(h('li', {}, 'In the US: call or text 988 (crisis), or call 1-800-799-7233 (domestic violence).'));
    }
  }

  async function submit(): Promise<void> {
    const body = intakeBody(answers);
    const json = JSON.stringify(body);
    // Same answers, same Idempotency-Key: "Try again" after a lost response never makes a second intake.
    if (submission?.body !== json) submission = { body: json, key: newKey() };
    next.disabled = back.disabled = true;
    status.classList.remove('problem');
    status.textContent = 'Finding options for you…';
    try {
      const result = await api.submitIntake(body, submission.key);
      form.hidden = true;
      heading.textContent = 'Your options';
      status.textContent = `${result.matches.length} ${result.matches.length === 1 ? 'option' : 'options'} found${result.safety.level === 'none' ? '' : ', with helplines first'}.`;
      results.replaceChildren(renderResults(result));
      safetyPanel.hidden = true; // the results lead with the helplines now
      heading.focus();
    } catch (error) {
      status.textContent = error instanceof FriendlyError ? error.message : 'Something went wrong. Please try again.';
      status.classList.add('problem');
    } finally {
      next.disabled = back.disabled = false;
    }
  }

  function renderResults(result: IntakeResult): HTMLElement {
    const safety = result.safety.level !== 'none'
      ? h('section', { className: 'safety', 'aria-labelledby': 'safety-results-title' },
        h('h3', { id: 'safety-results-title' }, 'Your safety comes first'),
        h('p', {}, result.safety.guidance),
        h('ul', { className: 'cards' }, result.safety.resources.map((r) => resourceCard(r, 'h4'))),
      )
      // Low-key when no safety answer was yes: the form may have been filled by the controlling partner.
      : h('details', { className: 'safety-baseline' },
        h('summary', {}, 'If you ever feel unsafe: lines that answer at any hour'),
        h('p', {}, result.safety.guidance),
        h('ul', { className: 'cards' }, result.safety.resources.map((r) => resourceCard(r, 'h4'))),
      );
    const recommendation = h('section', { className: 'recommendation' },
      h('h3', {}, result.recommendation.title),
      h('p', {}, result.recommendation.explanation),
    );
    const widened = result.relaxations.length > 0 && h('div', { className: 'note' },
      h('p', {}, 'Few options matched everything, so we widened the search:'),
      h('ul', {}, result.relaxations.map((r) => h('li', {}, r.text))),
    );
    const matches = h('ul', { className: 'cards', 'aria-label': 'Matches' }, result.matches.map((m) => resourceCard(m.resource, 'h4',
      m.reasons.length ? h('div', { className: 'reasons' }, h('p', { className: 'reasons-title' }, 'Why this fits'), h('ul', {}, m.reasons.map((r) => h('li', {}, r.text)))) : undefined,
      m.caveats.length ? h('div', { className: 'caveats' }, h('p', { className: 'reasons-title' }, 'Keep in mind'), h('ul', {}, m.caveats.map((r) => h('li', {}, r.text)))) : undefined,
      referralAction(result.id, m.resource),
    )));
    const nextSteps = result.nextSteps.length > 0 && h('section', { className: 'next-steps' },
      h('h3', {}, 'Next steps'),
      h('ol', {}, result.nextSteps.map((s) => h('li', {}, s.text))),
    );
    const again = h('button', { type: 'button', className: 'secondary' }, 'Start over');
    again.addEventListener('click', () => restart());
    const urgent = result.safety.level !== 'none';
    return h('div', {}, urgent && safety, recommendation, widened, h('h3', {}, 'Matches'), matches, nextSteps, !urgent && safety, h('div', { className: 'actions' }, again));
  }

  function referralAction(intakeId: string, resource: Resource): HTMLElement {
    const button = h('button', { type: 'button', className: 'secondary' }, 'Request referral');
    const note = h('p', { className: 'referral-status', role: 'status' });
    const key = newKey(); // one per match: a double click never refers twice
    button.addEventListener('click', async () => {
      button.disabled = true;
      note.classList.remove('problem');
      note.textContent = 'Sending…';
      try {
        await api.createReferral(intakeId, resource.id, key);
        button.remove();
        note.textContent = `Referral requested for ${resource.name}. No names or contact details were shared.`;
      } catch (error) {
        button.disabled = false;
        note.textContent = error instanceof FriendlyError ? error.message : 'Something went wrong. Please try again.';
        note.classList.add('problem');
      }
    });
    return h('div', { className: 'referral' }, button, note);
  }

  function restart(): void {
    for (const step of steps) step.body.querySelectorAll('input').forEach((i) => (i.type === 'text' ? (i.value = '') : (i.checked = i.name === 'budget' && i.value === '')));
    Object.assign(answers, { safety: {}, concerns: [], willingness: '' });
    results.replaceChildren();
    status.textContent = '';
    safetyPanel.hidden = true;
    form.hidden = false;
    submission = undefined;
    show(0, true);
  }

  back.addEventListener('click', () => show(Math.max(0, index - 1), true));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const missing = steps[index].collect();
    if (missing) {
      missing.focus();
      return;
    }
    if (index === 0 && anySafetyConcern(answers.safety)) void showHelplines();
    if (index === 0 && !anySafetyConcern(answers.safety)) safetyPanel.hidden = true;
    if (index < steps.length - 1) show(index + 1, true);
    else void submit();
  });

  show(0, false);
  return h('section', { className: 'view' }, safetyPanel, heading, form, status, results);
}
