import { taxonomyKey } from '../common/i18n/catalogue.js';
import { type Locale, LOCALES } from '../common/i18n/locale.js';
import { render } from '../common/i18n/render.js';
import { INTERFACE_VOCABULARIES, type InterfaceVocabularyName, TAXONOMY, type TaxonomyName, type TaxonomyTerm } from './taxonomy.js';

export type LocalizedTaxonomy = Record<TaxonomyName | InterfaceVocabularyName, TaxonomyTerm[]>;

/** Every vocabulary with its labels and descriptions in `locale` (codes unchanged); built once per locale. */
const byLocale = new Map<Locale, LocalizedTaxonomy>(
  LOCALES.map((locale) => [
    locale,
    Object.fromEntries(
      Object.entries({ ...TAXONOMY, ...INTERFACE_VOCABULARIES }).map(([name, vocabulary]) => [
        name,
        vocabulary.terms.map((t) => ({
          code: t.code,
          label: render({ id: taxonomyKey(name, t.code, 'label') }, { locale }),
          description: render({ id: taxonomyKey(name, t.code, 'description') }, { locale }),
        })),
      ]),
    ) as LocalizedTaxonomy,
  ]),
);

export function taxonomyIn(locale: Locale): LocalizedTaxonomy {
  return byLocale.get(locale)!;
}
