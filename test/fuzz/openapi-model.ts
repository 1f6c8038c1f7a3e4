import { readFileSync } from 'node:fs';

import { Ajv, type ValidateFunction } from 'ajv';

import type { Json } from '../support/json.js';

/**
 * The committed OpenAPI document (docs/openapi.json) as the fuzzer sees it: every operation
 * (path × method), its parameters, request body and responses, and ajv validators for the
 * documented response bodies. The document is OpenAPI 3.0, whose schemas are JSON Schema plus
 * `nullable` and a few annotations; they are converted once (`toJsonSchema`) so that a
 * standard draft-07 ajv checks them.
 */

export type JsonSchema = Record<string, unknown>;

export interface OperationParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  schema: JsonSchema;
}

export interface ApiOperation {
  /** `GET /v1/resources/{id}`: the key of the operation in reports. */
  key: string;
  operationId: string;
  method: string;
  path: string;
  parameters: OperationParameter[];
  /** Media types of the request body with their (resolved-on-use) schemas; empty without a body. */
  requestBody: { required: boolean; content: Record<string, JsonSchema> } | undefined;
  /** Security alternatives as listed (`[]` means none needed: no security, or `{}` among the alternatives). */
  security: ('secretKey' | 'publishableKey' | 'listingKey')[];
  responses: Record<string, { contentTypes: string[]; hasSchema: boolean }>;
}

export interface OpenApiModel {
  document: Json;
  operations: ApiOperation[];
  /** Resolves `#/components/schemas/X` (one level; callers recurse). */
  resolve: (schema: JsonSchema) => JsonSchema;
  /** The ajv validator for a documented response body, or undefined when the spec gives no schema. */
  responseValidator: (operation: ApiOperation, status: number, contentType: string) => ValidateFunction | undefined;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];
// OpenAPI 3.0 annotations that are not JSON Schema keywords (ajv's strict mode rejects them).
const ANNOTATIONS = new Set(['example', 'examples', 'xml', 'externalDocs', 'deprecated', 'discriminator']);
const ROOT_ID = 'openapi';

/** OpenAPI 3.0 schema → draft-07: `nullable: true` becomes `anyOf [schema, null]`; refs point into the root document. */
export function toJsonSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(toJsonSchema);
  if (!schema || typeof schema !== 'object') return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (ANNOTATIONS.has(key) || key === 'nullable') continue;
    if (key === '$ref' && typeof value === 'string') out.$ref = value.replace(/^#\/components\/schemas\//, `${ROOT_ID}#/definitions/`);
    else if (key === 'properties' || key === 'patternProperties') {
      out[key] = Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([name, s]) => [name, toJsonSchema(s)]));
    } else out[key] = toJsonSchema(value);
  }
  // `nullable` wraps the whole schema: a sibling `type` would not cover an allOf/$ref or an enum.
  return (schema as { nullable?: boolean }).nullable === true ? { anyOf: [out, { type: 'null' }] } : out;
}

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function loadOpenApiModel(file = 'docs/openapi.json'): OpenApiModel {
  const document = JSON.parse(readFileSync(file, 'utf8')) as Json;
  const schemas: Record<string, JsonSchema> = document.components?.schemas ?? {};
  const ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false, strictRequired: false, strictTuples: false });
  ajv.addFormat('date-time', { type: 'string', validate: (s: string) => DATE_TIME.test(s) && !Number.isNaN(Date.parse(s)) });
  ajv.addFormat('uuid', UUID);
  ajv.addSchema({ $id: ROOT_ID, definitions: toJsonSchema(schemas) });

  const resolve = (schema: JsonSchema): JsonSchema => {
    const ref = schema?.$ref;
    if (typeof ref !== 'string') return schema;
    const name = ref.replace('#/components/schemas/', '');
    const target = schemas[name];
    if (!target) throw new Error(`docs/openapi.json: unresolved $ref ${ref}`);
    return resolve(target);
  };

  const operations: ApiOperation[] = [];
  for (const [path, item] of Object.entries<Json>(document.paths ?? {})) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const parameters = [...(item.parameters ?? []), ...(op.parameters ?? [])].map((p: Json) => {
        const param = p.$ref ? resolve(p) : p;
        return {
          name: param.name,
          in: param.in,
          required: Boolean(param.required),
          schema: param.schema ?? { type: 'string' },
        };
      });
      const body = op.requestBody;
      const alternatives = (op.security ?? document.security ?? []) as Record<string, string[]>[];
      // `{}` among the alternatives: a key is optional (directory reads), i.e. none is needed.
      const anonymous = alternatives.some((alt) => Object.keys(alt).length === 0);
      const security = (anonymous ? [] : alternatives.flatMap((alt) => Object.keys(alt))) as ApiOperation['security'];
      operations.push({
        key: `${method.toUpperCase()} ${path}`,
        operationId: op.operationId ?? `${method} ${path}`,
        method: method.toUpperCase(),
        path,
        parameters,
        requestBody: body
          ? {
              required: Boolean(body.required),
              content: Object.fromEntries(Object.entries<Json>(body.content ?? {}).map(([type, media]) => [type, media.schema ?? {}])),
            }
          : undefined,
        security,
        responses: Object.fromEntries(
          Object.entries<Json>(op.responses ?? {}).map(([status, response]) => [
            status,
            {
              contentTypes: Object.keys(response.content ?? {}),
              hasSchema: Object.values<Json>(response.content ?? {}).some((m) => m.schema),
            },
          ]),
        ),
      });
    }
  }

  const validators = new Map<string, ValidateFunction | undefined>();
  const responseValidator = (operation: ApiOperation, status: number, contentType: string): ValidateFunction | undefined => {
    const mediaType = contentType.split(';')[0].trim().toLowerCase();
    const cacheKey = `${operation.key} ${status} ${mediaType}`;
    if (!validators.has(cacheKey)) {
      const response = document.paths[operation.path][operation.method.toLowerCase()].responses[String(status)];
      const schema = response?.content?.[mediaType]?.schema;
      validators.set(cacheKey, schema ? ajv.compile(toJsonSchema(schema) as object) : undefined);
    }
    return validators.get(cacheKey);
  };

  return { document, operations, resolve, responseValidator };
}

/** `/v1/resources/{id}/audit` + already-encoded segments → the request path. */
export function fillPath(path: string, encoded: Record<string, string>): string {
  return path.replace(/\{([^}]+)\}/g, (_, name: string) => encoded[name] ?? '');
}
