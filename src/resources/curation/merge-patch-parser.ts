import type { FastifyInstance } from 'fastify';

export const MERGE_PATCH_MEDIA_TYPE = 'application/merge-patch+json';

/**
 * PATCH /v1/resources/{id} is a JSON merge patch (RFC 7396), so its own media type is taken
 * as well as application/json, parsed by Fastify's JSON parser with the same poisoning checks
 * and body limit.
 */
export function registerMergePatchParser(fastify: FastifyInstance): void {
  if (fastify.hasContentTypeParser(MERGE_PATCH_MEDIA_TYPE)) return;
  fastify.addContentTypeParser(MERGE_PATCH_MEDIA_TYPE, { parseAs: 'string' }, fastify.getDefaultJsonParser('error', 'error'));
}
