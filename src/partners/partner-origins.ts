import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { Partner } from './partner.entity.js';

const REFRESH_MS = 30_000;

/** The union of active partners' allowed origins, for CORS preflights (which carry no key). */
@Injectable()
export class PartnerOrigins {
  private origins = new Set<string>();
  private loadedAt = 0;
  private loading?: Promise<void>;

  constructor(@InjectRepository(Partner) private readonly partners: Repository<Partner>) {}

  async isKnown(origin: string): Promise<boolean> {
    if (Date.now() - this.loadedAt > REFRESH_MS) await this.refresh();
    return this.origins.has(origin);
  }

  refresh(): Promise<void> {
    this.loading ??= this.partners
      .query(`SELECT DISTINCT unnest(allowed_origins) AS origin FROM partner WHERE status = 'active'`)
      .then((rows: { origin: string }[]) => {
        this.origins = new Set(rows.map((r) => r.origin));
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
