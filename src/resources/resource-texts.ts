import type { Locale } from '../common/i18n/locale.js';
import type { ResourceResponse } from './dto/resource.response.js';

/**
 * Provider texts in other languages. The stored name, description and cost notes are English (the
 * language the directory is curated in); `translations` holds, per other locale, the texts
 * written for it. A response takes the reader's text where there is one and otherwise the stored
 * one, and says which language each is in (nameLang, descriptionLang, cost.notesLang), so a client
 * can mark an English text in a Spanish page (`<span lang="en">`) instead of passing it off as Spanish.
 */
export const STORED_TEXT_LOCALE = 'en' as const satisfies Locale;
export const TRANSLATED_LOCALES = ['es'] as const satisfies readonly Exclude<Locale, 'en'>[];
export type TranslatedLocale = (typeof TRANSLATED_LOCALES)[number];
export const TRANSLATED_FIELDS = ['name', 'description', 'costNotes'] as const;
export type TranslatedField = (typeof TRANSLATED_FIELDS)[number];

/** The longest text of each field, as for the stored English (the curation DTO's limits). */
export const TRANSLATED_FIELD_MAX: Record<TranslatedField, number> = { name: 200, description: 2000, costNotes: 1000 };

export type ResourceTexts = Partial<Record<TranslatedField, string>>;
export type ResourceTranslations = Partial<Record<TranslatedLocale, ResourceTexts>>;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Why a translations value is not well formed (undefined when it is): an object of translated
 * locales, each an object of known fields holding non-blank strings within their limits;
 * no cost-notes text where there are no English cost notes (it would say what the English does not).
 */
export function translationsProblem(value: unknown, hasCostNotes: boolean): string | undefined {
  if (value === undefined) return undefined;
  if (!isObject(value)) return 'translations must be an object keyed by language';
  for (const [locale, texts] of Object.entries(value)) {
    if (!(TRANSLATED_LOCALES as readonly string[]).includes(locale))
      return `translations has unknown language ${locale} (one of: ${TRANSLATED_LOCALES.join(', ')})`;
    if (!isObject(texts)) return `translations.${locale} must be an object`;
    for (const [field, text] of Object.entries(texts)) {
      if (!(TRANSLATED_FIELDS as readonly string[]).includes(field))
        return `translations.${locale} has unknown field ${field} (one of: ${TRANSLATED_FIELDS.join(', ')})`;
      const max = TRANSLATED_FIELD_MAX[field as TranslatedField];
      if (typeof text !== 'string' || text.trim().length === 0 || text.length > max)
        return `translations.${locale}.${field} must be a text of 1 to ${max} characters`;
      if (field === 'costNotes' && !hasCostNotes) return `translations.${locale}.costNotes needs cost.notes`;
    }
  }
  return undefined;
}

/** Translations without empty languages, languages in TRANSLATED_LOCALES order, fields in TRANSLATED_FIELDS order (stable for ETags and audit diffs). */
export function normalizeTranslations(value: ResourceTranslations | undefined): ResourceTranslations {
  const out: ResourceTranslations = {};
  for (const locale of TRANSLATED_LOCALES) {
    const texts = value?.[locale];
    if (!texts) continue;
    const kept: ResourceTexts = {};
    for (const field of TRANSLATED_FIELDS) if (texts[field] !== undefined) kept[field] = texts[field];
    if (Object.keys(kept).length) out[locale] = kept;
  }
  return out;
}

/**
 * A write's translations after an edit: a text whose English was changed by the same write while
 * the write left the translation alone is dropped, never kept beside English it no longer says
 * (a Spanish description with last year's hours or fees would mislead); the English is shown,
 * marked `en`, until someone writes the text again. Pure.
 */
export function dropStaleTranslations(
  before: { name: string; description: string; costNotes?: string | null },
  after: { name: string; description: string; costNotes?: string | null; translations?: ResourceTranslations },
  patchTranslations: unknown,
): ResourceTranslations | undefined {
  if (!after.translations) return after.translations;
  const english: Record<TranslatedField, [unknown, unknown]> = {
    name: [before.name, after.name],
    description: [before.description, after.description],
    costNotes: [before.costNotes ?? undefined, after.costNotes ?? undefined],
  };
  const out: ResourceTranslations = {};
  for (const locale of TRANSLATED_LOCALES) {
    const texts = after.translations[locale];
    if (!texts) continue;
    const patched = isObject(patchTranslations) && isObject(patchTranslations[locale]) ? patchTranslations[locale] : {};
    const kept: ResourceTexts = {};
    for (const field of TRANSLATED_FIELDS) {
      const [was, now] = english[field];
      const stale = was !== now && !(field in patched);
      if (texts[field] !== undefined && !stale) kept[field] = texts[field];
    }
    if (Object.keys(kept).length) out[locale] = kept;
  }
  return out;
}

const localized = new Map<Locale, WeakMap<ResourceResponse, ResourceResponse>>(TRANSLATED_LOCALES.map((l) => [l, new WeakMap()]));

/**
 * The resource as a reader of `locale` sees it: its name, description and cost notes in that
 * language where written, the stored English otherwise, each with its language marker. English,
 * or nothing written for the locale: the same object. Otherwise a frozen copy, kept per response
 * object so cached responses shared between requests stay shared per language.
 */
export function localizeResource(resource: ResourceResponse, locale: Locale): ResourceResponse {
  if (locale === STORED_TEXT_LOCALE) return resource;
  const texts = resource.translations?.[locale];
  if (!texts) return resource;
  const memo = localized.get(locale)!;
  let copy = memo.get(resource);
  if (!copy) {
    const notes = resource.cost.notes !== null && texts.costNotes !== undefined;
    copy = Object.freeze({
      ...resource,
      name: texts.name ?? resource.name,
      nameLang: texts.name !== undefined ? locale : resource.nameLang,
      description: texts.description ?? resource.description,
      descriptionLang: texts.description !== undefined ? locale : resource.descriptionLang,
      cost: notes ? { ...resource.cost, notes: texts.costNotes!, notesLang: locale } : resource.cost,
    });
    memo.set(resource, copy);
  }
  return copy;
}
