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
 * sendWithEtag for a body whose tag is a hash of its JSON: serialised once, hashed, and sent as
 * that JSON (a search page is tens of kilobytes; stringifying it twice was a tenth of its cost).
 */
export function sendJsonWithBodyEtag(request: FastifyRequest, reply: FastifyReply, body: unknown): FastifyReply {
  const json = JSON.stringify(body);
  void reply.type('application/json; charset=utf-8');
  return sendWithEtag(request, reply, json, jsonEtag(json));
}

/** A write's answer: the ETag of the version it made goes on the reply, the representation is the body. */
export function withEtag<T>(reply: FastifyReply, { resource, etag }: { resource: T; etag: string }): T {
  void reply.header('etag', etag);
  return resource;
}
