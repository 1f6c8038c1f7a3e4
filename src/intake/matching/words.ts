import { areaName, languageName } from '../../common/place/place-names.js';
import { APPROACHES, AVAILABILITY, type TaxonomyTerm } from '../../taxonomy/taxonomy.js';

/**
 * The words people read in reasons, caveats and relaxations: names, never codes ("Spanish", not
 * "es"; "Ohio", not "US-OH"; "the Gottman Method", not "gottman"), distances in the reader's unit.
 */

const lists = new Intl.ListFormat('en', { style: 'long', type: 'conjunction' });
const orLists = new Intl.ListFormat('en', { style: 'long', type: 'disjunction' });

export const andList = (items: string[]) => lists.format(items);
export const orList = (items: string[]) => orLists.format(items);

export const placeName = (code: string) => areaName(code);
export const languageNames = (codes: string[]) => andList(codes.map(languageName));
export const languageNamesOr = (codes: string[]) => orList(codes.map(languageName));

const termLabel = (terms: readonly TaxonomyTerm[], code: string) => terms.find((t) => t.code === code)?.label ?? code.replace(/_/g, ' ');

/** "uses the Gottman Method and Emotionally Focused Therapy". */
export function approachText(codes: string[]): string {
  return `uses ${andList(codes.map((c) => termLabel(APPROACHES.terms, c)))}`;
}

/** What welcoming a group looks like, said of the resource. */
const AUDIENCE_PHRASES: Record<string, string> = {
  unmarried_couples: 'welcomes unmarried couples',
  lgbtq_affirming: 'LGBTQ+ affirming',
  faith_based: 'rooted in a faith community',
  young_people: 'welcomes young people',
  veterans: 'experienced with veterans and military families',
  native_american: 'culturally grounded for Native American and Alaska Native people',
  deaf_hard_of_hearing: 'experienced with Deaf and hard-of-hearing clients',
};
export function audienceText(codes: string[]): string {
  return andList(codes.map((c) => (Object.hasOwn(AUDIENCE_PHRASES, c) ? AUDIENCE_PHRASES[c] : c.replace(/_/g, ' '))));
}

/** An accessibility need as something the resource offers. */
const ACCESSIBILITY_PHRASES: Record<string, string> = {
  asl: 'sessions in ASL',
  videophone: 'a videophone line',
  tty: 'a TTY line',
  relay: 'takes relay calls (711)',
  captioning: 'captioned video sessions',
  text_based: 'can be reached by text or chat',
  interpreter_on_request: 'an interpreter at no cost to you',
  wheelchair_access: 'wheelchair accessible (step-free entrance, accessible restroom)',
};

/** "meets your access needs: sessions in ASL and captioned video sessions". */
export function accessibilityText(codes: string[]): string {
  return `meets your access needs: ${andList(codes.map((c) => (Object.hasOwn(ACCESSIBILITY_PHRASES, c) ? ACCESSIBILITY_PHRASES[c] : c.replace(/_/g, ' '))))}`;
}

/** What to say of a need a resource does not list, and what the couple can still do about it. */
const ACCESSIBILITY_CAVEATS: Record<string, string> = {
  asl: 'not listed with ASL: ask about an interpreter',
  videophone: 'no videophone line listed: ask how to reach them in ASL',
  tty: 'no TTY line listed: a relay call (711) may still reach them',
  relay: 'not listed as taking relay calls: ask how to reach them in writing',
  captioning: 'captioned sessions not listed: ask before booking',
  text_based: 'not listed as reachable by text or chat',
  interpreter_on_request: 'no free interpreter listed: ask before booking',
  wheelchair_access: 'wheelchair access not listed: ask about the entrance and restroom',
};
export function accessibilityCaveat(code: string): string {
  return Object.hasOwn(ACCESSIBILITY_CAVEATS, code) ? ACCESSIBILITY_CAVEATS[code] : `${code.replace(/_/g, ' ')} not listed`;
}

export function availabilityText(codes: string[]): string {
  return `available ${andList(codes.map((c) => (c === 'around_the_clock' ? 'around the clock' : termLabel(AVAILABILITY.terms, c).toLowerCase())))}`;
}

/** Miles for readers in the US and the UK (and when the country is unknown: the US default); km elsewhere. */
export function usesMiles(country: string | undefined): boolean {
  return !country || country === 'US' || country === 'GB';
}

const KM_PER_MILE = 1.609344;

/** "12 miles away", "<1 km away". */
export function distanceText(meters: number, country: string | undefined): string {
  const miles = usesMiles(country);
  const value = meters / 1000 / (miles ? KM_PER_MILE : 1);
  const unit = miles ? 'mile' : 'km';
  if (value < 1) return `less than 1 ${unit} away`;
  const rounded = Math.round(value);
  return `${rounded} ${unit}${miles && rounded !== 1 ? 's' : ''} away`;
}

/** A radius the reader understands: "25 miles" or "40 km". */
export function radiusText(km: number, country: string | undefined): string {
  if (!usesMiles(country)) return `${Math.round(km)} km`;
  const miles = Math.round(km / KM_PER_MILE);
  return `${miles} mile${miles === 1 ? '' : 's'}`;
}
