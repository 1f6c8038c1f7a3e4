/**
 * The widget's HTML: the frame, the frame's "unavailable" page, and the demo partner page.
 * Every interpolated value is escaped; the frame page has no inline script or style at all
 * (its CSP allows 'self' only), its configuration travels in data- attributes.
 */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]);

export interface FramePageInput {
  key: string;
  mode: 'search' | 'intake';
  accent?: string;
  exitUrl?: string;
  /** The partner's allowed origins: the frame accepts its loader's handshake only from these. */
  origins: string[];
}

export function framePage(input: FramePageInput): string {
  const data = [
    `data-key="${escapeHtml(input.key)}"`,
    `data-mode="${input.mode}"`,
    `data-origins="${escapeHtml(input.origins.join(' '))}"`,
    input.accent ? `data-accent="${escapeHtml(input.accent)}"` : '',
    input.exitUrl ? `data-exit="${escapeHtml(input.exitUrl)}"` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Find couples counseling</title>
<link rel="stylesheet" href="/widget/frame.css">
<script type="module" src="/widget/frame.js"></script>
</head>
<body>
<main id="mend-app" ${data}><p class="notice">Loading…</p><noscript><p>This finder needs JavaScript.</p></noscript></main>
</body>
</html>
`;
}

/** The same page for unknown, revoked, expired and secret keys: it says nothing about which. */
export function unavailablePage(): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Finder unavailable</title>
<link rel="stylesheet" href="/widget/frame.css">
</head>
<body>
<main id="mend-app"><h1>This finder is not available</h1><p class="notice">The website's key for Mend is not valid. If you run this website, check the data-key of &lt;mend-finder&gt;.</p></main>
</body>
</html>
`;
}

/** The two lines a partner pastes. */
export function embedSnippet(baseUrl: string, key: string): string {
  return `<script src="${baseUrl}/widget.js" async></script>\n<mend-finder data-key="${key}"></mend-finder>`;
}

export interface DemoPageInput {
  baseUrl: string;
  /** A publishable key for the embedded widgets; without one, the page explains how to get one. */
  key?: string;
}

/**
 * A realistic partner page: a relationship-advice article on a fictional blog, with the finder
 * embedded twice (guided questions in the article, search in the sidebar) and the snippet to copy.
 */
export function demoPage({ baseUrl, key }: DemoPageInput): string {
  const base = escapeHtml(baseUrl);
  const snippet = escapeHtml(embedSnippet(baseUrl, 'mend_pk_live_YOUR_PUBLISHABLE_KEY'));
  const widget = (mode: string, accent: string) =>
    key
      ? `<mend-finder data-key="${escapeHtml(key)}" data-mode="${mode}" data-accent="${accent}"></mend-finder>`
      : `<p class="missing">No publishable key for this demo. Start Mend with the embedded database (it creates a <code>demo</code> partner), or open <code>/widget/demo?key=mend_pk_test_…</code> with a key whose partner allows this page's origin.</p>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>When trust breaks: first steps after an affair — Second Chances</title>
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
<header class="site">Second Chances<nav>Relationships · Trust · Healing</nav></header>
<div class="wrap">
<main>
  <article>
    <p class="byline">Relationship advice · 6 min read</p>
    <h1>When trust breaks: first steps after an affair</h1>
    <p>Finding out that your partner has been unfaithful — or being the one who was — can turn ordinary days upside down. Many couples do rebuild trust, and most of those who do had help along the way.</p>
    <p>Start by agreeing on what trust means to each of you. Say what you need without attacking, and resist the urge to monitor each other: checking phones rarely brings the safety it promises. Try to understand what led to the breach, and protect your own worth while you do.</p>
    <p>A counselor who works with couples can give you a structure for these conversations. If either of you feels afraid of the other, though, couples counseling is not the right first step: reach out to a domestic-violence advocate instead.</p>
    <section class="embed" aria-label="Find help">
      <h2>Not sure where to start? Answer a few questions</h2>
      ${widget('intake', '#6b4f8a')}
    </section>
    <h2>Add this finder to your site</h2>
    <p>Two lines, with your publishable key (your page's origin must be one of your partner account's allowed origins):</p>
    <pre><code>${snippet}</code></pre>
    <p>Options: <code>data-mode="search|intake"</code>, <code>data-accent="#2a6f97"</code>, <code>data-exit-url="https://…"</code> (where Quick exit goes).</p>
  </article>
</main>
<aside>
  <div class="box">
    <h2>Search counseling near you</h2>
    ${widget('search', '#2a6f97')}
  </div>
</aside>
</div>
<footer>Second Chances is a fictional blog. The finder is served by Mend at ${base}.</footer>
<script src="${base}/widget.js" async></script>
</body>
</html>
`;
}
