import type { FastifyReply, FastifyRequest } from 'fastify';

import { ifNoneMatchHolds } from './entity-tags.js';

/**
 * Sends a GET body with its ETag, or an empty 304 when If-None-Match already holds it. The
 * handler sends the reply itself: Nest would otherwise reset the status to the route's 200.
 * Headers set before (Cache-Control, Link, rate limits) go out with either answer.
 */
export function sendWithEtag(request: FastifyRequest, reply: FastifyReply, body: unknown, etag: string): FastifyReply {
  void reply.header('etag', etag);
  if (ifNoneMatchHolds(request.headers['if-none-match'], etag)) return reply.status(304).send();
  return reply.send(body);
}
