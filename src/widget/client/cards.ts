import type { Resource } from './api.js';
import { h } from './dom.js';
import { FORMAT_LABELS, formatCost, formatDistance, formatList, KIND_LABELS } from './format.js';

/** Links leave for the resource's own site in a new tab, telling it nothing about where they came from. */
function externalLink(href: string, text: string): HTMLAnchorElement | undefined {
  try {
    const url = new URL(href);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
    return h(
      'a',
      { href: url.href, target: '_blank', rel: 'noopener noreferrer' },
      text,
      h('span', { className: 'visually-hidden' }, ' (opens in a new tab)'),
    );
  } catch {
    return undefined;
  }
}

const CHANNEL_WORDS: Record<string, string> = {
  text: 'Text',
  tty: 'TTY',
  videophone: 'Videophone (ASL)',
  relay: 'Relay',
  call: 'Also call',
  chat: 'Chat online',
};

/** Other ways in (text, TTY, videophone, chat), so a Deaf person or someone who cannot talk aloud can reach the line. */
function channelList(r: Resource): HTMLElement | undefined {
  const channels = r.contactChannels ?? [];
  if (!channels.length) return undefined;
  return h(
    'ul',
    { className: 'channels' },
    channels.map((c) => {
      if (c.type === 'chat') return h('li', {}, externalLink(c.value, CHANNEL_WORDS.chat) ?? CHANNEL_WORDS.chat);
      // A videophone answered from a web page (988's ASL Now): a link, not a number.
      if (/^https:/i.test(c.value)) return h('li', {}, externalLink(c.value, CHANNEL_WORDS[c.type] ?? c.type) ?? c.value);
      const words = c.type === 'text' && c.keyword ? `Text ${c.keyword} to ${c.value}` : `${CHANNEL_WORDS[c.type] ?? c.type}: ${c.value}`;
      return h('li', {}, words);
    }),
  );
}

/** One resource as a card; `extra` holds what the caller adds (reasons, a referral button). */
export function resourceCard(r: Resource, headingLevel: 'h3' | 'h4', ...extra: (Node | undefined)[]): HTMLElement {
  const place = r.locations[0] ? `${r.locations[0].city}, ${r.locations[0].region.replace(/^[A-Z]{2}-/, '')}` : undefined;
  const distance = formatDistance(r.distanceKm);
  const phone = r.phone ? h('a', { href: `tel:${r.phone.replace(/[^\d+]/g, '')}` }, r.phone) : undefined;
  const website = r.url ? externalLink(r.url, 'Website') : undefined;
  return h(
    'li',
    { className: `card${r.kind === 'hotline' ? ' card-hotline' : ''}` },
    h(
      'article',
      { 'aria-label': r.name },
      h(headingLevel, { className: 'card-title' }, r.name),
      h(
        'p',
        { className: 'meta' },
        [KIND_LABELS[r.kind] ?? r.kind, formatList(r.formats, FORMAT_LABELS), place, distance].filter(Boolean).join(' · '),
      ),
      h('p', { className: 'cost' }, formatCost(r.cost)),
      h('p', { className: 'description' }, r.description),
      (phone || website) && h('p', { className: 'contact' }, phone && 'Call ', phone, phone && website && ' · ', website),
      channelList(r),
      r.provenance.demo && h('p', { className: 'badge' }, 'Example listing (fictional, not a real service)'),
      ...extra.filter((e): e is Node => e !== undefined),
    ),
  );
}
