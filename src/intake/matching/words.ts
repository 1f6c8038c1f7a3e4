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
  veterans: 'experienced with veterans',
  military_families: 'experienced with military families',
  native_american: 'culturally grounded for Native American and Alaska Native people',
  deaf_hard_of_hearing: 'accessible to Deaf and hard-of-hearing people',
};
export function audienceText(codes: string[]): string {
  return andList(codes.map((c) => (Object.hasOwn(AUDIENCE_PHRASES, c) ? AUDIENCE_PHRASES[c] : c.replace(/_/g, ' '))));
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
