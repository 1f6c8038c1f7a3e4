import { appendFileSync, readFileSync } from 'node:fs';

import { Ajv, type ValidateFunction } from 'ajv';
import formats from 'ajv-formats';

import type { Json } from './json.js';

/**
 * The e2e harness's contract check: every response a test app sends is checked against the
 * committed docs/openapi.json, so an undocumented status, media type, body shape or a missing
 * documented header fails the suite (createTestApp's close() throws the violations).
 *
 * Requests that match no documented operation (the widget's pages, /docs, unknown paths,
 * CORS preflights, HEAD) are outside the contract and not checked.
 */

export interface ObservedResponse {
  method: string;
  /** The route as Fastify registered it, e.g. /v1/resources/:idOrSlug (undefined: no route matched). */
  route: string | undefined;
  url: string;
  status: number;
  headers: Record<string, number | string | string[] | undefined>;
  body: string | undefined;
}

export interface ContractViolation {
  operation: string;
  status: number;
  problem: string;
}

let cached: Contract | undefined;

/** One per test file (jest isolates modules per file), loaded once. */
export function openApiContract(): Contract {
  cached ??= new Contract(JSON.parse(readFileSync('docs/openapi.json', 'utf8')) as Json);
  return cached;
}

export class Contract {
  readonly ajv: Ajv;
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(readonly document: Json) {
    // OpenAPI 3.0 schemas: Ajv understands `nullable` (null only where the schema says so, and
    // an enum must list null itself), ignores `example` and the other annotations.
    this.ajv = new Ajv({ strict: false, allErrors: true, discriminator: false });
    // ajv-formats is CommonJS with `exports.default`: under NodeNext the default import is the module object.
    const addFormats = formats.default ?? (formats as unknown as typeof formats.default);
    addFormats(this.ajv);
    this.ajv.addSchema({ components: document.components }, 'openapi.json');
  }

  /** A validator for a schema taken from the document (refs resolve against its components). */
  validator(schema: Json): ValidateFunction {
    const key = JSON.stringify(schema);
    const known = this.validators.get(key);
    if (known) return known;
    const validate = this.ajv.compile({ $id: `inline-${this.validators.size}`, ...(rebase(schema) as Json) });
    this.validators.set(key, validate);
    return validate;
  }

  operation(method: string, route: string | undefined): { path: string; op: Json } | undefined {
    if (!route) return undefined;
    const path = route.replace(/:([A-Za-z0-9_]+)/g, '{$1}').replace(/\/$/, '') || '/';
    const op = this.document.paths?.[path]?.[method.toLowerCase()] as Json | undefined;
    return op ? { path, op } : undefined;
  }

  check(observed: ObservedResponse): ContractViolation[] {
    if (observed.method === 'HEAD' || observed.method === 'OPTIONS') return [];
    const found = this.operation(observed.method, observed.route);
    if (!found) return [];
    const operation = `${observed.method} ${found.path}`;
    const violations: ContractViolation[] = [];
    const fail = (problem: string) => violations.push({ operation, status: observed.status, problem });
    const response = found.op.responses?.[String(observed.status)] as Json | undefined;
    if (!response) {
      fail(`status ${observed.status} is not documented (${observed.url})`);
      return violations;
    }
    for (const [name, header] of Object.entries((response.headers ?? {}) as Json)) {
      const value = observed.headers[name.toLowerCase()];
      if (value === undefined) {
        if (header.required) fail(`required header ${name} is missing`);
        continue;
      }
      const schema = header.schema as Json | undefined;
      if (schema) {
        const typed = schema.type === 'integer' || schema.type === 'number' ? Number(value) : String(value);
        const validate = this.validator(schema);
        if (!validate(typed)) fail(`header ${name}: ${this.ajv.errorsText(validate.errors)} (${String(value)})`);
      }
    }
    const content = response.content as Json | undefined;
    const hasBody = observed.body !== undefined && observed.body.length > 0;
    if (!content) {
      if (hasBody) fail('a body was sent where the document declares none');
      return violations;
    }
    const mediaType = String(observed.headers['content-type'] ?? '')
      .split(';')[0]
      .trim()
      .toLowerCase();
    const declared = content[mediaType] as Json | undefined;
    if (!declared) {
      fail(`media type ${mediaType || '(none)'} is not declared (declared: ${Object.keys(content).join(', ')})`);
      return violations;
    }
    if (declared.schema && /json/.test(mediaType)) {
      let body: unknown;
      try {
        body = JSON.parse(observed.body ?? '');
      } catch {
        fail('the body is not JSON');
        return violations;
      }
      const validate = this.validator(declared.schema as Json);
      if (!validate(body)) fail(`body does not match the schema: ${this.ajv.errorsText(validate.errors, { separator: '; ' })}`);
    }
    return violations;
  }
}

/** `#/components/...` refs inside an inline schema point into the document registered as openapi.json. */
function rebase(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(rebase);
  if (schema && typeof schema === 'object') {
    return Object.fromEntries(
      Object.entries(schema).map(([k, v]) => [
        k,
        k === '$ref' && typeof v === 'string' && v.startsWith('#/') ? `openapi.json${v}` : rebase(v),
      ]),
    );
  }
  return schema;
}

/**
 * Collects the violations of one app. CONTRACT_REPORT=<file> appends each to that file (one JSON
 * line each) so a whole run can be counted; CONTRACT_RECORD_ONLY=1 records without failing.
 */
export class ContractRecorder {
  readonly violations: ContractViolation[] = [];

  constructor(private readonly contract: Contract = openApiContract()) {}

  record(observed: ObservedResponse): void {
    const found = this.contract.check(observed);
    if (found.length === 0) return;
    this.violations.push(...found);
    const report = process.env.CONTRACT_REPORT;
    if (report) for (const v of found) appendFileSync(report, `${JSON.stringify(v)}\n`);
  }

  /** Throws when any response broke the contract (unless CONTRACT_RECORD_ONLY is set). */
  assertClean(): void {
    if (this.violations.length === 0 || process.env.CONTRACT_RECORD_ONLY === '1') return;
    const lines = [...new Set(this.violations.map((v) => `${v.operation} → ${v.status}: ${v.problem}`))];
    throw new Error(`Responses that break docs/openapi.json:\n  ${lines.join('\n  ')}`);
  }
}
