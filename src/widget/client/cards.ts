import { type Api, ApiError, type Resource } from './api.js';
import { checkedValues, choices, h, setError, uid } from './dom.js';
import { formatCost, formatDistance, formatMonth, textLang } from './format.js';
import type { Ui } from './ui.js';

/** What every card needs: the API (to report a listing) and the frame's language. */
export interface CardEnv {
  api: Api;
  ui: Ui;
}

/** Links leave for the resource's own site in a new tab, telling it nothing about where they came from. */
function externalLink(ui: Ui, href: string, text: string): HTMLAnchorElement | undefined {
  try {
    const url = new URL(href);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
    return h(
      'a',
      { href: url.href, target: '_blank', rel: 'noopener noreferrer' },
      text,
      h('span', { className: 'visually-hidden' }, ui.t('card.opensNewTab')),
    );
  } catch {
    return undefined;
  }
}

/** Other ways in (text, TTY, videophone, chat), so a Deaf person or someone who cannot talk aloud can reach the line. */
function channelList(ui: Ui, r: Resource): HTMLElement | undefined {
  const channels = r.contactChannels ?? [];
  if (!channels.length) return undefined;
  return h(
    'ul',
    { className: 'channels' },
    channels.map((c) => {
      const label = ui.term('contactChannel', c.type);
      // Chat, and a videophone answered from a web page (988's ASL Now): a link, not a number.
      if (c.type === 'chat' || /^https:/i.test(c.value)) return h('li', {}, externalLink(ui, c.value, label) ?? label);
      if (c.type === 'text' && c.keyword) return h('li', {}, ui.t('channel.textKeyword', { keyword: c.keyword, number: c.value }));
      if (c.type === 'call') return h('li', {}, ui.t('channel.call', { number: c.value }));
      return h('li', {}, ui.t('channel.labelled', { label, value: c.value }));
    }),
  );
}

/**
 * How fresh the details are, in words: the status's label (GET /v1/taxonomy) and the month they
 * were last confirmed; stale details come with the advice to confirm them first, and a line
 * people reported as not answering says so until a curator has checked it. Demo listings were
 * never verified and say they are fictional instead.
 */
function verificationNote(ui: Ui, r: Resource): (HTMLElement | undefined)[] {
  if (!r.verification || r.provenance.demo) return [];
  const status = ui.term('verificationStatus', r.verification.status);
  const date = r.verification.lastVerifiedAt ? formatMonth(r.verification.lastVerifiedAt, ui.locale) : undefined;
  const stale = r.verification.status === 'stale';
  return [
    h(
      'p',
      { className: `verification verification-${r.verification.status}` },
      date ? ui.t('card.checked', { status, date }) : status,
      stale && ` ${ui.t('card.staleAdvice')}`,
    ),
    r.verification.reportedNotWorking ? h('p', { className: 'verification-stale' }, ui.t('card.reportedNotWorking')) : undefined,
  ];
}

/**
 * "Report a problem with this listing": a disclosure button opening a reason picker (the API's
 * reportReason labels; no free text, so nothing personal can be typed into it), posted to
 * POST /v1/resources/{id}/reports. The outcome is announced in the card's own status line.
 */
function reportControl({ api, ui }: CardEnv, r: Resource, titleId: string): HTMLElement | undefined {
  const reasons = ui.terms('reportReason');
  if (!reasons.length) return undefined; // the taxonomy did not load: no labels to offer
  const formId = uid('report');
  const toggle = h(
    'button',
    { type: 'button', className: 'link-button', 'aria-expanded': 'false', 'aria-controls': formId, 'aria-describedby': titleId },
    ui.t('report.open'),
  );
  const picker = choices(
    'radio',
    uid('reason'),
    ui.t('report.legend'),
    Object.fromEntries(reasons.map((reason) => [reason.code, reason.label])),
    { hint: ui.t('report.hint') },
  );
  const send = h('button', { type: 'submit' }, ui.t('report.send'));
  const cancel = h('button', { type: 'button', className: 'secondary' }, ui.t('report.cancel'));
  const form = h(
    'form',
    { className: 'report-form', id: formId, novalidate: true, hidden: true },
    picker,
    h('div', { className: 'actions' }, send, cancel),
  );
  const status = h('p', { className: 'report-status', role: 'status' });

  const setOpen = (open: boolean) => {
    form.hidden = !open;
    toggle.setAttribute('aria-expanded', String(open));
    if (open) picker.querySelector<HTMLInputElement>('input')?.focus();
  };
  toggle.addEventListener('click', () => setOpen(form.hidden === true));
  cancel.addEventListener('click', () => {
    setOpen(false);
    toggle.focus();
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const [reason] = checkedValues(picker, picker.querySelector('input')?.name ?? '');
    setError(picker, reason ? undefined : ui.t('report.choose'));
    if (!reason) {
      picker.querySelector<HTMLInputElement>('input')?.focus();
      return;
    }
    void (async () => {
      send.disabled = true;
      status.classList.remove('problem');
      status.textContent = ui.t('common.sending');
      try {
        await api.reportResource(r.id, reason);
        form.remove();
        toggle.remove();
        status.textContent = ui.t('report.thanks');
      } catch (error) {
        send.disabled = false;
        const code = error instanceof ApiError ? error.status : undefined;
        status.textContent = ui.t(
          code === 429 ? 'report.limited' : code === 404 ? 'report.gone' : code === 'network' ? 'error.network' : 'report.failed',
        );
        status.classList.add('problem');
      }
    })();
  });
  return h('div', { className: 'report' }, toggle, form, status);
}

/** One resource as a card; `extra` holds what the caller adds (reasons, a referral button). */
export function resourceCard(env: CardEnv, r: Resource, headingLevel: 'h3' | 'h4', ...extra: (Node | undefined)[]): HTMLElement {
  const { ui } = env;
  const titleId = uid('card');
  const place = r.locations[0] ? `${r.locations[0].city}, ${r.locations[0].region.replace(/^[A-Z]{2}-/, '')}` : undefined;
  const distance = formatDistance(r.distanceKm, ui.t);
  const phone = r.phone ? h('a', { href: `tel:${r.phone.replace(/[^\d+]/g, '')}` }, r.phone) : undefined;
  const website = r.url ? externalLink(ui, r.url, ui.t('card.website')) : undefined;
  const formats = r.formats.map((f) => ui.term('format', f)).join(', ');
  const accessibility = (r.accessibility ?? []).map((a) => ui.term('accessibility', a));
  return h(
    'li',
    { className: `card${r.kind === 'hotline' ? ' card-hotline' : ''}` },
    h(
      'article',
      { 'aria-labelledby': titleId },
      // Texts in another language than the widget's carry it, so screen readers pronounce them right.
      h(headingLevel, { className: 'card-title', id: titleId, lang: textLang(r.nameLang, ui.lang) }, r.name),
      h('p', { className: 'meta' }, [ui.term('kind', r.kind), formats, place, distance].filter(Boolean).join(' · ')),
      h('p', { className: 'cost' }, formatCost(r.cost, ui.t, ui.locale)),
      h('p', { className: 'description', lang: textLang(r.descriptionLang, ui.lang) }, r.description),
      (phone || website) && h('p', { className: 'contact' }, phone && `${ui.t('card.call')} `, phone, phone && website && ' · ', website),
      channelList(ui, r),
      accessibility.length > 0 && h('p', { className: 'accessibility' }, ui.t('card.accessibility', { list: accessibility.join(', ') })),
      r.provenance.demo && h('p', { className: 'badge' }, ui.t('card.demo')),
      ...verificationNote(ui, r),
      ...extra.filter((e): e is Node => e !== undefined),
      reportControl(env, r, titleId),
    ),
  );
}
