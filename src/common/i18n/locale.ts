import Negotiator from 'negotiator';

/** The locales Mend writes its own words in. Codes, enums and ids never change with the locale. */
export const LOCALES = ['en', 'es'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

export const isLocale = (value: unknown): value is Locale => typeof value === 'string' && (LOCALES as readonly string[]).includes(value);

/** What a request asked for: the locale to write in, and the reader's region when the header names one. */
export interface RequestLocale {
  locale: Locale;
  /** ISO 3166-1 region of the reader's most preferred Accept-Language tag that has one (es-MX → MX); a units fallback. */
  region?: string;
  /** True when `lang` chose the locale; false when Accept-Language did (then caches must vary on it). */
  explicit: boolean;
}

const REGION_SUBTAG = /^[a-z]{2,3}(?:-[a-z]{4})?-([a-z]{2})(?:-|$)/i;

/**
 * An explicit `lang` wins; otherwise Accept-Language with its quality values (negotiator: RFC 9110
 * ranges, `es-MX` matches `es`, `q=0` excludes); `*`, nothing acceptable or no header → English.
 * A `lang` that is not a locale is ignored here (the DTO's validation answers it with a 400).
 */
export function negotiateLocale(acceptLanguage: string | undefined, lang?: unknown): RequestLocale {
  const negotiator = new Negotiator({ headers: { 'accept-language': acceptLanguage } });
  const region = acceptLanguage
    ? negotiator
        .languages()
        .map((tag) => REGION_SUBTAG.exec(tag)?.[1])
        .find((r) => r !== undefined)
        ?.toUpperCase()
    : undefined;
  if (isLocale(lang)) return { locale: lang, region, explicit: true };
  const best = acceptLanguage ? negotiator.language([...LOCALES]) : undefined;
  return { locale: isLocale(best) ? best : DEFAULT_LOCALE, region, explicit: false };
}
