import type { FastifyReply, FastifyRequest } from 'fastify';

import { ifNoneMatchHolds, jsonEtag } from './entity-tags.js';

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

/**
 * sendWithEtag for a body already serialised (a search page is tens of kilobytes, assembled from
 * stored JSON) whose tag is a hash of that JSON.
 */
export function sendJsonWithBodyEtag(request: FastifyRequest, reply: FastifyReply, json: string): FastifyReply {
  // Encoded once: the hash and the socket then both read bytes (a string would be encoded twice).
  const bytes = Buffer.from(json, 'utf8');
  void reply.type('application/json; charset=utf-8');
  return sendWithEtag(request, reply, bytes, jsonEtag(bytes));
}

/** A write's answer: the ETag of the version it made goes on the reply, the representation is the body. */
export function withEtag<T>(reply: FastifyReply, { resource, etag }: { resource: T; etag: string }): T {
  void reply.header('etag', etag);
  return resource;
}
