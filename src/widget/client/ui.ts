import { ApiError } from './api.js';
import { friendlyError } from './format.js';
import { type Messages, type Translate, translator, type WidgetLang } from './messages.js';

/** GET /v1/taxonomy: every vocabulary's terms with labels in the requested language. */
export type Taxonomy = Record<string, { code: string; label: string; description: string }[]>;

/**
 * The frame's language: its own words (t), the API's labels for codes (term, terms: taxonomy in
 * the same language, so a card says "Línea de ayuda" beside the API's Spanish reasons), and the
 * formats of money and dates. Built once, when the frame starts.
 */
export interface Ui {
  lang: WidgetLang;
  t: Translate;
  /** A code's label; without the taxonomy (it failed to load), the code in plain letters. */
  term: (vocabulary: string, code: string) => string;
  terms: (vocabulary: string) => { code: string; label: string }[];
  /** The region of the host page's language tag (es-MX → MX), if it named one: the intake's preselected country. */
  region?: string;
  /** Numbers and dates as the language writes them in the directory's home market (en-US, es-US: "$80"). */
  locale: string;
}

export function createUi(lang: WidgetLang, messages: Messages, taxonomy: Taxonomy | undefined, region?: string): Ui {
  const labels = new Map<string, string>();
  for (const [vocabulary, terms] of Object.entries(taxonomy ?? {})) {
    for (const term of terms) labels.set(`${vocabulary}.${term.code}`, term.label);
  }
  return {
    lang,
    region,
    t: translator(lang, messages),
    term: (vocabulary, code) => labels.get(`${vocabulary}.${code}`) ?? code.replace(/_/g, ' '),
    terms: (vocabulary) => (taxonomy?.[vocabulary] ?? []).map(({ code, label }) => ({ code, label })),
    locale: `${lang}-US`,
  };
}

/** What a failed call says to the couple, in their language. */
export function errorText(ui: Ui, error: unknown): string {
  return error instanceof ApiError ? friendlyError(ui.t, error.status, error.retryAfterSeconds) : ui.t('error.generic');
}
