/**
 * The widget's HTML: the frame, the frame's "unavailable" page, and the demo partner page.
 * Every interpolated value is escaped; the frame page has no inline script or style at all
 * (its CSP allows 'self' only), its configuration travels in data- attributes. Words come from
 * the widget's catalogue (client/messages.ts) and, for the demo page, demo-page.messages.ts.
 */
import { formatMessage, type WidgetLang } from './client/messages.js';
import { DEMO_PAGE_MESSAGES, type DemoMessageKey } from './demo-page.messages.js';
import { widgetTranslator } from './widget-messages.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]);

export interface FramePageInput {
  key: string;
  mode: 'search' | 'intake';
  lang: WidgetLang;
  accent?: string;
  exitUrl?: string;
  /** The partner's allowed origins: the frame accepts its loader's handshake only from these. */
  origins: string[];
}

/** The frame's pages share one document (frame.css, no inline style); `main` and `head` are escaped markup. */
function framedDocument(lang: WidgetLang, title: string, main: string, head = ''): string {
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="/widget/frame.css">
${head}</head>
<body>
${main}
</body>
</html>
`;
}

export function framePage(input: FramePageInput): string {
  const data = [
    `data-key="${escapeHtml(input.key)}"`,
    `data-mode="${input.mode}"`,
    `data-lang="${input.lang}"`,
    `data-origins="${escapeHtml(input.origins.join(' '))}"`,
    input.accent ? `data-accent="${escapeHtml(input.accent)}"` : '',
    input.exitUrl ? `data-exit="${escapeHtml(input.exitUrl)}"` : '',
  ]
    .filter(Boolean)
    .join(' ');
  const t = widgetTranslator(input.lang);
  return framedDocument(
    input.lang,
    t('page.title'),
    `<main id="mend-app" ${data}><p class="notice">${escapeHtml(t('page.loading'))}</p><noscript><p>${escapeHtml(t('page.noscript'))}</p></noscript></main>`,
    `<script type="module" src="/widget/frame.js"></script>
<link rel="modulepreload" href="/widget/messages-${input.lang}.js">
`,
  );
}

/** The same page for unknown, revoked, expired and secret keys: it says nothing about which. */
export function unavailablePage(lang: WidgetLang = 'en'): string {
  const t = widgetTranslator(lang);
  return framedDocument(
    lang,
    t('page.unavailableTitle'),
    `<main id="mend-app"><h1>${escapeHtml(t('page.unavailableHeading'))}</h1><p class="notice">${escapeHtml(t('page.unavailableText'))}</p></main>`,
  );
}

/** The two lines a partner pastes. */
export function embedSnippet(baseUrl: string, key: string): string {
  return `<script src="${baseUrl}/widget.js" async></script>\n<mend-finder data-key="${key}"></mend-finder>`;
}

export interface DemoPageInput {
  baseUrl: string;
  /** A publishable key for the embedded widgets; without one, the page explains how to get one. */
  key?: string;
  /** The article's language (`<html lang>`), which the embedded finders take when they have no data-lang. */
  lang?: WidgetLang;
}

/**
 * A message of the demo page as HTML: the text escaped, then `html` arguments (markup such as
 * <code>) put in where the message names them.
 */
function demoText(lang: WidgetLang, key: DemoMessageKey, html: Record<string, string> = {}): string {
  const marks = Object.fromEntries(Object.keys(html).map((name, i) => [name, `\uE000${i}\uE000`]));
  const text = escapeHtml(formatMessage(DEMO_PAGE_MESSAGES[lang][key], marks, lang));
  return text.replace(/\uE000(\d+)\uE000/g, (_m, i: string) => Object.values(html)[Number(i)]);
}

/**
 * A realistic partner page: a relationship-advice article on a fictional blog, with the finder
 * embedded twice (guided questions in the article, search in the sidebar) and the snippet to copy.
 * `?lang=es` serves the Spanish article: the finders follow the page's <html lang>.
 */
export function demoPage({ baseUrl, key, lang = 'en' }: DemoPageInput): string {
  const base = escapeHtml(baseUrl);
  const snippet = escapeHtml(embedSnippet(baseUrl, 'mend_pk_live_YOUR_PUBLISHABLE_KEY'));
  const d = (k: DemoMessageKey, html?: Record<string, string>) => demoText(lang, k, html);
  const code = (text: string) => `<code>${escapeHtml(text)}</code>`;
  const widget = (mode: string, accent: string) =>
    key
      ? `<mend-finder data-key="${escapeHtml(key)}" data-mode="${mode}" data-accent="${accent}"></mend-finder>`
      : `<p class="missing">${d('demo.missingKey', { demo: code('demo'), url: code('/widget/demo?key=mend_pk_test_…') })}</p>`;
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${d('demo.title')}</title>
<link rel="icon" href="data:,">
<style>
  body { margin: 0; font: 17px/1.65 Georgia, "Times New Roman", serif; color: #222; background: #faf8f5; }
  header.site { background: #3b2f4a; color: #fff; padding: 14px 20px; font: 600 18px/1.2 system-ui, sans-serif; }
  header.site nav { font-weight: 400; font-size: 15px; opacity: 0.85; margin-top: 4px; }
  .wrap { max-width: 1080px; margin: 0 auto; padding: 20px; display: grid; grid-template-columns: minmax(0, 1fr) 340px; gap: 32px; }
  @media (max-width: 860px) { .wrap { grid-template-columns: minmax(0, 1fr); padding: 14px; } }
  h1 { font-size: 2rem; line-height: 1.2; margin: 0.2em 0 0.3em; }
  .byline { color: #666; font: 14px system-ui, sans-serif; }
  aside h2, .embed h2 { font: 600 18px system-ui, sans-serif; }
  .embed, aside .box { background: #fff; border: 1px solid #e4dfd8; border-radius: 12px; padding: 16px; margin: 24px 0; }
  pre { background: #1e1e2e; color: #e6e6f0; padding: 12px; border-radius: 8px; overflow-x: auto; font-size: 13px; white-space: pre; user-select: all; }
  .missing { color: #8a1c1c; font: 15px system-ui, sans-serif; }
  footer { text-align: center; color: #777; font: 13px system-ui, sans-serif; padding: 24px; }
</style>
</head>
<body>
<header class="site">Second Chances<nav>${d('demo.nav')}</nav></header>
<div class="wrap">
<main>
  <article>
    <p class="byline">${d('demo.byline')}</p>
    <h1>${d('demo.heading')}</h1>
    <p>${d('demo.p1')}</p>
    <p>${d('demo.p2')}</p>
    <p>${d('demo.p3')}</p>
    <section class="embed" aria-label="${d('demo.embedLabel')}">
      <h2>${d('demo.intakeHeading')}</h2>
      ${widget('intake', '#6b4f8a')}
    </section>
    <h2>${d('demo.addHeading')}</h2>
    <p>${d('demo.addText')}</p>
    <pre><code>${snippet}</code></pre>
    <p>${d('demo.options', {
      mode: code('data-mode="search|intake"'),
      accent: code('data-accent="#2a6f97"'),
      exit: code('data-exit-url="https://…"'),
      lang: code('data-lang="en|es"'),
      html: code('<html lang>'),
    })}</p>
  </article>
</main>
<aside>
  <div class="box">
    <h2>${d('demo.searchHeading')}</h2>
    ${widget('search', '#2a6f97')}
  </div>
</aside>
</div>
<footer>${d('demo.footer', { base })}</footer>
<script src="${base}/widget.js" async></script>
</body>
</html>
`;
}
