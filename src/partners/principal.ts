import type { Scope } from './scopes.js';

/** Who is calling with a partner's key (secret or publishable); anonymous callers have none. */
export interface Principal {
  partnerId: string;
  partnerName: string;
  keyId: string;
  kind: 'secret' | 'publishable';
  environment: 'live' | 'test';
  scopes: Scope[];
  /** When the presented key stops working (a key it rotates may not outlive it). */
  expiresAt: Date | null;
  rateLimitPerMinute: number;
  allowedOrigins: string[];
}

/**
 * A provider calling with a listing key: bound to one resource and to no partner. It is a separate
 * type on a separate request property on purpose: handlers that read `request.principal` (a
 * partner's records, keys, webhook) never see a listing key, and the AccessGuard lets a listing key
 * through only to routes declared with RequireListingKey().
 */
export interface ListingPrincipal {
  keyId: string;
  resourceId: string;
  environment: 'live' | 'test';
  /** listing:write. */
  scopes: Scope[];
}

/** What a presented key turned out to be. */
export type Caller = { type: 'partner'; principal: Principal } | { type: 'listing'; listing: ListingPrincipal };

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
    listing?: ListingPrincipal;
  }
}
