import type { FastifyInstance } from 'fastify';

import { CORS_ALLOW_HEADERS, type PartnerOrigins } from './partner-origins.js';

/**
 * Answers CORS preflights. They carry no key, so the origin must belong to some active
 * partner; the real request is then checked against the key's own partner (AccessGuard).
 */
export function registerCorsPreflight(fastify: FastifyInstance, origins: PartnerOrigins): void {
  fastify.addHook('onRequest', async (request, reply) => {
    if (request.method !== 'OPTIONS' || !request.headers['access-control-request-method']) return;
    const origin = request.headers.origin;
    if (typeof origin === 'string' && (await origins.isKnown(origin))) {
      void reply.headers({
        'access-control-allow-origin': origin,
        'access-control-allow-methods': 'GET, POST, PATCH, DELETE',
        'access-control-allow-headers': CORS_ALLOW_HEADERS,
        'access-control-max-age': '600',
      });
    }
    // Refused or not, the answer depends on Origin: caches must key on it.
    return reply.header('vary', 'Origin').code(204).send();
  });
}
