import { type Api, createApi } from './api.js';
import type { CardEnv } from './cards.js';
import { h } from './dom.js';
import { isWidgetMessage, PROTOCOL, type WidgetMessage } from './format.js';
import { intakeView } from './intake.js';
import { loadMessages, translator, widgetLang } from './messages.js';
import { searchView } from './search.js';
import { createUi, type Taxonomy } from './ui.js';

/**
 * The frame (GET /widget/frame), on Mend's origin inside the partner's page. The server already
 * refused to be framed by any page outside the key's allowed origins (frame-ancestors); here the
 * frame learns which of them it is in, from the browser: the loader's "init" message carries
 * event.origin, which no page can fake. Everything the frame says goes to that origin only.
 * No cookies, no storage, no third-party requests: only Mend's API, with the publishable key.
 * Language: data-lang, which the server set from the loader's choice (the embed's data-lang, else
 * the host page's <html lang>, else en); every API call names it, and the API's words come back in it.
 */
const root = document.getElementById('mend-app') as HTMLElement;
const key = root.dataset.key ?? '';
const allowedOrigins = (root.dataset.origins ?? '').split(' ').filter(Boolean);
const exitUrl = root.dataset.exit || 'https://www.weather.com/';
const lang = widgetLang(root.dataset.lang) ?? 'en';
const region = root.dataset.region; // the host page's region (es-MX → MX), if its language tag named one
let mode = root.dataset.mode === 'intake' ? 'intake' : 'search';
let parentOrigin: string | undefined;

const accent = root.dataset.accent;
if (accent) document.documentElement.style.setProperty('--accent', accent); // CSSOM: allowed by the frame's CSP

function tell(type: WidgetMessage['type'], extra: Partial<WidgetMessage> = {}): void {
  if (parentOrigin) window.parent.postMessage({ protocol: PROTOCOL, type, ...extra }, parentOrigin);
}

/**
 * Quick exit: the loader replaces the partner page with a neutral site (it owns the top window,
 * and replace() keeps the page out of the tab's history). This frame's content goes at once. If
 * the page is somehow still there a moment later, the frame navigates the top window itself: the
 * sandbox allows that within a click's user activation (not after Esc, which grants none).
 */
function quickExit(): void {
  tell('exit');
  document.body.replaceChildren();
  window.setTimeout(() => {
    try {
      window.top?.location.replace(exitUrl);
    } catch {
      // Not allowed without user activation: nothing more a frame can do.
    }
  }, 300);
}

// Not 0: event.timeStamp counts from the frame's load, so one Esc in its first second would have exited.
let lastEscape = -Infinity;
document.addEventListener('keydown', (event) => {
  if (event.key !== 'Escape') return;
  if (event.timeStamp - lastEscape < 1000) quickExit();
  lastEscape = event.timeStamp;
});

function render(env: CardEnv): void {
  const { t } = env.ui;
  const exit = h('button', { type: 'button', className: 'exit' }, t('frame.exit'));
  exit.addEventListener('click', quickExit);
  const tabs = (['search', 'intake'] as const).map((m) => {
    const tab = h(
      'button',
      { type: 'button', className: 'tab', 'aria-pressed': String(m === mode) },
      t(m === 'search' ? 'frame.tabSearch' : 'frame.tabIntake'),
    );
    tab.addEventListener('click', () => {
      mode = m;
      render(env);
    });
    return tab;
  });
  root.replaceChildren(
    h(
      'header',
      { className: 'bar' },
      h('p', { className: 'brand' }, t('frame.brand')),
      h('div', { className: 'exit-wrap' }, exit, h('span', { className: 'hint' }, t('frame.exitHint'))),
    ),
    h('nav', { className: 'tabs', 'aria-label': t('frame.tabs') }, tabs),
    mode === 'intake' ? intakeView(env) : searchView(env),
    h('p', { className: 'footer' }, t('frame.footer')),
  );
}

/** The API's labels in the frame's language; without them (a failed call) the frame still works, showing codes. */
async function loadTaxonomy(api: Api): Promise<Taxonomy | undefined> {
  try {
    return await api.taxonomy();
  } catch {
    return undefined;
  }
}

async function start(origin: string): Promise<void> {
  parentOrigin = origin;
  tell('ready'); // before the taxonomy call: the loader gives up on a frame that stays silent
  const api = createApi(key, origin, lang);
  const [messages, taxonomy] = await Promise.all([loadMessages(lang), loadTaxonomy(api)]);
  render({ api, ui: createUi(lang, messages, taxonomy, region) });
  // The loader sizes the iframe to the content, so the partner page scrolls, not the frame.
  new ResizeObserver(() => tell('resize', { height: root.getBoundingClientRect().height })).observe(root);
}

if (window.parent === window) {
  void loadMessages(lang).then((messages) =>
    root.replaceChildren(h('p', { className: 'notice' }, translator(lang, messages)('frame.standalone'))),
  );
} else {
  window.addEventListener('message', (event) => {
    if (parentOrigin || event.source !== window.parent || !isWidgetMessage(event.data, 'init')) return;
    if (!allowedOrigins.includes(event.origin)) return; // frame-ancestors already prevents this; never trust, though
    void start(event.origin);
  });
}
