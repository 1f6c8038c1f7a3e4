import { ACCESSIBILITY, type AccessibilityCode } from '../taxonomy/taxonomy.js';

/**
 * Accessibility codes that a contact channel states by itself: a TTY or videophone number, a relay
 * route, and text or chat (usable without voice). The write path adds them from the channels, so a
 * line's routes are said once, as channels with their numbers, and can be searched as codes.
 */
const FROM_CHANNEL: Readonly<Record<string, AccessibilityCode>> = {
  tty: 'tty',
  videophone: 'videophone',
  relay: 'relay',
  text: 'text_based',
  chat: 'text_based',
};

/**
 * The codes a curator states, out of the stored ones: those the channels and chat sessions do not
 * already state. A record (a merge-patch base, an HSDS import) carries only these, so taking a
 * channel away takes its code with it, and a stored array never keeps a route that is gone.
 */
export function statedAccessibility(
  stored: readonly string[],
  channels: readonly { type: string }[],
  formats: readonly string[],
): string[] {
  const derived = new Set<string>(withDerivedAccessibility([], channels, formats));
  return stored.filter((code) => !derived.has(code));
}

/** Codes that promise a route to dial: listed only with a channel of that type, which holds its number. */
export const CODES_NEEDING_A_CHANNEL = ['tty', 'videophone'] as const satisfies readonly AccessibilityCode[];

const ORDER = new Map<string, number>(ACCESSIBILITY.codes.map((code, i) => [code, i]));

/**
 * The codes a resource stores: those listed, plus those its channels and chat sessions state, each
 * once, in taxonomy order (so the same facts always store the same array).
 */
export function withDerivedAccessibility(
  listed: readonly string[],
  channels: readonly { type: string }[],
  formats: readonly string[],
): AccessibilityCode[] {
  const codes = new Set(listed);
  for (const channel of channels) if (Object.hasOwn(FROM_CHANNEL, channel.type)) codes.add(FROM_CHANNEL[channel.type]);
  if (formats.includes('chat')) codes.add('text_based');
  return [...codes].filter((c) => ORDER.has(c)).sort((a, b) => ORDER.get(a)! - ORDER.get(b)!) as AccessibilityCode[];
}

/**
 * Why listed codes cannot be true of the record as written, or undefined: `tty` and `videophone`
 * promise a route to dial, so a channel of that type must give its number; `wheelchair_access` is
 * about a place where sessions happen, so the record needs a location.
 */
export function accessibilityProblem(
  listed: readonly string[],
  channels: readonly { type: string }[],
  locations: readonly unknown[],
): string | undefined {
  const unreachable = CODES_NEEDING_A_CHANNEL.find((code) => listed.includes(code) && !channels.some((c) => c.type === code));
  if (unreachable) return `${unreachable} needs a contact channel of type ${unreachable} (the number to reach it)`;
  if (listed.includes('wheelchair_access') && !locations.length) return 'wheelchair_access needs a location (where sessions happen)';
  return undefined;
}
