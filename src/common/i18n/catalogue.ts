import { FEE_PERIODS, INTERFACE_VOCABULARIES, TAXONOMY } from '../../taxonomy/taxonomy.js';
import type { Locale } from './locale.js';
import { en } from './messages/en.js';
import { es } from './messages/es.js';

/** Taxonomy labels and descriptions keep their English in taxonomy.ts, the vocabularies' one place. */
// Fee periods are said inside sentences ("from $32 per week") though not a filter of GET /v1/taxonomy.
const taxonomyEnglish = Object.fromEntries(
  Object.entries({ ...TAXONOMY, ...INTERFACE_VOCABULARIES, feePeriod: FEE_PERIODS }).flatMap(([vocabulary, { terms }]) =>
    terms.flatMap((t) => [
      [`taxonomy.${vocabulary}.${t.code}.label`, t.label],
      [`taxonomy.${vocabulary}.${t.code}.description`, t.description],
    ]),
  ),
);

/** Every message of each locale, by key (ICU MessageFormat strings). */
export const CATALOGUES: Record<Locale, Readonly<Record<string, string>>> = {
  en: { ...en, ...taxonomyEnglish },
  es,
};

export const taxonomyKey = (vocabulary: string, code: string, part: 'label' | 'description') => `taxonomy.${vocabulary}.${code}.${part}`;

export function hasMessage(id: string, locale: Locale = 'en'): boolean {
  return Object.hasOwn(CATALOGUES[locale], id);
}
