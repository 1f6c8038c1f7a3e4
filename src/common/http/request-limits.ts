import type { FastifyInstance } from 'fastify';

import { CommonErrors } from '../problem/common.errors.js';
import { PROTOTYPE_NAMES } from './json-body.js';

/** Deeper bodies are refused before validation: class-transformer recurses once per level and overflows the stack. */
export const MAX_BODY_DEPTH = 32;

/**
 * Limits on what a request may be, checked before any handler runs:
 * - a query string longer than `maxQueryBytes` → 414;
 * - a query parameter named like a prototype member (`__proto__`, `constructor`, `toString`…) → 400
 *   like any unknown parameter (the validation whitelist cannot see those names, so they were ignored);
 * - a body nested deeper than MAX_BODY_DEPTH → 400 `body_too_deep` (real bodies are 4 levels deep);
 * - U+0000 in a query value, body string or key, or path parameter → 400 naming the field:
 *   PostgreSQL text cannot store it, so it would otherwise fail in the database as a 500;
 * - a request not answered within `handlerTimeoutMs` of being received → 503 with Retry-After.
 * Each is a ProblemException, so the global filter answers problem+json.
 */
export function registerRequestLimits(fastify: FastifyInstance, options: { maxQueryBytes: number; handlerTimeoutMs: number }): void {
  // eslint-disable-next-line @typescript-eslint/require-await -- Fastify takes a hook as async (its promise) or as done-callback; throwing needs the async form
  fastify.addHook('onRequest', async (request) => {
    const question = request.url.indexOf('?');
    // request.url is the request target as received (percent-encoded), so its length is its size in bytes.
    if (question >= 0 && request.url.length - question - 1 > options.maxQueryBytes) {
      throw CommonErrors.queryTooLong(options.maxQueryBytes);
    }
    if (question >= 0) {
      for (const name of new URLSearchParams(request.url.slice(question + 1)).keys()) {
        if (PROTOTYPE_NAMES.has(name)) {
          throw CommonErrors.unknownParameter(name);
        }
      }
    }
  });
  // eslint-disable-next-line @typescript-eslint/require-await -- Fastify takes a hook as async (its promise) or as done-callback; throwing needs the async form
  fastify.addHook('preValidation', async (request) => {
    if (bodyDepthExceeds(request.body, MAX_BODY_DEPTH)) {
      throw CommonErrors.bodyTooDeep(MAX_BODY_DEPTH);
    }
    const field = firstNulField(request.query, '') ?? firstNulField(request.params, '') ?? firstNulField(request.body, '');
    if (field !== undefined) {
      const name = field || 'body';
      throw CommonErrors.nulCharacter(name);
    }
  });
  // Answering gets handlerTimeoutMs from the moment the request was received in full (Node's
  // requestTimeout covers receiving it, with 408). Fastify's own handlerTimeout starts before
  // the body is read, so it would answer a slow upload 503 instead of 408. The handler is not
  // stopped: its late answer is dropped (Fastify logs it).
  fastify.addHook('preHandler', async (request, reply) => {
    const timer = setTimeout(() => {
      if (reply.sent || reply.raw.headersSent) return;
      void reply.send(CommonErrors.handlerTimeout(options.handlerTimeoutMs));
    }, options.handlerTimeoutMs);
    timer.unref();
    reply.raw.once('close', () => clearTimeout(timer));
  });
}

/** Iterative: the point is to survive bodies that recursion would not. */
function bodyDepthExceeds(body: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[body, 1]];
  while (stack.length) {
    const [value, depth] = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (depth > max) return true;
    for (const child of Object.values(value)) stack.push([child, depth + 1]);
  }
  return false;
}

/** The dotted path of the first string (value or key) holding U+0000, '' for the root; undefined if none. */
function firstNulField(root: unknown, rootPath: string): string | undefined {
  const stack: [unknown, string][] = [[root, rootPath]];
  while (stack.length) {
    const [value, path] = stack.pop()!;
    if (typeof value === 'string') {
      if (value.includes('\u0000')) return path;
    } else if (value !== null && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        const childPath = path ? `${path}.${key}` : key;
        if (key.includes('\u0000')) return childPath.replaceAll('\u0000', '\\u0000');
        stack.push([child, childPath]);
      }
    }
  }
  return undefined;
}
