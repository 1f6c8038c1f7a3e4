import { list, type MessageArg, phrase, term } from '../../common/i18n/message.js';
import { ACCESSIBILITY, AUDIENCES, AVAILABILITY } from '../../taxonomy/taxonomy.js';

/**
 * The words people read in reasons, caveats and relaxations, as message arguments: names, never
 * codes ("Spanish", not "es"; "Ohio", not "US-OH"; "the Gottman Method", not "gottman"),
 * distances in the reader's unit. The engine says which; common/i18n/render.ts says them in the
 * reader's language.
 */

export const placeName = (code: string): MessageArg => ({ place: code });
export const languageNames = (codes: string[]): MessageArg => list(codes.map((language) => ({ language })));

/** "the Gottman Method and Emotionally Focused Therapy". */
export const approachNames = (codes: string[]): MessageArg => list(codes.map((c) => term('approach', c)));

/** Specialty labels inside a sentence: "infidelity recovery and rebuilding trust". */
export const specialtyNames = (codes: string[]): MessageArg => list(codes.map((c) => term('specialty', c, true)));

/** What welcoming a group looks like, said of the resource ("LGBTQ+ affirming"). */
export function audiencePhrases(codes: string[]): MessageArg {
  return list(
    codes.map((c) => ((AUDIENCES.codes as readonly string[]).includes(c) ? phrase(`phrase.audience.${c}`) : c.replace(/_/g, ' '))),
  );
}

/** "evenings and weekends", "around the clock". */
export function availabilityPhrases(codes: string[]): MessageArg {
  return list(
    codes.map((c) => ((AVAILABILITY.codes as readonly string[]).includes(c) ? phrase(`phrase.availability.${c}`) : c.replace(/_/g, ' '))),
  );
}

/** "in-person and video". */
export const formatPhrases = (codes: string[]): MessageArg => list(codes.map((c) => phrase(`phrase.format.${c}`)));

/** Accessibility needs as what the resource offers: "sessions in ASL and captioned video sessions". */
export function accessibilityPhrases(codes: string[]): MessageArg {
  return list(
    codes.map((c) => ((ACCESSIBILITY.codes as readonly string[]).includes(c) ? phrase(`phrase.accessibility.${c}`) : c.replace(/_/g, ' '))),
  );
}
