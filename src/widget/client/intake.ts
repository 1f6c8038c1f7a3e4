import { newKey } from './api.js';
import type { CardEnv } from './cards.js';
import { h } from './dom.js';
import { anySafetyConcern, blankAnswers, intakeBody } from './format.js';
import { intakeResults } from './intake-results.js';
import { showHelplines } from './intake-safety.js';
import { intakeSteps, type Step } from './intake-steps.js';
import type { Translate } from './messages.js';
import { errorText } from './ui.js';

/**
 * Intake mode: a short step-by-step form. Safety comes first: any "yes" brings helplines up at
 * once (they stay above the form), and the results lead with the crisis and domestic-violence
 * lines the API puts first (response.safety.resources). Then concerns, willingness, place,
 * formats, needs (language of care, affirming care, accessibility), budget and insurance → the
 * kind of help that fits and ranked matches with reasons, each with a "request referral" action.
 */
export function intakeView(env: CardEnv): HTMLElement {
  const { api, ui } = env;
  const { t } = ui;
  const answers = blankAnswers();
  const steps = intakeSteps(answers, ui);

  let index = 0;
  const { heading, progress, stepHolder, back, next, status, safetyPanel, results, form } = intakeElements(t);
  let submission: { body: string; key: string } | undefined;

  function show(i: number, focus: boolean): void {
    index = i;
    heading.textContent = steps[i].title;
    progress.textContent = t('intake.step', { step: i + 1, steps: steps.length });
    stepHolder.replaceChildren(steps[i].body);
    back.hidden = i === 0;
    next.textContent = t(i === steps.length - 1 ? 'intake.finish' : 'intake.next');
    if (focus) heading.focus();
  }

  async function submit(): Promise<void> {
    const body = intakeBody(answers, ui.lang);
    const json = JSON.stringify(body);
    // Same answers, same Idempotency-Key: "Try again" after a lost response never makes a second intake.
    if (submission?.body !== json) submission = { body: json, key: newKey() };
    next.disabled = back.disabled = true;
    status.classList.remove('problem');
    status.textContent = t('intake.finding');
    try {
      const result = await api.submitIntake(body, submission.key);
      form.hidden = true;
      heading.textContent = t('intake.yourOptions');
      status.textContent = t(result.safety.level === 'none' ? 'intake.found' : 'intake.foundWithLines', { count: result.matches.length });
      results.replaceChildren(intakeResults(env, result, restart));
      safetyPanel.hidden = true; // the results lead with the helplines now
      heading.focus();
    } catch (error) {
      status.textContent = errorText(ui, error);
      status.classList.add('problem');
    } finally {
      next.disabled = back.disabled = false;
    }
  }

  function restart(): void {
    clearSteps(steps);
    Object.assign(answers, { safety: {}, concerns: [], willingness: '', language: '', affirming: false, accessibility: [] });
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
    if (index === 0 && anySafetyConcern(answers.safety)) void showHelplines(env, answers.safety, answers.country, safetyPanel);
    if (index === 0 && !anySafetyConcern(answers.safety)) safetyPanel.hidden = true;
    if (index < steps.length - 1) show(index + 1, true);
    else void submit();
  });

  show(0, false);
  return h('section', { className: 'view' }, safetyPanel, heading, form, status, results);
}

/** The view's fixed elements: title, the form with its step holder and buttons, status, safety panel and results. */
function intakeElements(t: Translate) {
  const heading = h('h2', { className: 'view-title', tabindex: -1 });
  const progress = h('p', { className: 'progress' });
  const stepHolder = h('div', { className: 'step' });
  const back = h('button', { type: 'button', className: 'secondary' }, t('intake.back'));
  const next = h('button', { type: 'submit' }, t('intake.next'));
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
  return { heading, progress, stepHolder, back, next, status, safetyPanel, results, form };
}

/** Every step's inputs back to their first state (text empty, nothing checked but "no budget"), and no language of care. */
function clearSteps(steps: readonly Step[]): void {
  for (const step of steps)
    step.body
      .querySelectorAll('input')
      .forEach((i) => (i.type === 'text' ? (i.value = '') : (i.checked = i.name === 'budget' && i.value === '')));
  for (const step of steps) step.body.querySelectorAll('select[name="language"]').forEach((s) => ((s as HTMLSelectElement).value = ''));
}
