import { createIntl, createIntlCache, type IntlShape } from '@formatjs/intl';

import { areaName, languageName } from '../place/place-names.js';
import { CATALOGUES, hasMessage, taxonomyKey } from './catalogue.js';
import type { Locale } from './locale.js';
import type { Message, MessageArg } from './message.js';

/**
 * The one localisation step: a Message (what pure code decided to say) becomes text in a locale.
 * Pure: the same message, locale and country always give the same words. ICU MessageFormat
 * through @formatjs/intl (plurals, selects); money, lists, distances, languages and places are
 * formatted here with Intl before they enter a message, so no catalogue repeats a unit rule.
 */
export interface RenderContext {
  locale: Locale;
  /**
   * The reader's country (ISO 3166-1): the intake's or search's place, else the Accept-Language
   * region. It picks the unit (miles in the US and the UK, km elsewhere) and the number format
   * (es-US writes "$80", es-ES "80 US$"), independently of the language.
   */
  country?: string;
}

/** The directory's home market: its readers' unit and number format when nothing says otherwise. */
const DEFAULT_COUNTRY = 'US';
const KM_PER_MILE = 1.609344;

/** Miles for readers in the US and the UK (and when the country is unknown: the US default); km elsewhere. */
export function usesMiles(country: string | undefined): boolean {
  return !country || country === 'US' || country === 'GB';
}

const cache = createIntlCache();
const intls = new Map<string, IntlShape>();
// Intl.NumberFormat is costly to build (it was ~8% of intake CPU when made per candidate): reuse them.
const moneyFormats = new Map<string, Intl.NumberFormat>();
const listFormats = new Map<string, Intl.ListFormat>();

/** A BCP 47 tag for formats: the language with the reader's country (en-US, es-US, es-MX). */
const formatLocale = (ctx: RenderContext) =>
  `${ctx.locale}-${ctx.country && /^[A-Z]{2}$/.test(ctx.country) ? ctx.country : DEFAULT_COUNTRY}`;

function intlFor(ctx: RenderContext): IntlShape {
  const tag = formatLocale(ctx);
  let intl = intls.get(tag);
  if (!intl) {
    intl = createIntl(
      {
        locale: tag,
        defaultLocale: 'en-US',
        messages: CATALOGUES[ctx.locale],
        onError: (error) => {
          throw error;
        },
      },
      cache,
    );
    intls.set(tag, intl);
  }
  return intl;
}

export function formatMoney(minor: number, currency: string, ctx: RenderContext): string {
  const tag = formatLocale(ctx);
  const digits = minor % 100 === 0 ? 0 : 2;
  const key = `${tag}:${currency}:${digits}`;
  let format = moneyFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(tag, { style: 'currency', currency, maximumFractionDigits: digits });
    moneyFormats.set(key, format);
  }
  return format.format(minor / 100);
}

function formatList(items: string[], type: 'and' | 'or', ctx: RenderContext): string {
  const key = `${ctx.locale}:${type}`;
  let format = listFormats.get(key);
  if (!format) {
    format = new Intl.ListFormat(ctx.locale, { style: 'long', type: type === 'and' ? 'conjunction' : 'disjunction' });
    listFormats.set(key, format);
  }
  return format.format(items);
}

function distance(meters: number, ctx: RenderContext): string {
  const miles = usesMiles(ctx.country);
  const value = meters / 1000 / (miles ? KM_PER_MILE : 1);
  const unit = miles ? 'miles' : 'km';
  if (value < 1) return render({ id: `unit.distance.underOne.${unit}` }, ctx);
  return render({ id: `unit.distance.${unit}`, values: { value: Math.round(value) } }, ctx);
}

function radius(km: number, ctx: RenderContext): string {
  if (!usesMiles(ctx.country)) return render({ id: 'unit.radius.km', values: { value: Math.round(km) } }, ctx);
  return render({ id: 'unit.radius.miles', values: { value: Math.round(km / KM_PER_MILE) } }, ctx);
}

function termLabel(vocabulary: string, code: string, ctx: RenderContext): string {
  const key = taxonomyKey(vocabulary, code, 'label');
  return hasMessage(key, ctx.locale) || hasMessage(key) ? render({ id: key }, ctx) : code.replace(/_/g, ' ');
}

function renderArg(arg: MessageArg, ctx: RenderContext): string | number {
  if (typeof arg === 'string' || typeof arg === 'number') return arg;
  if ('money' in arg) return formatMoney(arg.money.minor, arg.money.currency, ctx);
  if ('distanceMeters' in arg) return distance(arg.distanceMeters, ctx);
  if ('radiusKm' in arg) return radius(arg.radiusKm, ctx);
  if ('list' in arg)
    return formatList(
      arg.list.map((item) => String(renderArg(item, ctx))),
      arg.type ?? 'and',
      ctx,
    );
  if ('language' in arg) return languageName(arg.language, ctx.locale);
  if ('place' in arg) return areaName(arg.place, ctx.locale);
  if ('term' in arg) {
    const label = termLabel(arg.term.vocabulary, arg.term.code, ctx);
    return arg.term.lower ? label.toLocaleLowerCase(ctx.locale) : label;
  }
  return render(arg.message, ctx);
}

/** The message in the context's locale; a key missing there falls back to English (the catalogue test keeps that from happening). */
export function render(message: Message, ctx: RenderContext): string {
  const at = hasMessage(message.id, ctx.locale) ? ctx : { ...ctx, locale: 'en' as const };
  const values: Record<string, string | number> | undefined = message.values
    ? Object.fromEntries(Object.entries(message.values).map(([name, arg]) => [name, renderArg(arg, at)]))
    : undefined;
  return String(intlFor(at).formatMessage({ id: message.id }, values));
}

/** Renders a list of coded messages (reasons, caveats, next steps) as the API's `{ code, text }`. */
export function renderCoded<C extends string>(
  items: readonly { code: C; message: Message }[],
  ctx: RenderContext,
): { code: C; text: string }[] {
  return items.map(({ code, message }) => ({ code, text: render(message, ctx) }));
}
