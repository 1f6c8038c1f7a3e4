/**
 * Mend's typed TypeScript client: the types are generated from docs/openapi.json by
 * openapi-typescript (src/schema.ts, `npm run client` regenerates it; a test fails when it is
 * stale), the calls are openapi-fetch's. Every documented status is in the types, so an error
 * is a typed RFC 9457 problem and a success body is typed per operation.
 */
import createClient, { type Client, type ClientOptions } from 'openapi-fetch';

import type { components, paths } from './schema.js';

export type { components, operations, paths } from './schema.js';

/** The body of every error: application/problem+json. Branch on `code`, never on `detail`. */
export type Problem = components['schemas']['ProblemDetailsDto'];
export type MendClient = Client<paths>;

export interface MendClientOptions extends Omit<ClientOptions, 'baseUrl'> {
  /** Where the API is, e.g. https://mend.example (the paths start with /v1). */
  baseUrl: string;
  /** A secret key (mend_sk_…) on a server, or a publishable key (mend_pk_…) in a browser. */
  apiKey?: string;
}

export function createMendClient({ baseUrl, apiKey, headers, ...options }: MendClientOptions): MendClient {
  return createClient<paths>({
    ...options,
    baseUrl: baseUrl.replace(/\/+$/, ''),
    headers: { ...(apiKey ? { Authorization: `Bearer ${apiKey}` } : {}), ...(headers as Record<string, string> | undefined) },
  });
}

/** Seconds the server asked to wait (429, 503, 409 idempotency_in_progress), if it said. */
export function retryAfterSeconds(response: Response): number | undefined {
  const value = response.headers.get('retry-after');
  if (value === null) return undefined;
  const seconds = Number(value);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : undefined;
}
