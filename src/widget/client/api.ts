import { type Cost, requestId } from './format.js';
import type { WidgetLang } from './messages.js';
import type { Taxonomy } from './ui.js';

/** The parts of Mend's API responses the frame shows (see src/resources/dto, src/intake/dto). */
export interface Resource {
  id: string;
  name: string;
  description: string;
  /** The language name and description are written in (the API's own English where it has no Spanish). */
  nameLang?: string;
  descriptionLang?: string;
  organization: { name: string; website: string | null };
  url: string | null;
  phone: string | null;
  kind: string;
  formats: string[];
  specialties: string[];
  cost: Cost;
  languages: string[];
  locations: { city: string; region: string }[];
  provenance: { demo: boolean };
  lineRoles?: string[];
  contactChannels?: { type: string; value: string; keyword?: string }[];
  accessibility?: string[];
  verification?: { lastVerifiedAt: string | null; status: 'current' | 'due' | 'stale'; reportedNotWorking?: boolean };
  distanceKm?: number;
}

export interface SafetyLines {
  country: string;
  /** No country was sent ("Other country"): the lines are the US's, which do not work elsewhere. */
  countryAssumed: boolean;
  emergency: { number: string; alsoWorks: string[]; ifYouCannotSpeak?: string } | null;
  lines: Resource[];
}

export interface ResourceList {
  data: Resource[];
  page: { total: number; totalExact: boolean; nextCursor: string | null };
}

export interface Reason {
  code: string;
  text: string;
}

export interface IntakeResult {
  id: string;
  safety: {
    level: 'none' | 'elevated' | 'urgent';
    answered: boolean;
    guidance: string;
    couplesCounselingRecommended: boolean;
    resources: Resource[];
  };
  recommendation: { type: string; title: string; explanation: string; alsoConsider: string[] };
  matches: { resource: Resource; score: number; reasons: Reason[]; caveats: Reason[] }[];
  relaxations: Reason[];
  nextSteps: Reason[];
}

/** A failed call: its HTTP status (or 'network'), worded for the couple where it is shown (friendlyError). */
export class ApiError extends Error {
  constructor(
    readonly status: number | 'network',
    readonly retryAfterSeconds?: number,
  ) {
    super(`Mend API: ${status}`);
  }
}

export const newKey = (): string => requestId(crypto.getRandomValues(new Uint8Array(16)));

/**
 * Mend's API, called from the frame (same origin as the API) with the partner's publishable key.
 * Mend-Embed-Origin names the partner page that framed us, as the browser reported it in the
 * handshake; the API accepts it only on same-origin requests (Sec-Fetch-Site), i.e. from Mend's
 * own pages, and checks it against the key's allowed origins (src/partners/access.guard.ts).
 */
export function createApi(key: string, embedOrigin: string, lang: WidgetLang) {
  async function call<T>(path: string, init: { method?: string; body?: unknown; idempotencyKey?: string } = {}): Promise<T> {
    const headers: Record<string, string> = {
      Authorization: `Bearer ${key}`,
      'Mend-Embed-Origin': embedOrigin,
      Accept: 'application/json',
    };
    if (init.body !== undefined) headers['Content-Type'] = 'application/json';
    if (init.idempotencyKey) headers['Idempotency-Key'] = init.idempotencyKey;
    let response: Response;
    try {
      response = await fetch(path, {
        method: init.method ?? 'GET',
        headers,
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
        credentials: 'omit',
        cache: 'no-store', // nothing the couple searched for stays in the browser's cache
        referrerPolicy: 'no-referrer',
      });
    } catch {
      throw new ApiError('network');
    }
    if (!response.ok) throw new ApiError(response.status, Number(response.headers.get('retry-after')) || undefined);
    try {
      return (await response.json()) as T;
    } catch {
      throw new ApiError(500);
    }
  }

  /** Every read names the language (`lang` wins over Accept-Language): taxonomy labels, emergency notes, problems. */
  const withLang = (params: URLSearchParams) => {
    const p = new URLSearchParams(params);
    p.set('lang', lang);
    return p;
  };

  return {
    taxonomy: () => call<Taxonomy>(`/v1/taxonomy?${withLang(new URLSearchParams())}`),
    searchResources: (params: URLSearchParams) => call<ResourceList>(`/v1/resources?${withLang(params)}`),
    safetyLines: (params: URLSearchParams) => call<SafetyLines>(`/v1/safety-lines?${withLang(params)}`),
    /** One Idempotency-Key per submission: a retry after a lost response never makes a second intake. */
    submitIntake: (body: Record<string, unknown>, idempotencyKey = newKey()) =>
      call<IntakeResult>('/v1/intakes', { method: 'POST', body, idempotencyKey }),
    createReferral: (intakeId: string, resourceId: string, idempotencyKey = newKey()) =>
      call<{ id: string; status: string }>('/v1/referrals', { method: 'POST', body: { intakeId, resourceId }, idempotencyKey }),
    /** A reason code only: the widget never sends a note (free text could carry personal data). */
    reportResource: (resourceId: string, reason: string) =>
      call<{ id: string; status: string }>(`/v1/resources/${encodeURIComponent(resourceId)}/reports`, { method: 'POST', body: { reason } }),
  };
}

export type Api = ReturnType<typeof createApi>;
