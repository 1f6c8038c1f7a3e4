import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyRequest } from 'fastify';

import { CommonErrors } from '../problem/common.errors.js';

export const JSON_MEDIA_TYPE = 'application/json';
export const MERGE_PATCH_MEDIA_TYPE = 'application/merge-patch+json';

/** Fastify route config (Nest's @RouteConfig) of a route that also takes application/merge-patch+json. */
export const ACCEPTS_MERGE_PATCH = { acceptsMergePatch: true } as const;

/**
 * Names that are not data: a key named like a member of Object.prototype (`__proto__`,
 * `constructor`, `toString`, …), or `prototype`. Copied onto an object, `__proto__` replaces its
 * prototype; the validation whitelist does not see the others (they are "known" to every object),
 * so they would be silently ignored while any other unknown name is a 400.
 */
export const PROTOTYPE_NAMES: ReadonlySet<string> = new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype']);

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const NAME_SEGMENT = /^[A-Za-z0-9_$-]{1,64}$/;

/** A dotted path of body keys that is safe to send back: a key that is not a plain name is not echoed. */
export function safeFieldPath(segments: readonly string[]): string {
  return segments.map((s) => (NAME_SEGMENT.test(s) ? s : '(unnamed)')).join('.');
}

/**
 * Bodies are JSON in UTF-8 and nothing else. Nest and Fastify would otherwise parse
 * application/x-www-form-urlencoded and text/plain bodies (and JSON in any declared charset, read as
 * UTF-8), and a validation error on such a body named its keys, i.e. echoed the raw body. A body in
 * any other media type or charset, or without a Content-Type, is a 415 that says what to send and
 * repeats nothing of the request. application/merge-patch+json only on routes with
 * ACCEPTS_MERGE_PATCH in their config (PATCH /v1/resources/{id}).
 */
export function registerBodyParsing(app: NestFastifyApplication, bodyLimit: number): void {
  const fastify = app.getHttpAdapter().getInstance();
  // eslint-disable-next-line @typescript-eslint/require-await -- Fastify takes a hook as async (its promise) or as done-callback; throwing needs the async form
  fastify.addHook('onRequest', async (request) => {
    if (!BODY_METHODS.has(request.method) || !hasBody(request) || !request.routeOptions.url) return;
    // Too large is answered first, whatever the media type: Fastify's 413 from the declared length,
    // which also closes the connection at once (so Fastify's text/plain parser stays registered:
    // below the limit this hook refuses text/plain before it could run).
    if (Number(request.headers['content-length']) > bodyLimit) return;
    const header = request.headers['content-type'];
    const [type, ...params] = (header ?? '').split(';').map((part) => part.trim().toLowerCase());
    const mergePatch = (request.routeOptions.config as { acceptsMergePatch?: boolean } | undefined)?.acceptsMergePatch === true;
    const accepted = mergePatch ? [JSON_MEDIA_TYPE, MERGE_PATCH_MEDIA_TYPE] : [JSON_MEDIA_TYPE];
    if (!accepted.includes(type)) {
      throw CommonErrors.unsupportedMediaType(`The body must be ${accepted.join(' or ')} (UTF-8): send Content-Type: ${accepted[0]}.`);
    }
    const charset = params
      .find((p) => p.startsWith('charset='))
      ?.slice('charset='.length)
      .replace(/^"(.*)"$/, '$1');
    if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
      throw CommonErrors.unsupportedMediaType('JSON bodies are read as UTF-8 only: send charset=utf-8 or no charset.');
    }
  });
  // Registered through Nest, so Nest does not add its own JSON parser at init.
  app.useBodyParser(JSON_MEDIA_TYPE, { bodyLimit }, (_request, body, done) => {
    try {
      done(null, parseJsonBody(body));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
}

/** application/merge-patch+json, parsed exactly like application/json. */
export function registerMergePatchParser(fastify: FastifyInstance): void {
  if (fastify.hasContentTypeParser(MERGE_PATCH_MEDIA_TYPE)) return;
  fastify.addContentTypeParser(MERGE_PATCH_MEDIA_TYPE, { parseAs: 'buffer' }, (_request, body, done) => {
    try {
      done(null, parseJsonBody(body));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
}

function hasBody(request: FastifyRequest): boolean {
  const length = request.headers['content-length'];
  return request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/**
 * JSON.parse, with problems that name no part of the body: invalid JSON is a 400 `invalid_json`
 * (JSON.parse's own message quotes the text), a key named like a prototype member anywhere is a 400
 * `forbidden_field_name` naming where it is.
 */
export function parseJsonBody(raw: Buffer | string): unknown {
  let text = typeof raw === 'string' ? raw : raw.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') throw CommonErrors.emptyBody();
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw CommonErrors.invalidJson();
  }
  const path = firstPrototypeName(value);
  if (path) throw CommonErrors.forbiddenFieldName(path[path.length - 1], safeFieldPath(path));
  return value;
}

/**
 * The key path of the first key named like a prototype member (breadth-first, iterative, linear in
 * the body: each entry points at its parent, and a path is built only for the key found).
 */
function firstPrototypeName(root: unknown): string[] | undefined {
  const values: unknown[] = [root];
  const parents: number[] = [-1];
  const keys: string[] = [''];
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value === null || typeof value !== 'object') continue;
    const array = Array.isArray(value);
    for (const key of Object.keys(value)) {
      if (!array && PROTOTYPE_NAMES.has(key)) {
        const path = [key];
        for (let at = i; at > 0; at = parents[at]) path.unshift(keys[at]);
        return path;
      }
      values.push((value as Record<string, unknown>)[key]);
      parents.push(i);
      keys.push(key);
    }
  }
  return undefined;
}
