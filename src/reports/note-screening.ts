import nlp from 'compromise';

import { hasOtherPhoneNumber, type PhoneContext, readAsSeen } from '../common/text/contact-details.js';

/**
 * Screens the short note of a report from the field for contact details and names before it is
 * stored. A note is for what is wrong with the listing ("the number rings out", "they stopped
 * taking Medicaid"); a name, a phone number or an address in it is someone's personal data,
 * possibly of a person in danger, and Mend neither needs nor wants to keep it. Pure; no I/O.
 *
 * Found: emails (a pattern), phone numbers (libphonenumber-js, in the listing's countries and the
 * US; the listing's own published numbers are fine, that is what a report is about), links to a
 * person's page (social profiles, `~user`, `@user`, `/in/…`, `/profile`, `/user`), street
 * addresses (a house number and a street word), names (compromise's people(): a first name from
 * its lexicon with or without a surname, "Dr. Patel"; and "my name is …", "I am …", "this is …").
 */
export const NOTE_FINDINGS = ['email', 'phone_number', 'personal_url', 'street_address', 'name'] as const;
export type NoteFinding = (typeof NOTE_FINDINGS)[number];

export interface NoteContext extends PhoneContext {
  /** The listing's and its organization's names: a name in them ("The Gottman Institute") is the listing's, not a person's. */
  names: string[];
}

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/u;
/** A link, with or without its scheme: "https://…", "www.…", "facebook.com/…" (to the end of the word). */
const LINK = /\b(?:https?:\/\/)?(?:[a-z0-9-]+\.)+[a-z]{2,}(?:\/[^\s<>"]*)?/giu;
/** Hosts whose pages are a person's. */
const PERSONAL_HOSTS =
  /(^|\.)(facebook|fb|instagram|twitter|x|tiktok|linkedin|snapchat|threads|reddit|youtube|pinterest|tumblr|medium|venmo|cash|paypal|onlyfans|telegram|t|wa|whatsapp|signal)\.(com|me|net|org|app|link)$/i;
const PERSONAL_PATH = /\/(~|@)|\/(in|profile|profiles|user|users|u|people|members?)\/[^/]+/i;
/** A house number, up to four words, and a street word: "1420 Oak Street", "45 W. Elm Ave Apt 3". */
const STREET_ADDRESS =
  /\b\d{1,6}[A-Za-z]?\s+(?:[NSEW]\.?\s+)?(?:[\p{L}'.-]+\s+){0,3}(?:street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|drive|dr|court|ct|way|place|pl|terrace|ter|circle|cir|highway|hwy|parkway|pkwy|crescent|close|square|sq)\b\.?/iu;
/** Someone saying who they are: the rest is a name, whatever it is ("I am Deaf" is not one, so not "I am …"). */
const SELF_NAMING = /\b(?:my name is|my name's|I am called|I'm called|call me|ask for|speak to|talk to)\s+\p{Lu}\p{Ll}+/iu;

/** An email written around a filter: "jane at gmail dot com", "jane (at) gmail (dot) com". */
const DOT_IN_WORDS = String.raw`(?:\s*[([{]\s*dot\s*[)\]}]\s*|\sdot\s|\.)`;
const EMAIL_IN_WORDS = new RegExp(
  String.raw`[\p{L}\p{N}._%+-]+(?:\s*[([{]\s*at\s*[)\]}]\s*|\sat\s)[\p{L}\p{N}-]+(?:${DOT_IN_WORDS}[\p{L}\p{N}-]+)*${DOT_IN_WORDS}(?:com|net|org|edu|gov|mil|io|me|co|us|uk|ca|au|nz|ie|de|fr|info|biz)\b`,
  'iu',
);
/** A social-media handle on its own: "@jane_doe" (an email's @ has a name before it). */
const HANDLE = /(?<![\p{L}\p{N}._%+-])@[A-Za-z0-9_.]{2,30}/u;

function hasPersonalUrl(note: string): boolean {
  for (const [link] of note.matchAll(LINK)) {
    let url: URL;
    try {
      url = new URL(link.startsWith('http') ? link : `https://${link}`);
    } catch {
      continue;
    }
    if (PERSONAL_HOSTS.test(url.hostname) || PERSONAL_PATH.test(url.pathname)) return true;
  }
  return false;
}

function hasName(note: string, context: NoteContext): boolean {
  let text = note;
  for (const name of context.names) if (name) text = text.split(name).join(' ');
  if (SELF_NAMING.test(text)) return true;
  return nlp(text).people().found;
}

/** What in the note looks like contact details or a name (in this order of checks), or undefined when nothing does. */
export function screenReportNote(note: string, context: NoteContext): NoteFinding | undefined {
  // Read as a person would: fullwidth forms, zero-width characters, look-alike letters and
  // spaced-out letters are how screening is dodged ("jane＠gmail.com", "Oak Strееt", "j a n e").
  const seen = readAsSeen(note);
  if (EMAIL.test(seen) || EMAIL.test(seen.replace(/\s*([@.])\s*/g, '$1')) || EMAIL_IN_WORDS.test(seen)) return 'email';
  if (hasPersonalUrl(seen) || HANDLE.test(seen)) return 'personal_url';
  if (hasOtherPhoneNumber(note, context)) return 'phone_number';
  if (STREET_ADDRESS.test(seen)) return 'street_address';
  if (hasName(seen, context)) return 'name';
  return undefined;
}
