import { type IntakeResult, newKey, type Resource } from './api.js';
import { type CardEnv, resourceCard } from './cards.js';
import { h } from './dom.js';
import { resultsSafetySection } from './intake-safety.js';
import { errorText } from './ui.js';

/** Kinds a referral can go to: books, apps, finders and hotlines are used directly. */
const REFERRABLE_KINDS = ['practice', 'clinic', 'online_service', 'support_group', 'workshop'];

/**
 * The kind of help that fits and the ranked matches with reasons, each referrable one with a
 * "request referral" action; the safety section first when the answers were urgent or skipped.
 */
export function intakeResults(env: CardEnv, result: IntakeResult, onStartOver: () => void): HTMLElement {
  const { t } = env.ui;
  const safety = resultsSafetySection(env, result.safety);
  const recommendation = h(
    'section',
    { className: 'recommendation' },
    h('h3', {}, result.recommendation.title),
    h('p', {}, result.recommendation.explanation),
  );
  const widened = titledList('note', h('p', {}, t('results.widened')), result.relaxations);
  const matches = h(
    'ul',
    { className: 'cards', 'aria-label': t('results.matches') },
    result.matches.map((m) =>
      resourceCard(
        env,
        m.resource,
        'h4',
        titledList('reasons', h('p', { className: 'reasons-title' }, t('results.why')), m.reasons),
        titledList('caveats', h('p', { className: 'reasons-title' }, t('results.keepInMind')), m.caveats),
        REFERRABLE_KINDS.includes(m.resource.kind) ? referralAction(env, result.id, m.resource) : undefined,
      ),
    ),
  );
  const nextSteps =
    result.nextSteps.length > 0 &&
    h(
      'section',
      { className: 'next-steps' },
      h('h3', {}, t('results.nextSteps')),
      h(
        'ol',
        {},
        result.nextSteps.map((s) => h('li', {}, s.text)),
      ),
    );
  const again = h('button', { type: 'button', className: 'secondary' }, t('results.startOver'));
  again.addEventListener('click', () => onStartOver());
  // Urgent, or not screened (the questions were skipped): the lines come first and stay open.
  const urgent = result.safety.level !== 'none' || !result.safety.answered;
  return h(
    'div',
    {},
    urgent && safety,
    recommendation,
    widened,
    h('h3', {}, t('results.matches')),
    matches,
    nextSteps,
    !urgent && safety,
    h('div', { className: 'actions' }, again),
  );
}

/** Texts in a list under their title (the search widened, a match's reasons or caveats); nothing when there are none. */
function titledList(className: string, title: HTMLElement, items: { text: string }[]): HTMLElement | undefined {
  if (!items.length) return undefined;
  return h(
    'div',
    { className },
    title,
    h(
      'ul',
      {},
      items.map((r) => h('li', {}, r.text)),
    ),
  );
}

function referralAction({ api, ui }: CardEnv, intakeId: string, resource: Resource): HTMLElement {
  const { t } = ui;
  const button = h('button', { type: 'button', className: 'secondary' }, t('referral.request'));
  const note = h('p', { className: 'referral-status', role: 'status' });
  const key = newKey(); // one per match: a double click never refers twice
  const request = async () => {
    button.disabled = true;
    note.classList.remove('problem');
    note.textContent = t('common.sending');
    try {
      await api.createReferral(intakeId, resource.id, key);
      button.remove();
      note.textContent = t('referral.done', { name: resource.name });
    } catch (error) {
      button.disabled = false;
      note.textContent = errorText(ui, error);
      note.classList.add('problem');
    }
  };
  button.addEventListener('click', () => void request());
  return h('div', { className: 'referral' }, button, note);
}
