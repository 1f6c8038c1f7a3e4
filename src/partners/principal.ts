import type { Scope } from './scopes.js';

/** Who is calling: a partner's key, or nobody (anonymous directory reads). */
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

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
  }
}
