import { checkedValues, choices, field, h, setError } from './dom.js';
import {
  CARE_LANGUAGES,
  CONCERNS,
  FORMAT_CODES,
  formatMoney,
  INTAKE_COUNTRIES,
  type IntakeAnswers,
  SAFETY_QUESTIONS,
  WILLINGNESS,
} from './format.js';
import type { Translate } from './messages.js';
import type { Ui } from './ui.js';

export interface Step {
  title: string;
  body: HTMLElement;
  /** Reads the step into the answers; returns the control to focus when something is missing. */
  collect: () => HTMLElement | undefined;
}

// Dollars per session, in this order on screen; "not a concern" ('') last.
const BUDGETS = ['0', '50', '100', '150', '200', ''];

/**
 * The intake form's steps, each reading its controls into `answers`: safety first (with the
 * country, so the helplines shown work there), then concerns, willingness, place, formats,
 * needs (language of care, affirming care, accessibility), budget and insurance.
 */
export function intakeSteps(answers: IntakeAnswers, ui: Ui): Step[] {
  return [
    safetyStep(answers, ui),
    concernsStep(answers, ui),
    willingnessStep(answers, ui),
    placeStep(answers, ui),
    formatsStep(answers, ui),
    needsStep(answers, ui),
    costStep(answers, ui),
  ];
}

/** `codes` with the words for each, in order. */
const options = (codes: readonly string[], word: (code: string) => string) => Object.fromEntries(codes.map((c) => [c, word(c)]));

function safetyStep(answers: IntakeAnswers, { t }: Ui): Step {
  const country = h(
    'select',
    { name: 'country' },
    INTAKE_COUNTRIES.map((code) => h('option', { value: code }, t(`country.${code}`))),
  );
  const body = h(
    'div',
    {},
    h('p', {}, t('safety.intro')),
    h('p', { className: 'hint' }, t('safety.alone')),
    field(t('safety.where'), country, t('safety.whereHint')),
    SAFETY_QUESTIONS.map((q) => choices('radio', q, t(`safety.q.${q}`), { yes: t('common.yes'), no: t('common.no') }, { inline: true })),
  );
  return {
    title: t('safety.title'),
    body,
    collect: () => {
      answers.country = country.value;
      for (const q of SAFETY_QUESTIONS) {
        const [value] = checkedValues(body, q);
        answers.safety[q] = value === undefined ? undefined : value === 'yes';
      }
      return undefined;
    },
  };
}

/**
 * A step of one group of choices, worded by `${name}.title` and `${name}.legend`: `store` keeps
 * the checked values in the answers and returns what is missing, if anything, shown under the
 * group (whose first choice then takes the focus).
 */
function choicesStep(
  t: Translate,
  type: 'radio' | 'checkbox',
  name: 'concerns' | 'willingness' | 'formats',
  words: Record<string, string>,
  store: (checked: string[]) => string | undefined,
  hint?: string,
): Step {
  const group = choices(type, name, t(`${name}.legend`), words, { hint });
  return {
    title: t(`${name}.title`),
    body: group,
    collect: () => {
      const missing = store(checkedValues(group, name));
      setError(group, missing);
      return missing ? (group.querySelector('input') ?? undefined) : undefined;
    },
  };
}

function concernsStep(answers: IntakeAnswers, { t }: Ui): Step {
  const words = options(CONCERNS, (c) => t(`concern.${c as (typeof CONCERNS)[number]}`));
  const store = (checked: string[]) => {
    answers.concerns = checked;
    return checked.length ? undefined : t('concerns.missing');
  };
  return choicesStep(t, 'checkbox', 'concerns', words, store, t('concerns.hint'));
}

function willingnessStep(answers: IntakeAnswers, { t }: Ui): Step {
  const words = options(WILLINGNESS, (w) => t(`willingness.${w as (typeof WILLINGNESS)[number]}`));
  const store = (checked: string[]) => {
    answers.willingness = checked[0] ?? '';
    return answers.willingness ? undefined : t('willingness.missing');
  };
  return choicesStep(t, 'radio', 'willingness', words, store);
}

function placeStep(answers: IntakeAnswers, { t }: Ui): Step {
  const postal = h('input', { type: 'text', name: 'postalCode', autocomplete: 'off', maxlength: 10, spellcheck: 'false' });
  return {
    title: t('place.title'),
    body: h('div', {}, h('div', { className: 'row' }, field(t('place.postal'), postal, t('place.postalHint')))),
    collect: () => {
      answers.postalCode = postal.value;
      const ok = !postal.value.trim() || /^[A-Za-z0-9][A-Za-z0-9 -]{2,9}$/.test(postal.value.trim());
      setError(postal, ok ? undefined : t('place.invalid'));
      return ok ? undefined : postal;
    },
  };
}

function formatsStep(answers: IntakeAnswers, { t, term }: Ui): Step {
  const words = options(FORMAT_CODES, (f) => term('format', f));
  const store = (checked: string[]) => {
    answers.formats = checked;
    return undefined;
  };
  return choicesStep(t, 'checkbox', 'formats', words, store, t('formats.hint'));
}

/**
 * What the couple needs from a service: the language of care (named in the reader's language by
 * Intl.DisplayNames), LGBTQ+ affirming care, and accessibility needs (the API's accessibility
 * codes and labels). All optional; each is sent as a preference the matching engine explains.
 */
function needsStep(answers: IntakeAnswers, ui: Ui): Step {
  const { t } = ui;
  const names = new Intl.DisplayNames([ui.lang], { type: 'language' });
  const language = h(
    'select',
    { name: 'language' },
    h('option', { value: '' }, t('needs.anyLanguage')),
    CARE_LANGUAGES.map((code) => h('option', { value: code }, names.of(code) ?? code)),
  );
  const affirming = choices('checkbox', 'affirming', t('needs.affirmingLegend'), { lgbtq_affirming: t('needs.affirming') });
  const accessibility = choices(
    'checkbox',
    'accessibility',
    t('needs.accessibility'),
    options(
      ui.terms('accessibility').map((a) => a.code),
      (a) => ui.term('accessibility', a),
    ),
    { hint: t('needs.accessibilityHint') },
  );
  accessibility.hidden = ui.terms('accessibility').length === 0; // no labels without the taxonomy
  const body = h('div', {}, field(t('needs.language'), language, t('needs.languageHint')), affirming, accessibility);
  return {
    title: t('needs.title'),
    body,
    collect: () => {
      answers.language = language.value;
      answers.affirming = checkedValues(affirming, 'affirming').length > 0;
      answers.accessibility = checkedValues(accessibility, 'accessibility');
      return undefined;
    },
  };
}

function costStep(answers: IntakeAnswers, ui: Ui): Step {
  const { t } = ui;
  const budgetWords = (dollars: string) =>
    dollars === ''
      ? t('cost.noConcern')
      : dollars === '0'
        ? t('cost.needFree')
        : t('cost.upTo', { amount: formatMoney(Number(dollars) * 100, 'USD', ui.locale) });
  const budget = choices('radio', 'budget', t('cost.legend'), options(BUDGETS, budgetWords), { checked: [''] });
  const insurance = h('input', { type: 'text', name: 'insurance', autocomplete: 'off', maxlength: 100 });
  const noInsurance = h('input', { type: 'checkbox', name: 'noInsurance', id: 'no-insurance' });
  return {
    title: t('cost.title'),
    body: h(
      'div',
      {},
      budget,
      field(t('cost.insurer'), insurance, t('cost.insurerHint')),
      h('div', { className: 'choice' }, noInsurance, h('label', { for: 'no-insurance' }, t('cost.noInsurance'))),
    ),
    collect: () => {
      answers.budget = checkedValues(budget, 'budget')[0] ?? '';
      answers.insurance = insurance.value;
      answers.noInsurance = noInsurance.checked;
      return undefined;
    },
  };
}
