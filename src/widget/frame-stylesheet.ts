/**
 * The frame's stylesheet, served as /widget/frame.css. It lives in the server's TypeScript (not
 * next to the client code) so that it ships with every build of the API without a copy step; the
 * frame's CSP allows styles from 'self' only, so it cannot be inlined in the page.
 * --accent is the one themable colour (data-accent on <mend-finder>, set by the frame via CSSOM).
 */
export const FRAME_CSS = `
:root { --accent: #2a6f97; --ink: #1d2327; --muted: #50575e; --line: #d0d5da; --bg: #fff; --soft: #f4f6f8; --danger: #b3261e; color-scheme: light; }
*, *::before, *::after { box-sizing: border-box; }
html, body { margin: 0; padding: 0; background: var(--bg); }
body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); overflow-wrap: anywhere; }
#mend-app { padding: 16px; min-width: 0; }
h2 { font-size: 1.25rem; line-height: 1.3; margin: 0.75rem 0 0.5rem; }
h3 { font-size: 1.1rem; margin: 1.25rem 0 0.5rem; }
h4 { font-size: 1rem; margin: 0 0 0.25rem; }
h2:focus, h3:focus, h4:focus { outline: none; }
p { margin: 0.4rem 0; }
a { color: var(--accent); }
:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.bar { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; justify-content: space-between; padding-bottom: 10px; border-bottom: 1px solid var(--line); }
.brand { font-weight: 600; margin: 0; }
.exit-wrap { display: flex; align-items: center; gap: 8px; flex-wrap: wrap; }
button { font: inherit; min-height: 44px; padding: 0.5rem 1.1rem; border-radius: 8px; border: 2px solid var(--accent); background: var(--accent); color: #fff; cursor: pointer; }
button.secondary { background: #fff; color: var(--accent); }
button:disabled { opacity: 0.6; cursor: progress; }
button.exit { background: #1d2327; border-color: #1d2327; color: #fff; font-weight: 700; }
.tabs { display: flex; gap: 8px; margin: 12px 0 4px; flex-wrap: wrap; }
.tab { background: #fff; color: var(--ink); border: 1px solid var(--line); min-height: 40px; }
.tab[aria-pressed="true"] { border: 2px solid var(--accent); color: var(--accent); font-weight: 600; }
.row { display: flex; flex-wrap: wrap; gap: 0 16px; }
.row > .field { flex: 1 1 11rem; }
.field { margin: 0.75rem 0; }
label, legend { font-weight: 600; display: block; }
.hint { color: var(--muted); font-size: 0.9rem; margin: 0.1rem 0 0.35rem; }
input[type="text"], input[type="number"], select { font: inherit; width: 100%; min-height: 44px; padding: 0.4rem 0.6rem; border: 1px solid #8c8f94; border-radius: 6px; background: #fff; color: var(--ink); }
input[aria-invalid="true"], fieldset[aria-invalid="true"] { border-color: var(--danger); }
.error { color: var(--danger); font-weight: 600; margin: 0.3rem 0; }
fieldset { border: 1px solid var(--line); border-radius: 8px; margin: 0.75rem 0; padding: 0.5rem 0.9rem 0.75rem; min-width: 0; }
legend { padding: 0 0.25rem; }
.choice { display: flex; align-items: flex-start; gap: 0.6rem; margin: 0.45rem 0; }
.choice input { width: 1.25rem; height: 1.25rem; margin: 0.15rem 0 0; flex: none; accent-color: var(--accent); }
.choice label { font-weight: 400; }
.choices.inline .choice { display: inline-flex; margin-right: 1.75rem; }
.choices.inline .hint, .choices.inline .error { display: block; }
.actions { display: flex; gap: 10px; flex-wrap: wrap; margin: 1rem 0 0.5rem; }
.progress { color: var(--muted); font-size: 0.9rem; margin-top: 0; }
.status { min-height: 1.5em; margin: 0.75rem 0; }
.problem { color: var(--danger); font-weight: 600; }
.cards { list-style: none; margin: 0.5rem 0; padding: 0; display: grid; gap: 12px; }
.card { border: 1px solid var(--line); border-radius: 10px; padding: 12px 14px; background: #fff; }
.card-hotline { border-left: 6px solid var(--danger); }
.card-title { font-size: 1.05rem; margin: 0 0 0.2rem; }
.meta, .cost { color: var(--muted); font-size: 0.92rem; margin: 0.1rem 0; }
.cost { color: var(--ink); font-weight: 600; }
.description { font-size: 0.95rem; }
.badge { display: inline-block; font-size: 0.8rem; background: var(--soft); border-radius: 4px; padding: 0 6px; color: var(--muted); }
.reasons, .caveats { margin-top: 0.5rem; font-size: 0.93rem; }
.reasons-title { font-weight: 600; margin: 0.2rem 0; }
.reasons ul, .caveats ul, .note ul { margin: 0.2rem 0; padding-left: 1.2rem; }
.accessibility { font-size: 0.92rem; margin: 0.1rem 0; }
.verification { color: var(--muted); font-size: 0.88rem; margin: 0.2rem 0; }
.verification-stale { color: var(--danger); font-weight: 600; }
.report { margin-top: 0.5rem; border-top: 1px dashed var(--line); }
button.link-button { background: none; border: 0; color: var(--accent); text-decoration: underline; padding: 0.25rem 0; font-size: 0.9rem; text-align: left; }
.report-form fieldset { margin-top: 0.25rem; }
.report-status { margin: 0.2rem 0; font-size: 0.93rem; }
.referral { display: flex; flex-wrap: wrap; align-items: center; gap: 10px; margin-top: 0.6rem; }
.referral-status { margin: 0; font-size: 0.93rem; }
.safety { border: 2px solid var(--danger); border-radius: 10px; padding: 4px 14px 10px; margin: 12px 0; background: #fdf3f2; }
.safety h2, .safety h3 { color: var(--danger); }
.recommendation, .note, .next-steps { background: var(--soft); border-radius: 10px; padding: 4px 14px 10px; margin: 12px 0; }
.footer { color: var(--muted); font-size: 0.8rem; border-top: 1px solid var(--line); padding-top: 8px; margin-top: 16px; }
.notice { color: var(--muted); }
@media (max-width: 400px) { #mend-app { padding: 10px; } .bar .hint { display: none; } }
`;
