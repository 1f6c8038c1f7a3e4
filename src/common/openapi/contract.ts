import type {
  ContentObject,
  HeadersObject,
  OpenAPIObject,
  OperationObject,
  ReferenceObject,
  ResponseObject,
  SchemaObject,
} from '@nestjs/swagger';

import { LOCALIZED_EXTENSION } from '../i18n/localized.js';
import { PROBLEM_MEDIA_TYPE } from '../problem/api-problem.decorator.js';

const PROBLEM_REF = '#/components/schemas/ProblemDetailsDto';
const PROBLEM: ContentObject = { [PROBLEM_MEDIA_TYPE]: { schema: { $ref: PROBLEM_REF } } };

/** IETF draft-ietf-httpapi-ratelimit-headers, as src/partners/rate-limit.service.ts sends them. */
export const RATE_LIMIT_HEADERS: HeadersObject = {
  RateLimit: {
    description: 'The limit left in this window: "<policy>";r=<remaining>;t=<seconds until reset>.',
    schema: { type: 'string', example: '"key";r=599;t=60' },
  },
  'RateLimit-Policy': {
    description: 'The limit that applies: "<policy>";q=<requests>;w=<window seconds>.',
    schema: { type: 'string', example: '"key";q=600;w=60' },
  },
};
export const RETRY_AFTER: HeadersObject = {
  'Retry-After': { description: 'Seconds to wait before retrying.', required: true, schema: { type: 'integer', minimum: 0, example: 5 } },
};

/** What every response of a @Localized() operation says about its language (src/common/i18n/localized.ts). */
export const LOCALE_HEADERS: HeadersObject = {
  'Content-Language': {
    description:
      'The language of the texts Mend wrote in this response (en or es). Provider texts (names, descriptions) stay as written; ' +
      'problems for developers stay in English and say en.',
    schema: { type: 'string', enum: ['en', 'es'] },
  },
  Vary: {
    description: 'Includes Accept-Language (and Origin): caches keep one copy per language.',
    schema: { type: 'string', example: 'Origin, Accept-Language' },
  },
};

/** Operations answered from the in-memory directory index, which is not there until built after a start-up. */
const READS_DIRECTORY_INDEX = new Set(['get /v1/resources', 'post /v1/intakes']);

/**
 * Statuses any operation can answer before or around its handler, declared here once rather
 * than on every handler: request limits (src/common/http/request-limits.ts), Fastify's body
 * parser, the validation pipe, and 503 when the database is lost, the directory index is not
 * built yet, or a request outlives REQUEST_TIMEOUT_MS (the filter always sends Retry-After with it).
 */
function transportProblems(path: string, method: string): Record<string, ResponseObject> {
  const problems: Record<string, ResponseObject> = {};
  if (path.startsWith('/health')) {
    problems['414'] = { description: 'The query string is longer than MAX_QUERY_BYTES (code uri_too_long).' };
    return problems;
  }
  problems['400'] = {
    description:
      'Invalid request: code validation_failed with errors[] naming each field or parameter, bad_request for a body that does not parse, body_too_deep for one nested too deeply.',
  };
  // Fastify parses a body on any method but GET/HEAD, whether or not the operation takes one.
  if (method !== 'get') {
    problems['413'] = { description: 'The body is larger than BODY_LIMIT_BYTES (code payload_too_large).' };
    problems['415'] = { description: 'The body is not application/json (code unsupported_media_type).' };
  }
  problems['414'] = { description: 'The query string is longer than MAX_QUERY_BYTES (code uri_too_long).' };
  problems['503'] = {
    description: READS_DIRECTORY_INDEX.has(`${method} ${path}`)
      ? 'The database is unavailable, the directory is still loading after a start-up (code directory_not_ready), or the request took longer than REQUEST_TIMEOUT_MS; retry after Retry-After seconds.'
      : 'The database is unavailable or the request took longer than REQUEST_TIMEOUT_MS; retry after Retry-After seconds.',
  };
  return problems;
}

/** Every schema reachable from `roots` through $ref. */
function reachableSchemas(schemas: Record<string, SchemaObject | ReferenceObject>, roots: unknown[]): Set<string> {
  const seen = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') {
        const name = value.replace('#/components/schemas/', '');
        if (!seen.has(name) && schemas[name]) {
          seen.add(name);
          walk(schemas[name]);
        }
      } else walk(value);
    }
  };
  roots.forEach(walk);
  return seen;
}

/**
 * Request bodies are closed (the validation pipe rejects unknown fields) and carry no
 * `default`: a generator turns a default into a required field, and in a merge patch a
 * "default" sent by a generated client would overwrite what is stored. The server-side
 * default stays in the description.
 */
function closeRequestSchema(schema: SchemaObject): void {
  if (schema.type === 'object' || schema.properties) schema.additionalProperties = false;
  for (const property of Object.values(schema.properties ?? {})) {
    if ('default' in property) {
      const value = JSON.stringify(property.default);
      property.description = [property.description, `Absent: ${value}.`].filter(Boolean).join(' ');
      delete property.default;
    }
  }
}

/** OpenAPI 3.0 has no null type: `nullable` with an enum of just null is the schema of null alone. */
export const NULL_SCHEMA: SchemaObject = { type: 'object', nullable: true, enum: [null], description: 'null' };

/**
 * `nullable: true` next to `allOf: [$ref]` (what @nestjs/swagger writes for a nullable DTO) does
 * not admit null in OpenAPI 3.0.3: the referenced schema still has to match, and validators
 * reject the null the API sends. `anyOf` with a null-only schema says what is meant.
 */
function fixNullableRefs(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(fixNullableRefs);
  if (!node || typeof node !== 'object') return;
  const schema = node as SchemaObject;
  if (schema.nullable === true && schema.allOf?.length === 1 && refOf(schema.allOf[0])) {
    const ref = schema.allOf[0];
    delete schema.allOf;
    delete schema.nullable;
    delete schema.type;
    schema.anyOf = [ref, NULL_SCHEMA];
  }
  Object.values(schema).forEach(fixNullableRefs);
}

/** Query lists accept `?x=a,b` as well as `?x=a&x=b` (toList); the document shows the comma form. */
function commaLists(op: OperationObject): void {
  for (const parameter of op.parameters ?? []) {
    if (isReference(parameter) || !parameter.schema || isReference(parameter.schema)) continue;
    if (parameter.in === 'query' && parameter.schema.type === 'array') {
      parameter.style = 'form';
      parameter.explode = false;
    }
  }
}

/**
 * The finishing pass over the document @nestjs/swagger builds from the decorators: what is
 * true of every operation (problem+json, transport statuses, rate-limit headers) is stated
 * here once; what belongs to one operation stays on its handler.
 */
export function finishOpenApiDocument(document: OpenAPIObject): OpenAPIObject {
  const schemas = document.components?.schemas ?? {};
  const requestRoots: unknown[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    // A path item also holds `parameters`, `summary`…: the operations are the entries with responses.
    for (const [method, op] of Object.entries(item) as [string, unknown][]) {
      if (!isOperation(op)) continue;
      if (op.requestBody) requestRoots.push(op.requestBody);
      commaLists(op);
      for (const [status, description] of Object.entries(transportProblems(path, method))) {
        op.responses[status] ??= { ...description, content: PROBLEM };
      }
      const rateLimited = Boolean(op.responses['429']);
      const localized = Boolean((op as unknown as Record<string, unknown>)[LOCALIZED_EXTENSION]);
      delete (op as unknown as Record<string, unknown>)[LOCALIZED_EXTENSION];
      for (const [status, response] of Object.entries(op.responses)) {
        if (!response || isReference(response)) continue;
        // Errors are problem+json whichever decorator declared them.
        const content = response.content;
        const json = content?.['application/json'];
        if (content && json && refOf(json.schema) === PROBLEM_REF) {
          delete content['application/json'];
          content[PROBLEM_MEDIA_TYPE] = json;
        }
        if (status === '429' || status === '503') response.headers = { ...RETRY_AFTER, ...response.headers };
        if (rateLimited) response.headers = { ...response.headers, ...RATE_LIMIT_HEADERS };
        if (localized) response.headers = { ...response.headers, ...LOCALE_HEADERS };
      }
      op.responses = Object.fromEntries(Object.entries(op.responses).sort(([a], [b]) => a.localeCompare(b)));
    }
  }
  for (const name of reachableSchemas(schemas, requestRoots)) {
    const schema = schemas[name];
    if (!isReference(schema)) closeRequestSchema(schema);
  }
  fixNullableRefs(schemas);
  return document;
}

function isReference(node: object): node is ReferenceObject {
  return '$ref' in node;
}

function refOf(node: SchemaObject | ReferenceObject | undefined): string | undefined {
  return node && isReference(node) ? node.$ref : undefined;
}

function isOperation(value: unknown): value is OperationObject {
  return typeof value === 'object' && value !== null && 'responses' in value && Boolean(value.responses);
}
