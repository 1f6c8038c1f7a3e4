import { APPROACHES, AUDIENCES, FORMATS, RESOURCE_KINDS, SPECIALTIES } from '../taxonomy/taxonomy.js';

/**
 * Everyday words people type, mapped to words that appear in the taxonomy labels
 * indexed with each resource (search_keywords). Keys and values are single words.
 * A Map, not an object literal: the words come from users, and `constructor` or `__proto__`
 * looked up on a plain object finds Object.prototype's members (a 500 before this was a Map).
 */
export const SEARCH_SYNONYMS: ReadonlyMap<string, string[]> = new Map(
  Object.entries({
    affair: ['infidelity'],
    affairs: ['infidelity'],
    cheating: ['infidelity'],
    cheated: ['infidelity'],
    unfaithful: ['infidelity'],
    betrayal: ['infidelity', 'trust'],
    lying: ['trust'],
    lies: ['trust'],
    money: ['financial'],
    spending: ['financial'],
    debt: ['financial'],
    finances: ['financial'],
    drinking: ['substance'],
    alcohol: ['substance'],
    drugs: ['substance'],
    addiction: ['substance'],
    snooping: ['jealousy', 'control'],
    jealous: ['jealousy'],
    controlling: ['control'],
    online: ['video', 'chat'],
    virtual: ['video', 'chat'],
    telehealth: ['video'],
    abuse: ['violence'],
    abusive: ['violence'],
    suicide: ['crisis'],
    suicidal: ['crisis'],
    gay: ['lgbtq'],
    lesbian: ['lgbtq'],
    queer: ['lgbtq'],
    christian: ['faith'],
    church: ['faith'],
    divorce: ['separation', 'divorce'],
    cheap: ['sliding'],
    affordable: ['sliding', 'free'],
  }),
);

const MAX_WORDS = 12;

/**
 * Turns free text into a to_tsquery expression: words are reduced to letters and digits
 * (so no tsquery syntax can be injected), each word ORed with its synonyms, words ANDed.
 * Returns undefined when nothing searchable is left.
 */
export function buildTsQuery(text: string): string | undefined {
  const words = text
    .toLowerCase()
    .normalize('NFKC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .slice(0, MAX_WORDS);
  if (words.length === 0) return undefined;
  const groups = [...new Set(words)].map((word) => {
    const alternatives = [word, ...(SEARCH_SYNONYMS.get(word) ?? [])];
    return alternatives.length === 1 ? word : `(${alternatives.join(' | ')})`;
  });
  return groups.join(' & ');
}

const label = (terms: readonly { code: string; label: string }[], codes: string[]) =>
  terms.filter((t) => codes.includes(t.code)).map((t) => t.label);

/** The weight-B text indexed with a resource: organization, kind, formats, specialties, approaches, audiences. */
export function searchKeywords(r: {
  organizationName: string;
  kind: string;
  formats: string[];
  specialties: string[];
  approaches: string[];
  audiences: string[];
}): string {
  return [
    r.organizationName,
    ...label(RESOURCE_KINDS.terms, [r.kind]),
    ...label(FORMATS.terms, r.formats),
    ...label(SPECIALTIES.terms, r.specialties),
    ...label(APPROACHES.terms, r.approaches),
    ...label(AUDIENCES.terms, r.audiences),
  ].join('. ');
}
