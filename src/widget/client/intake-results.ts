import { type Api, FriendlyError, type IntakeResult, newKey, type Resource } from './api.js';
import { resourceCard } from './cards.js';
import { h } from './dom.js';
import { resultsSafetySection } from './intake-safety.js';

/** Kinds a referral can go to: books, apps, finders and hotlines are used directly. */
const REFERRABLE_KINDS = ['practice', 'clinic', 'online_service', 'support_group', 'workshop'];

/**
 * The kind of help that fits and the ranked matches with reasons, each referrable one with a
 * "request referral" action; the safety section first when the answers were urgent or skipped.
 */
export function intakeResults(api: Api, result: IntakeResult, onStartOver: () => void): HTMLElement {
  const safety = resultsSafetySection(result.safety);
  const recommendation = h(
    'section',
    { className: 'recommendation' },
    h('h3', {}, result.recommendation.title),
    h('p', {}, result.recommendation.explanation),
  );
  const widened = titledList('note', h('p', {}, 'Few options matched everything, so we widened the search:'), result.relaxations);
  const matches = h(
    'ul',
    { className: 'cards', 'aria-label': 'Matches' },
    result.matches.map((m) =>
      resourceCard(
        m.resource,
        'h4',
        titledList('reasons', h('p', { className: 'reasons-title' }, 'Why this fits'), m.reasons),
        titledList('caveats', h('p', { className: 'reasons-title' }, 'Keep in mind'), m.caveats),
        REFERRABLE_KINDS.includes(m.resource.kind) ? referralAction(api, result.id, m.resource) : undefined,
      ),
    ),
  );
  const nextSteps =
    result.nextSteps.length > 0 &&
    h(
      'section',
      { className: 'next-steps' },
      h('h3', {}, 'Next steps'),
      h(
        'ol',
        {},
        result.nextSteps.map((s) => h('li', {}, s.text)),
      ),
    );
  const again = h('button', { type: 'button', className: 'secondary' }, 'Start over');
  again.addEventListener('click', () => onStartOver());
  // Urgent, or not screened (the questions were skipped): the lines come first and stay open.
  const urgent = result.safety.level !== 'none' || !result.safety.answered;
  return h(
    'div',
    {},
    urgent && safety,
    recommendation,
    widened,
    h('h3', {}, 'Matches'),
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

function referralAction(api: Api, intakeId: string, resource: Resource): HTMLElement {
  const button = h('button', { type: 'button', className: 'secondary' }, 'Request referral');
  const note = h('p', { className: 'referral-status', role: 'status' });
  const key = newKey(); // one per match: a double click never refers twice
  const request = async () => {
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
  };
  button.addEventListener('click', () => void request());
  return h('div', { className: 'referral' }, button, note);
}
