import { type Api, FriendlyError, newKey } from './api.js';
import { h } from './dom.js';
import { anySafetyConcern, type IntakeAnswers, intakeBody } from './format.js';
import { intakeResults } from './intake-results.js';
import { showHelplines } from './intake-safety.js';
import { intakeSteps } from './intake-steps.js';

/**
 * Intake mode: a short step-by-step form. Safety comes first: any "yes" brings helplines up at
 * once (they stay above the form), and the results lead with the crisis and domestic-violence
 * lines the API puts first (response.safety.resources). Then concerns, willingness, place,
 * formats, budget and insurance → the kind of help that fits and ranked matches with reasons,
 * each with a "request referral" action.
 */
export function intakeView(api: Api): HTMLElement {
  const answers: IntakeAnswers = {
    safety: {},
    concerns: [],
    willingness: '',
    postalCode: '',
    country: 'US',
    formats: [],
    budget: '',
    insurance: '',
    noInsurance: false,
  };
  const steps = intakeSteps(answers);

  let index = 0;
  const heading = h('h2', { className: 'view-title', tabindex: -1 });
  const progress = h('p', { className: 'progress' });
  const stepHolder = h('div', { className: 'step' });
  const back = h('button', { type: 'button', className: 'secondary' }, 'Back');
  const next = h('button', { type: 'submit' }, 'Next');
  const status = h('p', { className: 'status', role: 'status', 'aria-live': 'polite' });
  const safetyPanel = h('section', { className: 'safety', hidden: true, 'aria-labelledby': 'safety-title' });
  const results = h('div', { className: 'results' });
  const form = h(
    'form',
    { novalidate: true, 'aria-labelledby': 'intake-title' },
    progress,
    stepHolder,
    h('div', { className: 'actions' }, back, next),
  );
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
      results.replaceChildren(intakeResults(api, result, restart));
      safetyPanel.hidden = true; // the results lead with the helplines now
      heading.focus();
    } catch (error) {
      status.textContent = error instanceof FriendlyError ? error.message : 'Something went wrong. Please try again.';
      status.classList.add('problem');
    } finally {
      next.disabled = back.disabled = false;
    }
  }

  function restart(): void {
    for (const step of steps)
      step.body
        .querySelectorAll('input')
        .forEach((i) => (i.type === 'text' ? (i.value = '') : (i.checked = i.name === 'budget' && i.value === '')));
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
    if (index === 0 && anySafetyConcern(answers.safety)) void showHelplines(api, answers.safety, answers.country, safetyPanel);
    if (index === 0 && !anySafetyConcern(answers.safety)) safetyPanel.hidden = true;
    if (index < steps.length - 1) show(index + 1, true);
    else void submit();
  });

  show(0, false);
  return h('section', { className: 'view' }, safetyPanel, heading, form, status, results);
}
