/**
 * The frame's pure logic: wording, formatting, request building, error messages. No DOM and no
 * I/O, so test/widget-format.spec.ts runs it under Node; its codes are checked there against the
 * API's vocabularies (and test/widget-i18n.spec.ts checks they have words in both languages), so a
 * new code on the server cannot go unworded here.
 */

import type { MessageKey, Translate, WidgetLang } from './messages.js';

export const PROTOCOL = 'mend-widget/1';

/** Messages between the loader (partner page) and the frame. */
export interface WidgetMessage {
  protocol: typeof PROTOCOL;
  type: 'init' | 'ready' | 'resize' | 'exit';
  height?: number;
}

export function isWidgetMessage(data: unknown, type: WidgetMessage['type']): data is WidgetMessage {
  return (
    typeof data === 'object' && data !== null && (data as WidgetMessage).protocol === PROTOCOL && (data as WidgetMessage).type === type
  );
}

/** Format codes (labels: GET /v1/taxonomy, format). */
export const FORMAT_CODES = ['in_person', 'video', 'phone', 'chat'];
export const REMOTE_FORMATS = ['video', 'phone', 'chat'];

/**
 * The intake's concerns (words: concern.* in messages.ts). These and WILLINGNESS are the API's
 * codes too: src/intake/matching/types.ts imports them from here, the one copy.
 */
export const CONCERNS = [
  'infidelity',
  'lying',
  'financial_secrecy',
  'hidden_substance_use',
  'gambling',
  'jealousy_control',
  'communication_breakdown',
  'other',
] as const;

export const WILLINGNESS = ['both', 'one_hesitant', 'one_leaning_out', 'one_unwilling'] as const;

/**
 * Safety questions, asked first and without judgement (wording after the National Domestic
 * Violence Hotline's screening guidance, in safety.q.* of messages.ts). The API's SafetyAnswersDto fields.
 * The lethality signs (strangulation; a weapon or threats to kill) are asked apart, as advocates'
 * danger assessments do: a yes is urgent and the API's guidance adds medical care and a danger assessment.
 */
export const SAFETY_QUESTIONS = [
  'physicalViolence',
  'feelsAfraid',
  'coerciveControl',
  'sexualViolence',
  'strangulation',
  'weaponOrThreatsToKill',
  'selfHarmRisk',
] as const;

/** Answers that are signs of abuse: a yes brings domestic-violence lines at once. */
const ABUSE_SIGNS = ['physicalViolence', 'feelsAfraid', 'coerciveControl', 'sexualViolence', 'strangulation', 'weaponOrThreatsToKill'];

/** The line roles (GET /v1/safety-lines `roles`) a set of safety answers calls for: crisis lines first for self-harm. */
export function helplineRoles(safety: Record<string, boolean | undefined>): string[] {
  const roles: string[] = [];
  if (safety.selfHarmRisk === true) roles.push('crisis');
  if (ABUSE_SIGNS.some((f) => safety[f] === true)) roles.push('domestic_violence');
  if (safety.sexualViolence === true) roles.push('sexual_assault');
  return roles;
}

/**
 * The `lang` attribute for a listing's text whose marker (nameLang, descriptionLang) differs from
 * the widget's language, so a screen reader pronounces an English description in the Spanish
 * widget as English; undefined when they agree or the API gave no marker.
 */
export function textLang(marker: string | null | undefined, uiLang: WidgetLang): string | undefined {
  return marker && marker !== uiLang ? marker : undefined;
}

/** Languages of care the intake offers (ISO 639-1), named by Intl.DisplayNames in the reader's language. */
export const CARE_LANGUAGES = ['en', 'es', 'zh', 'vi', 'ko', 'tl', 'ar', 'fr', 'pt', 'ru'];

export interface Cost {
  free: boolean;
  slidingScale: boolean;
  feeMin: number | null;
  feeMax: number | null;
  currency: string;
  feePeriod?: string;
  insuranceAccepted: boolean;
}

export function formatMoney(minor: number, currency: string, locale: string): string {
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: minor % 100 === 0 ? 0 : 2 }).format(
      minor / 100,
    );
  } catch {
    return `${(minor / 100).toFixed(0)} ${currency}`;
  }
}

const FEE_PERIODS = ['per_session', 'per_week', 'per_month', 'one_time', 'per_program'] as const;

/** "Free", "$90–$150 per session · sliding scale", "Sliding scale", "Fees not listed" (and the same in Spanish). */
export function formatCost(cost: Cost, t: Translate, locale: string): string {
  if (cost.free) return t('cost.free');
  const parts: string[] = [];
  const code = FEE_PERIODS.find((p) => p === cost.feePeriod) ?? 'per_session';
  const period = t(`period.${code}`);
  if (cost.feeMin !== null && cost.feeMax !== null && cost.feeMax !== cost.feeMin) {
    parts.push(
      t('cost.range', {
        min: formatMoney(cost.feeMin, cost.currency, locale),
        max: formatMoney(cost.feeMax, cost.currency, locale),
        period,
      }),
    );
  } else if (cost.feeMin !== null || cost.feeMax !== null) {
    parts.push(t('cost.single', { amount: formatMoney((cost.feeMin ?? cost.feeMax) as number, cost.currency, locale), period }));
  }
  if (cost.slidingScale) parts.push(t('cost.sliding'));
  if (cost.insuranceAccepted) parts.push(t('cost.insurance'));
  if (parts.length === 0) return t('cost.notListed');
  const text = parts.join(' · ');
  return text[0].toLocaleUpperCase(locale) + text.slice(1);
}

export function formatDistance(km: number | undefined, t: Translate): string | undefined {
  if (km === undefined || km === null) return undefined;
  const miles = km / 1.609344;
  return miles < 1 ? t('distance.underMile') : t('distance.away', { miles: Math.round(miles), km: Math.round(km) });
}

/** "June 2026", "junio de 2026": when a listing's details were last confirmed. */
export function formatMonth(iso: string, locale: string): string | undefined {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? undefined
    : new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}

export interface SearchFilters {
  postalCode: string;
  country: 'US' | 'CA';
  format: string; // '' = any
  cost: 'any' | 'free' | 'sliding' | 'max';
  maxFee: string;
  onlineOnly: boolean;
}

export type Validation = { field: keyof SearchFilters; message: MessageKey } | undefined;

const POSTAL = /^[A-Za-z0-9][A-Za-z0-9 -]{2,9}$/;

export function validateSearch(f: SearchFilters): Validation {
  if (!f.onlineOnly && !POSTAL.test(f.postalCode.trim())) {
    return { field: 'postalCode', message: 'search.errorPostal' };
  }
  if (f.cost === 'max' && !(Number(f.maxFee) >= 0 && f.maxFee.trim() !== '')) {
    return { field: 'maxFee', message: 'search.errorMaxFee' };
  }
  return undefined;
}

/** GET /v1/resources parameters for the search form. Online only: remote formats licensed in the country. */
export function searchParams(f: SearchFilters, limit = 10): URLSearchParams {
  const p = new URLSearchParams();
  if (f.onlineOnly) {
    p.set('serves', f.country);
    p.set('format', f.format && REMOTE_FORMATS.includes(f.format) ? f.format : REMOTE_FORMATS.join(','));
  } else {
    p.set('postalCode', f.postalCode.trim());
    p.set('country', f.country);
    if (f.format) p.set('format', f.format);
  }
  if (f.cost === 'free') p.set('free', 'true');
  if (f.cost === 'sliding') p.set('slidingScale', 'true');
  if (f.cost === 'max') p.set('maxFee', String(Math.round(Number(f.maxFee))));
  p.set('limit', String(limit));
  return p;
}

/**
 * Every country the API has an emergency number or verified lines for (intake/matching/emergency-numbers.ts,
 * seeds/data/safety-lines.json; the US territories get US lines): the intake asks first, so the number
 * and lines shown work there. A person elsewhere picks OTHER_COUNTRY rather than a country that is not theirs.
 */
export const INTAKE_COUNTRIES = [
  ...['US', 'PR', 'VI', 'GU', 'AS', 'MP', 'CA', 'MX', 'GB', 'IE', 'AU', 'NZ'],
  ...['AT', 'BE', 'BG', 'CH', 'CY', 'CZ', 'DE', 'DK', 'EE', 'ES', 'FI', 'FR', 'GR', 'HR', 'HU', 'IS', 'IT'],
  ...['LI', 'LT', 'LU', 'LV', 'MT', 'NL', 'NO', 'PL', 'PT', 'RO', 'SE', 'SI', 'SK'],
];

/** "Other country": no country is sent, and the API answers with general guidance (the local emergency number, findahelpline.com). */
export const OTHER_COUNTRY = 'other';

/** The country choices in `lang`: names from Intl.DisplayNames, sorted as the language sorts, "Other country" last. */
export function countryChoices(lang: WidgetLang, other: string): { code: string; name: string }[] {
  const names = new Intl.DisplayNames([lang], { type: 'region', fallback: 'code' });
  const countries = INTAKE_COUNTRIES.map((code) => ({ code, name: names.of(code) ?? code }));
  countries.sort((a, b) => a.name.localeCompare(b.name, lang));
  return [...countries, { code: OTHER_COUNTRY, name: other }];
}

/**
 * The country to preselect: the region of the page's language tag (es-MX → MX, es-ES → ES; the loader
 * reads it) when the intake offers it; otherwise '' (the person must choose: never a silent US default).
 */
export function preselectedCountry(region: string | undefined): string {
  return region && INTAKE_COUNTRIES.includes(region) ? region : '';
}

/** GET /v1/safety-lines parameters: the chosen country, or none for "Other country" (the API's general guidance). */
export function safetyLinesParams(choice: string, roles: string[]): URLSearchParams {
  const country = requestCountry(choice);
  return new URLSearchParams({ ...(country ? { country } : {}), roles: roles.join(',') });
}

/** The country to send for a choice: none for "Other country" or no choice (the API then gives general guidance). */
export function requestCountry(choice: string): string | undefined {
  return INTAKE_COUNTRIES.includes(choice) ? choice : undefined;
}

/** Postal-code lookup (help near you) works in these countries; elsewhere the country alone is sent. */
export const POSTAL_COUNTRIES = ['US', 'CA'];

export interface IntakeAnswers {
  safety: Record<string, boolean | undefined>;
  concerns: string[];
  willingness: string;
  postalCode: string;
  country: string;
  formats: string[];
  budget: string; // '' = not a concern, '0' = needs free help, or dollars
  insurance: string;
  noInsurance: boolean;
  /** ISO 639-1 language of care; '' = any. */
  language: string;
  affirming: boolean;
  /** Accessibility codes (GET /v1/taxonomy, accessibility). */
  accessibility: string[];
}

/** The answers before the first step: nothing chosen. */
export function blankAnswers(): IntakeAnswers {
  return {
    safety: {},
    concerns: [],
    willingness: '',
    postalCode: '',
    country: '', // chosen on the first step: no silent US default
    formats: [],
    budget: '',
    insurance: '',
    noInsurance: false,
    language: '',
    affirming: false,
    accessibility: [],
  };
}

export function anySafetyConcern(safety: IntakeAnswers['safety']): boolean {
  return Object.values(safety).some((v) => v === true);
}

/**
 * POST /v1/intakes body. Only what the couple chose to give; doNotContact stays at its default
 * (true). `lang`: the API writes its guidance, reasons and next steps in the widget's language.
 */
export function intakeBody(a: IntakeAnswers, lang: WidgetLang): Record<string, unknown> {
  const body: Record<string, unknown> = { concerns: a.concerns, willingness: a.willingness };
  const safety = Object.fromEntries(Object.entries(a.safety).filter(([, v]) => typeof v === 'boolean'));
  if (Object.keys(safety).length > 0) body.safety = safety;
  // Without a postal code, the country alone: online help licensed there.
  if (a.postalCode.trim() && POSTAL_COUNTRIES.includes(a.country)) body.postalCode = a.postalCode.trim();
  const country = requestCountry(a.country);
  if (country) body.country = country;
  if (a.formats.length > 0) body.formats = a.formats;
  if (a.budget !== '') body.budgetPerSession = Number(a.budget);
  if (a.noInsurance) body.insurance = 'none';
  else if (a.insurance.trim()) body.insurance = a.insurance.trim().slice(0, 100);
  if (a.language) body.languages = [a.language];
  const preferences: Record<string, string[]> = {};
  // LGBTQ+ affirming care is the audience code lgbtq_affirming (GET /v1/taxonomy, audience).
  if (a.affirming) preferences.audiences = ['lgbtq_affirming'];
  if (a.accessibility.length > 0) preferences.accessibility = a.accessibility;
  if (Object.keys(preferences).length > 0) body.preferences = preferences;
  body.lang = lang;
  return body;
}

/** What the couple is told when a request fails: never a status dump, a stack or JSON. */
export function friendlyError(t: Translate, status: number | 'network', retryAfterSeconds?: number): string {
  if (status === 'network') return t('error.network');
  if (status === 429)
    return retryAfterSeconds && retryAfterSeconds > 0 ? t('error.busyWait', { seconds: retryAfterSeconds }) : t('error.busy');
  if (status === 400 || status === 422) return t('error.invalid');
  if (status === 401 || status === 403) return t('error.setup');
  return t('error.server');
}

/** An Idempotency-Key: retries of one submission never create two intakes or referrals. */
export function requestId(randomBytes: ArrayLike<number>): string {
  return Array.from(randomBytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
