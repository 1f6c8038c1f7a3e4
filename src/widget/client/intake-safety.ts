import type { IntakeResult } from './api.js';
import { type CardEnv, resourceCard } from './cards.js';
import { h } from './dom.js';
import { helplineRoles, type IntakeAnswers } from './format.js';

/**
 * Helplines in `panel` at once when a safety answer calls for them, before the intake is sent:
 * crisis lines first for self-harm, with the chosen country's emergency number.
 */
export async function showHelplines(env: CardEnv, safety: IntakeAnswers['safety'], country: string, panel: HTMLElement): Promise<void> {
  const { api, ui } = env;
  const { t } = ui;
  const roles = helplineRoles(safety).join(',');
  const lines = h('ul', { className: 'cards' });
  const intro = h('p', {}, [t('helplines.thanks'), t('helplines.callLocal'), t('helplines.canHelp')].join(' '));
  panel.replaceChildren(h('h2', { id: 'safety-title' }, t('helplines.title')), intro, lines);
  panel.hidden = false;
  try {
    // The same verified, non-demo lines an intake would show, for the chosen country.
    const found = await api.safetyLines(new URLSearchParams({ country: country || 'US', roles }));
    // The emergency number of the chosen country, never "911" for everyone.
    // ifYouCannotSpeak is the API's own text, in the language asked for.
    if (found.emergency) {
      const { number, alsoWorks, ifYouCannotSpeak } = found.emergency;
      const others = alsoWorks.reduce((said, next) => (said ? t('common.or', { first: said, second: next }) : next), '');
      const call = others ? t('helplines.callOr', { number, others }) : t('helplines.call', { number });
      intro.textContent = [t('helplines.thanks'), call, ifYouCannotSpeak, t('helplines.canHelp')].filter(Boolean).join(' ');
    }
    lines.replaceChildren(...found.lines.map((r) => resourceCard(env, r, 'h3')));
  } catch {
    lines.replaceChildren(h('li', {}, t('helplines.fallback')));
  }
}

/**
 * The results' safety section: urgent (or unscreened) answers get the lines in the open; when
 * every safety answer was no, a low-key disclosure, since the form may have been filled by the
 * controlling partner.
 */
export function resultsSafetySection(env: CardEnv, safety: IntakeResult['safety']): HTMLElement {
  const { t } = env.ui;
  const lines = () => [
    h('p', {}, safety.guidance),
    h(
      'ul',
      { className: 'cards' },
      safety.resources.map((r) => resourceCard(env, r, 'h4')),
    ),
  ];
  const open = (className: string, titleId: string, title: string) =>
    h('section', { className, 'aria-labelledby': titleId }, h('h3', { id: titleId }, title), lines());
  if (safety.level !== 'none') return open('safety', 'safety-results-title', t('safety.resultsTitle'));
  if (!safety.answered) return open('safety-baseline', 'safety-baseline-title', t('safety.baselineTitle'));
  return h('details', { className: 'safety-baseline' }, h('summary', {}, t('safety.baselineSummary')), lines());
}
