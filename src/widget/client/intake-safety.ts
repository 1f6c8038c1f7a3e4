import type { IntakeResult } from './api.js';
import { type CardEnv, resourceCard } from './cards.js';
import { h } from './dom.js';
import { helplineRoles, type IntakeAnswers, requestCountry, safetyLinesParams } from './format.js';

/**
 * Helplines in `panel` at once when a safety answer calls for them, before the intake is sent:
 * crisis lines first for self-harm, with the chosen country's emergency number.
 */
export async function showHelplines(env: CardEnv, safety: IntakeAnswers['safety'], country: string, panel: HTMLElement): Promise<void> {
  const { api, ui } = env;
  const { t } = ui;
  const lines = h('ul', { className: 'cards' });
  const intro = h('p', {}, [t('helplines.thanks'), t('helplines.callLocal'), t('helplines.canHelp')].join(' '));
  panel.replaceChildren(h('h2', { id: 'safety-title' }, t('helplines.title')), intro, lines);
  panel.hidden = false;
  try {
    // The same verified, non-demo lines an intake would show, for the chosen country ("Other country": none sent).
    const found = await api.safetyLines(safetyLinesParams(country, helplineRoles(safety)));
    if (found.countryAssumed) {
      // No country: the API falls back to US lines, which do not work elsewhere; the local number and findahelpline instead.
      intro.textContent = [t('helplines.thanks'), t('helplines.callLocal'), t('helplines.otherCountry')].join(' ');
      lines.replaceChildren();
      return;
    }
    // The emergency number of the chosen country, never "911" for everyone.
    // ifYouCannotSpeak is the API's own text, in the language asked for.
    if (found.emergency) {
      const { number, alsoWorks, ifYouCannotSpeak } = found.emergency;
      const others = alsoWorks.reduce((said, next) => (said ? t('common.or', { first: said, second: next }) : next), '');
      const call = others ? t('helplines.callOr', { number, others }) : t('helplines.call', { number });
      // No listed lines there yet (Spain, Mexico…): findahelpline rather than "these lines" over an empty list.
      const then = found.lines.length ? t('helplines.canHelp') : t('helplines.otherCountry');
      intro.textContent = [t('helplines.thanks'), call, ifYouCannotSpeak, then].filter(Boolean).join(' ');
    }
    lines.replaceChildren(...found.lines.map((r) => resourceCard(env, r, 'h3')));
  } catch {
    // The US numbers only for the US; elsewhere the local number (already said) and findahelpline.
    lines.replaceChildren(h('li', {}, t(requestCountry(country) === 'US' ? 'helplines.fallback' : 'helplines.otherCountry')));
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
