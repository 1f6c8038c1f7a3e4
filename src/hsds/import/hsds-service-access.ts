import { parseLanguage } from '../../common/place/place-names.js';
import { CODES_NEEDING_A_CHANNEL, statedAccessibility } from '../../resources/accessibility.js';
import type { ResourceDocument } from '../../resources/curation/resource-document.js';
import { ASL_LANGUAGE } from '../hsds-taxonomy.js';
import { arr, type ImportNote, type Json, obj, quoted, text } from './hsds-json.js';

/**
 * How a person reaches and uses an imported service: its languages, phones (with TTY and
 * videophone channels), hours and accessibility. Each reader notes what it skips and why.
 */

const PHONE = /^\+?[0-9][0-9 ().-]{1,28}$/;

/** Languages as ISO 639-1 codes, each once; American Sign Language (no ISO 639-1 code) is the accessibility code asl. */
export function mapLanguages(service: Json, skipped: ImportNote[]): { languages: string[]; signsAsl: boolean } {
  const languages: string[] = [];
  let signsAsl = false;
  arr(service.languages).forEach((raw, i) => {
    const language = obj(raw);
    if (
      text(language?.code)?.toLowerCase() === ASL_LANGUAGE.code ||
      text(language?.name)?.toLowerCase() === ASL_LANGUAGE.name.toLowerCase()
    ) {
      signsAsl = true;
      return;
    }
    const code = parseLanguage(language?.code, language?.name);
    if (!code)
      return skipped.push({
        field: `languages[${i}]`,
        reason: `"${quoted(language?.name ?? language?.code)}" is not a language with an ISO 639-1 code`,
      });
    if (!languages.includes(code)) languages.push(code);
  });
  return { languages, signsAsl };
}

/** RFC 6350 phone types that are contact channels in Mend (a TTY or videophone number). */
const CHANNEL_PHONE_TYPES: Record<string, 'tty' | 'videophone'> = { textphone: 'tty', video: 'videophone' };

/** The one main phone, and TTY and videophone numbers (typed phones) as contact channels. */
export function mapPhones(
  service: Json,
  skipped: ImportNote[],
): { phone?: string; channels: { type: 'tty' | 'videophone'; value: string }[] } {
  let phone: string | undefined;
  const channels: { type: 'tty' | 'videophone'; value: string }[] = [];
  arr(service.phones).forEach((raw, i) => {
    const field = `phones[${i}]`;
    const number = text(obj(raw)?.number)?.replace(/^\((\d+)\)\s*/, '$1 ');
    if (!number || !PHONE.test(number))
      return skipped.push({ field, reason: `"${quoted(obj(raw)?.number)}" is not a phone number Mend accepts` });
    const type = text(obj(raw)?.type)?.toLowerCase();
    if (type && Object.hasOwn(CHANNEL_PHONE_TYPES, type)) return channels.push({ type: CHANNEL_PHONE_TYPES[type], value: number });
    if (phone) return skipped.push({ field, reason: 'Mend keeps one phone per resource (the first)' });
    phone = number;
    if (obj(raw)?.extension !== undefined) skipped.push({ field: `${field}.extension`, reason: 'Mend keeps no phone extensions' });
  });
  return { phone, channels };
}

function minutes(time: unknown): number | undefined {
  const match = typeof time === 'string' ? /^(\d{1,2}):(\d{2})/.exec(time.trim()) : null;
  return match ? Number(match[1]) * 60 + Number(match[2]) : undefined;
}

/** Availability from RFC 5545-style schedules, for directories that do not use Mend's terms. */
export function availabilityFromSchedules(schedules: unknown[]): string[] {
  const found = new Set<string>();
  for (const raw of schedules) {
    const s = obj(raw);
    if (!s) continue;
    const days = new Set(
      (typeof s.byday === 'string' ? s.byday : '')
        .toUpperCase()
        .split(',')
        .map((d) => d.trim().replace(/^[+-]?\d+/, ''))
        .filter(Boolean),
    );
    const opens = minutes(s.opens_at);
    const closes = minutes(s.closes_at);
    if (days.size === 7 && opens === 0 && closes !== undefined && (closes >= 23 * 60 + 59 || closes === 0)) {
      found.add('around_the_clock');
      continue;
    }
    if (days.has('SA') || days.has('SU')) found.add('weekends');
    if (closes !== undefined && closes >= 18 * 60) found.add('evenings');
  }
  return ['evenings', 'weekends', 'around_the_clock'].filter((c) => found.has(c));
}

/**
 * Accessibility from the terms (and ASL among the languages), less what the record cannot bear
 * out: a TTY or videophone term without its number, wheelchair access without a location.
 */
export function accessibilityCodes(
  terms: string[],
  signsAsl: boolean,
  channels: readonly { type: string }[],
  formats: readonly string[],
  locations: readonly unknown[],
  skipped: ImportNote[],
): NonNullable<ResourceDocument['accessibility']> {
  // Codes the channels and chat sessions state come back from them on write (as in a curator's record).
  const stated = statedAccessibility(signsAsl && !terms.includes('asl') ? ['asl', ...terms] : terms, channels, formats);
  return stated.filter((code) => {
    const needsChannel = (CODES_NEEDING_A_CHANNEL as readonly string[]).includes(code) && !channels.some((c) => c.type === code);
    const needsPlace = code === 'wheelchair_access' && !locations.length;
    if (needsChannel || needsPlace)
      skipped.push({
        field: 'attributes(accessibility)',
        reason: needsChannel ? `${code} without a ${code} number (a phone of that type)` : 'wheelchair_access without a location',
      });
    return !needsChannel && !needsPlace;
  }) as NonNullable<ResourceDocument['accessibility']>;
}
