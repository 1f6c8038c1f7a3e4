import type { Api, IntakeResult } from './api.js';
import { resourceCard } from './cards.js';
import { h } from './dom.js';
import type { IntakeAnswers } from './format.js';

/**
 * Helplines in `panel` at once when a safety answer calls for them, before the intake is sent:
 * crisis lines first for self-harm, with the chosen country's emergency number.
 */
export async function showHelplines(api: Api, safety: IntakeAnswers['safety'], country: string, panel: HTMLElement): Promise<void> {
  const selfHarm = safety.selfHarmRisk === true;
  const abuse = ['physicalViolence', 'feelsAfraid', 'coerciveControl', 'sexualViolence'].some((f) => safety[f] === true);
  const roles = [selfHarm && 'crisis', abuse && 'domestic_violence', safety.sexualViolence === true && 'sexual_assault']
    .filter(Boolean)
    .join(',');
  const lines = h('ul', { className: 'cards' });
  const intro = h(
    'p',
    {},
    'Thank you for telling us. If you are in danger right now, call your local emergency number. These free, confidential lines can help today:',
  );
  panel.replaceChildren(h('h2', { id: 'safety-title' }, 'You can talk to someone now'), intro, lines);
  panel.hidden = false;
  try {
    // The same verified, non-demo lines an intake would show, for the chosen country.
    const found = await api.safetyLines(new URLSearchParams({ country: country || 'US', roles }));
    // The emergency number of the chosen country, never "911" for everyone.
    if (found.emergency) {
      const also = found.emergency.alsoWorks.length ? ` (or ${found.emergency.alsoWorks.join(' or ')})` : '';
      intro.textContent = `Thank you for telling us. If you are in danger right now, call ${found.emergency.number}${also}.${found.emergency.ifYouCannotSpeak ? ` ${found.emergency.ifYouCannotSpeak}` : ''} These free, confidential lines can help today:`;
    }
    lines.replaceChildren(...found.lines.map((r) => resourceCard(r, 'h3')));
  } catch {
    lines.replaceChildren(h('li', {}, 'In the US: call or text 988 (crisis), or call 1-800-799-7233 (domestic violence).'));
  }
}

/**
 * The results' safety section: urgent (or unscreened) answers get the lines in the open; when
 * every safety answer was no, a low-key disclosure, since the form may have been filled by the
 * controlling partner.
 */
export function resultsSafetySection(safety: IntakeResult['safety']): HTMLElement {
  const lines = () => [
    h('p', {}, safety.guidance),
    h(
      'ul',
      { className: 'cards' },
      safety.resources.map((r) => resourceCard(r, 'h4')),
    ),
  ];
  const open = (className: string, titleId: string, title: string) =>
    h('section', { className, 'aria-labelledby': titleId }, h('h3', { id: titleId }, title), lines());
  if (safety.level !== 'none') return open('safety', 'safety-results-title', 'Your safety comes first');
  if (!safety.answered) return open('safety-baseline', 'safety-baseline-title', 'If you ever feel unsafe');
  return h(
    'details',
    { className: 'safety-baseline' },
    h('summary', {}, 'If you ever feel unsafe: lines that answer at any hour'),
    lines(),
  );
}
