/**
 * The widget's own words, in English and Spanish: one flat catalogue per language
 * (messages-en.ts, messages-es.ts), ICU MessageFormat strings (`{arg}` and `{n, plural, …}`
 * only), and the small formatter for them. Pure and DOM-free: the frame uses it in the browser,
 * the server's frame page (widget-pages.ts, through ../widget-messages.ts) and the tests under Node.
 *
 * Why not @formatjs/intl here: the widget has no bundler and a 25 KB budget, and the API's
 * catalogues (src/common/i18n) are mostly intake texts the API already renders. So the frame
 * formats the two ICU forms it uses itself (formatMessage below), and test/widget-i18n.spec.ts
 * checks every message against @formatjs's own parser and formatter: same keys and arguments in
 * both languages, same output as intl-messageformat.
 *
 * Words about listings (kinds, formats, accessibility, audiences, contact channels, report
 * reasons, verification statuses) are not here: they come from GET /v1/taxonomy in the same
 * language, and the API's texts (guidance, reasons, caveats, next steps) are shown as given.
 *
 * Spanish: usted to the person, ustedes to the couple, never tú (docs/i18n.md); the vocabulary of
 * the API's catalogue (terapia de pareja, línea de ayuda, escala móvil, listado, referido).
 */
import type { MessageKey } from './messages-en.js';

export type { MessageKey };

export const WIDGET_LANGS = ['en', 'es'] as const;
export type WidgetLang = (typeof WIDGET_LANGS)[number];

/** The widget language of a BCP 47 tag (`es-MX` → `es`); undefined when the widget does not speak it. */
export function widgetLang(tag: string | null | undefined): WidgetLang | undefined {
  const primary = /^([a-z]{2,3})(?:[-_]|$)/i.exec((tag ?? '').trim())?.[1].toLowerCase();
  return (WIDGET_LANGS as readonly string[]).includes(primary ?? '') ? (primary as WidgetLang) : undefined;
}

/** One language's catalogue. */
export type Messages = Record<MessageKey, string>;

/**
 * The frame's catalogue, for its language only: a visitor downloads the words they read, not
 * both catalogues (the frame page preloads it, widget-pages.ts).
 */
export function loadMessages(lang: WidgetLang): Promise<Messages> {
  return lang === 'es' ? import('./messages-es.js').then((m) => m.es) : import('./messages-en.js').then((m) => m.en);
}

export type MessageArgs = Record<string, string | number>;
export type Translate = (key: MessageKey, args?: MessageArgs) => string;

/** The index of the `}` that closes the `{` at `open`. */
function closing(pattern: string, open: number): number {
  let depth = 0;
  for (let i = open; i < pattern.length; i++) {
    if (pattern[i] === '{') depth++;
    else if (pattern[i] === '}' && --depth === 0) return i;
  }
  throw new Error(`Unbalanced braces in "${pattern}"`);
}

/** `one {…} other {…}` → { one: '…', other: '…' }. */
function pluralOptions(body: string): Record<string, string> {
  const options: Record<string, string> = {};
  let i = 0;
  while (i < body.length) {
    const open = body.indexOf('{', i);
    if (open < 0) break;
    const end = closing(body, open);
    options[body.slice(i, open).trim()] = body.slice(open + 1, end);
    i = end + 1;
  }
  return options;
}

/**
 * An ICU message with `{name}` and `{name, plural, =n {…} one {…} other {…}}` (with `#`), the
 * two forms this catalogue uses; a plural's `#` is written as the language writes numbers.
 */
export function formatMessage(pattern: string, args: MessageArgs, lang: WidgetLang, pound?: number): string {
  // Numbers as the language writes them in the directory's home market, like money (Ui.locale).
  const number = (n: number) => new Intl.NumberFormat(`${lang}-US`).format(n);
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '{') {
      const end = closing(pattern, i);
      const [name, type, ...rest] = pattern.slice(i + 1, end).split(',');
      const value = args[name.trim()];
      if (type?.trim() === 'plural') {
        const n = Number(value);
        const options = pluralOptions(rest.join(','));
        const chosen = options[`=${n}`] ?? options[new Intl.PluralRules(lang).select(n)] ?? options.other;
        out += formatMessage(chosen, args, lang, n);
      } else {
        out += String(value ?? ''); // a plain argument as given, as intl-messageformat does
      }
      i = end;
    } else if (c === '#' && pound !== undefined) {
      out += number(pound);
    } else {
      out += c;
    }
  }
  return out;
}

export function translator(lang: WidgetLang, messages: Messages): Translate {
  return (key, args = {}) => formatMessage(messages[key], args, lang);
}
