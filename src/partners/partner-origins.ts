import { Injectable } from '@nestjs/common';

import { PartnersRepository } from './partners.repository.js';

const REFRESH_MS = 30_000;

/** The union of active partners' allowed origins, for CORS preflights (which carry no key). */
@Injectable()
export class PartnerOrigins {
  private origins = new Set<string>();
  private loadedAt = 0;
  private loading?: Promise<void>;

  constructor(private readonly partners: PartnersRepository) {}

  async isKnown(origin: string): Promise<boolean> {
    if (Date.now() - this.loadedAt > REFRESH_MS) await this.refresh();
    return this.origins.has(origin);
  }

  refresh(): Promise<void> {
    this.loading ??= this.partners
      .activeOrigins()
      .then((origins) => {
        this.origins = new Set(origins);
        this.loadedAt = Date.now();
      })
      .finally(() => (this.loading = undefined));
    return this.loading;
  }
}

export const CORS_ALLOW_HEADERS = 'Authorization, Content-Type, Idempotency-Key, If-Match, If-None-Match, X-Request-Id';
export const CORS_EXPOSE_HEADERS = 'RateLimit, RateLimit-Policy, Retry-After, X-Request-Id, Link, ETag, Location';

export function corsHeaders(origin: string): Record<string, string> {
  return {
    'access-control-allow-origin': origin,
    'access-control-expose-headers': CORS_EXPOSE_HEADERS,
    vary: 'Origin',
  };
}
