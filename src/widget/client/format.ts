/**
 * The frame's pure logic: wording, formatting, request building, error messages. No DOM and no
 * I/O, so test/widget-format.spec.ts runs it under Node; labels are checked there against the
 * API's vocabularies, so a new code on the server cannot go unlabelled here.
 */

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

export const FORMAT_LABELS: Record<string, string> = { in_person: 'In person', video: 'Video', phone: 'Phone', chat: 'Chat or text' };
export const REMOTE_FORMATS = ['video', 'phone', 'chat'];

export const KIND_LABELS: Record<string, string> = {
  practice: 'Private practice',
  clinic: 'Clinic',
  online_service: 'Online service',
  workshop: 'Workshop',
  self_guided: 'Self-guided program',
  support_group: 'Support group',
  hotline: 'Hotline',
  directory: 'Therapist directory',
};

/** The intake's concerns in a couple's words (codes: src/intake/matching/types.ts). */
export const CONCERN_LABELS: Record<string, string> = {
  infidelity: 'An affair or emotional infidelity',
  lying: 'Lying or broken promises',
  financial_secrecy: 'Hidden spending, debt or money secrets',
  hidden_substance_use: 'Hidden drinking or drug use',
  gambling: 'Gambling or betting',
  jealousy_control: 'Jealousy, snooping or checking up on each other',
  communication_breakdown: "We can't talk without fighting or shutting down",
  other: 'Something else',
};

export const WILLINGNESS_LABELS: Record<string, string> = {
  both: 'We both want to work on it together',
  one_hesitant: 'One of us is hesitant about counseling',
  one_leaning_out: 'One of us is unsure about staying together',
  one_unwilling: "One of us doesn't want to take part",
};

/**
 * Safety questions, asked first and without judgement (wording after the National Domestic
 * Violence Hotline's screening guidance). Keys are the API's SafetyAnswersDto fields.
 */
export const SAFETY_QUESTIONS: { field: string; question: string }[] = [
  { field: 'physicalViolence', question: 'Has either of you hit, pushed, choked or threatened to hurt the other?' },
  { field: 'feelsAfraid', question: 'Is either of you afraid of the other?' },
  {
    field: 'coerciveControl',
    question: "Does one of you check the other's phone, control the money, or keep them from friends or family?",
  },
  { field: 'sexualViolence', question: 'Has either of you been forced or pressured into sexual acts by the other?' },
  { field: 'selfHarmRisk', question: 'Is either of you thinking about suicide or hurting yourself?' },
];

export interface Cost {
  free: boolean;
  slidingScale: boolean;
  feeMin: number | null;
  feeMax: number | null;
  currency: string;
  feePeriod?: string;
  insuranceAccepted: boolean;
}

function money(minor: number, currency: string): string {
  try {
    return new Intl.NumberFormat('en-US', { style: 'currency', currency, maximumFractionDigits: minor % 100 === 0 ? 0 : 2 }).format(
      minor / 100,
    );
  } catch {
    return `${(minor / 100).toFixed(0)} ${currency}`;
  }
}

/** "Free", "$90–$150 per session · sliding scale", "Sliding scale", "Fees not listed". */
/** What one fee buys (src/taxonomy FEE_PERIODS). */
export const FEE_PERIOD_WORDS: Record<string, string> = {
  per_session: 'per session',
  per_week: 'per week',
  per_month: 'per month',
  one_time: 'one time',
  per_program: 'for the whole program',
};

export function formatCost(cost: Cost): string {
  if (cost.free) return 'Free';
  const parts: string[] = [];
  const period = FEE_PERIOD_WORDS[cost.feePeriod ?? 'per_session'] ?? 'per session';
  if (cost.feeMin !== null && cost.feeMax !== null && cost.feeMax !== cost.feeMin) {
    parts.push(`${money(cost.feeMin, cost.currency)}–${money(cost.feeMax, cost.currency)} ${period}`);
  } else if (cost.feeMin !== null || cost.feeMax !== null) {
    parts.push(`${money((cost.feeMin ?? cost.feeMax) as number, cost.currency)} ${period}`);
  }
  if (cost.slidingScale) parts.push('sliding scale');
  if (cost.insuranceAccepted) parts.push('takes insurance');
  if (parts.length === 0) return 'Fees not listed';
  const text = parts.join(' · ');
  return text[0].toUpperCase() + text.slice(1);
}

export function formatList(codes: string[], labels: Record<string, string>): string {
  return codes.map((c) => labels[c] ?? c.replace(/_/g, ' ')).join(', ');
}

export function formatDistance(km: number | undefined): string | undefined {
  if (km === undefined || km === null) return undefined;
  const miles = km / 1.609344;
  return miles < 1 ? 'less than a mile away' : `${Math.round(miles)} mi (${Math.round(km)} km) away`;
}

export interface SearchFilters {
  postalCode: string;
  country: 'US' | 'CA';
  format: string; // '' = any
  cost: 'any' | 'free' | 'sliding' | 'max';
  maxFee: string;
  onlineOnly: boolean;
}

export type Validation = { field: keyof SearchFilters; message: string } | undefined;

const POSTAL = /^[A-Za-z0-9][A-Za-z0-9 -]{2,9}$/;

export function validateSearch(f: SearchFilters): Validation {
  if (!f.onlineOnly && !POSTAL.test(f.postalCode.trim())) {
    return { field: 'postalCode', message: 'Enter a ZIP or postal code, such as 43215, or choose "Online only".' };
  }
  if (f.cost === 'max' && !(Number(f.maxFee) >= 0 && f.maxFee.trim() !== '')) {
    return { field: 'maxFee', message: 'Enter the most you can pay per session, in dollars, such as 80.' };
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

/** Countries whose crisis and safety lines Mend lists; the intake asks first, so the lines shown work there. */
export const INTAKE_COUNTRIES: Record<string, string> = {
  US: 'United States',
  CA: 'Canada',
  GB: 'United Kingdom',
  IE: 'Ireland',
  AU: 'Australia',
  NZ: 'New Zealand',
  DE: 'Germany',
  FR: 'France',
};

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
}

export function anySafetyConcern(safety: IntakeAnswers['safety']): boolean {
  return Object.values(safety).some((v) => v === true);
}

/** POST /v1/intakes body. Only what the couple chose to give; doNotContact stays at its default (true). */
export function intakeBody(a: IntakeAnswers): Record<string, unknown> {
  const body: Record<string, unknown> = { concerns: a.concerns, willingness: a.willingness };
  const safety = Object.fromEntries(Object.entries(a.safety).filter(([, v]) => typeof v === 'boolean'));
  if (Object.keys(safety).length > 0) body.safety = safety;
  // Without a postal code, the country alone: online help licensed there.
  if (a.postalCode.trim() && POSTAL_COUNTRIES.includes(a.country)) body.postalCode = a.postalCode.trim();
  body.country = a.country;
  if (a.formats.length > 0) body.formats = a.formats;
  if (a.budget !== '') body.budgetPerSession = Number(a.budget);
  if (a.noInsurance) body.insurance = 'none';
  else if (a.insurance.trim()) body.insurance = a.insurance.trim().slice(0, 100);
  return body;
}

/** What the couple is told when a request fails: never a status dump, a stack or JSON. */
export function friendlyError(status: number | 'network', retryAfterSeconds?: number): string {
  if (status === 'network') return "We couldn't reach the service. Check your connection, then try again.";
  if (status === 429) {
    const wait =
      retryAfterSeconds && retryAfterSeconds > 0 ? ` in ${retryAfterSeconds} second${retryAfterSeconds === 1 ? '' : 's'}` : ' in a minute';
    return `A lot of people are searching right now. Please try again${wait}.`;
  }
  if (status === 400 || status === 422) return 'Some answers could not be used. Please check them and try again.';
  if (status === 401 || status === 403) return "This finder isn't set up correctly on this website yet. Please try again later.";
  return 'Something went wrong on our side. Please try again in a moment.';
}

/** An Idempotency-Key: retries of one submission never create two intakes or referrals. */
export function requestId(randomBytes: ArrayLike<number>): string {
  return Array.from(randomBytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
