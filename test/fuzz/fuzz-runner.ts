import { createHash } from 'node:crypto';
import http from 'node:http';

import fc from 'fast-check';

import { type ApiOperation, fillPath, type OpenApiModel } from './openapi-model.js';
import { DeepNest, safeEncode } from './payloads.js';
import { cursorSource, type FuzzRequest, latin1, requestArbitrary } from './request-arbitraries.js';
import { CURRENT_ETAG, type PoolName, PoolRef } from './schema-arbitraries.js';

/**
 * Sends generated requests to a running Mend over real HTTP (keep-alive, loopback) and checks
 * every answer against the rules of the API:
 * - never a 5xx, never a hang or a dropped connection;
 * - every 4xx is application/problem+json with type, title and a status equal to the HTTP status;
 * - every 2xx is a status the spec documents for the operation, with a body matching its schema;
 * - a request without valid credentials never gets a 2xx from a protected operation;
 * - an oversized body is 413, an oversized query 414.
 */

export interface FuzzKeys {
  secret: string;
  publishable: string;
  /** A provider's listing key (for the /v1/listing operations, which take no other key). */
  listing: string;
  /** An Origin the publishable key's partner allows. */
  origin: string;
}

export type FuzzPools = Record<PoolName, string[]> & {
  /** The last ETag seen for each resource id, for If-Match on writes. */
  etags: Record<string, string>;
};

export interface FuzzLimits {
  bodyLimitBytes: number;
  maxQueryBytes: number;
}

export interface OperationReport {
  key: string;
  operationId: string;
  requests: number;
  byStatus: Record<string, number>;
  byMutation: Record<string, number>;
  /** Why the operation was not fuzzed (never silently). */
  skipped?: string;
  failure?: string;
  /** Extra requests made to look up current ETags (not counted in `requests`). */
  helperRequests: number;
}

export interface HttpAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

export class FuzzClient {
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
  constructor(
    readonly host: string,
    readonly port: number,
    readonly timeoutMs = 20_000,
  ) {}

  send(method: string, path: string, headers: Record<string, string>, body?: Buffer): Promise<HttpAnswer> {
    return new Promise((resolve, reject) => {
      let answered = false;
      const req = http.request({ host: this.host, port: this.port, method, path, headers, agent: this.agent }, (res) => {
        answered = true;
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      });
      req.setTimeout(this.timeoutMs, () => req.destroy(new Error(`no answer within ${this.timeoutMs} ms`)));
      // The server may answer (413) and close before it has read an oversized body: the answer counts, not the write error.
      req.on('error', (error) => {
        if (!answered) reject(error);
      });
      req.end(body);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

/** A request ready for the wire: live ids filled in, bodies and queries written as text. */
export interface WireRequest {
  method: string;
  path: string;
  /** Path parameters as sent, decoded. */
  params: Record<string, string>;
  headers: Record<string, string>;
  body?: Buffer;
}

export function toWire(operation: ApiOperation, request: FuzzRequest, keys: FuzzKeys, pools: FuzzPools): WireRequest {
  const resolve = (value: unknown): unknown => (value instanceof PoolRef ? pick(pools, value) : value);
  const pathSegments: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.pathParams)) pathSegments[name] = safeEncode(String(resolve(value)));
  Object.assign(pathSegments, request.rawPath ?? {});
  const query = request.query
    .map(([name, value]) => {
      const resolved = resolve(value);
      const text = Array.isArray(resolved)
        ? resolved.map((v) => String(resolve(v))).join(',')
        : typeof resolved === 'object' && resolved !== null
          ? JSON.stringify(resolved)
          : String(resolved);
      return `${safeEncode(name)}=${safeEncode(text)}`;
    })
    .concat(request.rawQuery !== undefined ? [request.rawQuery] : [])
    .join('&');
  const path = fillPath(operation.path, pathSegments) + (query ? `?${query}` : '');

  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) headers[name.toLowerCase()] = latin1(value);
  const auth = request.auth;
  if (auth === 'secret') headers.authorization = `Bearer ${keys.secret}`;
  else if (auth === 'listing') headers.authorization = `Bearer ${keys.listing}`;
  else if (auth === 'publishable') Object.assign(headers, { authorization: `Bearer ${keys.publishable}`, origin: keys.origin });
  else if (auth !== 'none' && 'publishableFrom' in auth) {
    headers.authorization = `Bearer ${keys.publishable}`;
    if (auth.publishableFrom === null) delete headers.origin;
    else headers.origin = auth.publishableFrom;
  } else if (auth !== 'none') {
    headers.authorization = latin1(auth.authorization);
    if (auth.origin) headers.origin = auth.origin;
  }

  let body: Buffer | undefined;
  if (request.body && (request.body.raw !== undefined || request.body.json !== undefined)) {
    body = request.body.raw !== undefined ? Buffer.from(request.body.raw) : Buffer.from(writeJson(request.body.json, resolve));
    if (request.body.contentType !== undefined) headers['content-type'] = latin1(request.body.contentType);
  }
  const params = Object.fromEntries(Object.entries(pathSegments).map(([k, v]) => [k, safeDecode(v)]));
  return { method: operation.method, path, params, headers, body };
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Where ETags of the provider's listing are kept in pools.etags (its routes name no resource). */
const LISTING = 'listing';
const etagSubject = (wire: WireRequest): string =>
  wire.path.split('?')[0] === '/v1/listing' ? LISTING : (wire.params.id ?? wire.params.idOrSlug ?? '');

/** Fills CURRENT_ETAG in If-Match with the resource's ETag: the last one seen, or a GET now. */
async function fillCurrentEtag(wire: WireRequest, client: FuzzClient, pools: FuzzPools, report: OperationReport): Promise<void> {
  const ifMatch = wire.headers['if-match'];
  if (!ifMatch?.includes(CURRENT_ETAG)) return;
  const id = etagSubject(wire);
  let etag = pools.etags[id];
  if (!etag && id === LISTING && wire.headers.authorization) {
    // The provider's own listing: read with the key the request carries (no id in its path).
    report.helperRequests++;
    const answer = await client.send('GET', '/v1/listing', { authorization: wire.headers.authorization });
    if (answer.status === 200 && typeof answer.headers.etag === 'string') etag = pools.etags[id] = answer.headers.etag;
  } else if (!etag && /^[0-9a-f-]{36}$/.test(id)) {
    report.helperRequests++;
    const answer = await client.send('GET', `/v1/resources/${encodeURIComponent(id)}`, {});
    if (answer.status === 200 && typeof answer.headers.etag === 'string') etag = pools.etags[id] = answer.headers.etag;
  }
  wire.headers['if-match'] = ifMatch.split(CURRENT_ETAG).join(etag ?? '"v0"');
}

function pick(pools: FuzzPools, ref: PoolRef): string {
  const pool = pools[ref.pool];
  // An emptied pool (every referral deleted) still yields a well-formed id that is simply not there.
  return pool.length ? pool[ref.n % pool.length] : '3f2a8c1e-0000-4000-8000-000000000000';
}

/** JSON text of a generated body; symbolic deep nesting is expanded as text, live ids filled in. */
function writeJson(json: unknown, resolve: (v: unknown) => unknown): string {
  const deep: DeepNest[] = [];
  const text = JSON.stringify(json, (_key, value) => {
    if (value instanceof DeepNest) {
      deep.push(value);
      return `\u0001deep${deep.length - 1}\u0001`;
    }
    return resolve(value);
  });
  return (text ?? 'null').replace(/"\\u0001deep(\d+)\\u0001"/g, (_, i: string) => deep[Number(i)].toJson());
}

/** What is wrong with an answer (empty: nothing). */
export function violations(
  model: OpenApiModel,
  operation: ApiOperation,
  request: FuzzRequest,
  wire: WireRequest,
  answer: HttpAnswer,
): string[] {
  const problems: string[] = [];
  const { status } = answer;
  const contentType = String(answer.headers['content-type'] ?? '');
  const text = answer.body.toString('utf8');
  if (status >= 500) problems.push(`server error ${status}`);
  if (request.expectStatus && status !== request.expectStatus) problems.push(`expected ${request.expectStatus}, got ${status}`);
  if (status >= 400 && status < 500) {
    if (!/^application\/problem\+json\b/i.test(contentType))
      problems.push(`4xx with content-type "${contentType}", not application/problem+json`);
    const problem = parseJson(text) as Record<string, unknown> | undefined;
    if (!problem || typeof problem !== 'object') problems.push('4xx body is not a JSON object');
    else {
      if (typeof problem.type !== 'string' || !problem.type) problems.push('problem without type');
      if (typeof problem.title !== 'string' || !problem.title) problems.push('problem without title');
      if (problem.status !== status) problems.push(`problem status ${String(problem.status)} differs from HTTP ${status}`);
    }
  }
  if (status >= 200 && status < 300) {
    const validKey = request.auth === 'secret' || request.auth === 'publishable' || request.auth === 'listing';
    const unauthenticated = operation.security.length > 0 && !validKey;
    const publishableNotAllowed = request.auth === 'publishable' && !operation.security.includes('publishableKey');
    // Listing keys and partner keys never cross: each only where the operation names its scheme.
    const listingNotAllowed = request.auth === 'listing' && !operation.security.includes('listingKey');
    const partnerKeyOnListing = request.auth === 'secret' && operation.security.includes('listingKey');
    if (unauthenticated || publishableNotAllowed || listingNotAllowed || partnerKeyOnListing)
      problems.push(`${status} for a request without valid credentials (${describeAuth(request.auth)})`);
    const documented = operation.responses[String(status)];
    if (!documented)
      problems.push(
        `${status} is not a documented response of ${operation.key} (documented: ${Object.keys(operation.responses).join(', ')})`,
      );
    else if (status === 204) {
      if (answer.body.length) problems.push('204 with a body');
    } else if (documented.contentTypes.length) {
      const mediaType = contentType.split(';')[0].trim().toLowerCase();
      if (!documented.contentTypes.includes(mediaType))
        problems.push(`${status} with content-type "${contentType}" (documented: ${documented.contentTypes.join(', ')})`);
      const body = parseJson(text);
      if (body === undefined) problems.push(`${status} body is not JSON`);
      else {
        const validate = model.responseValidator(operation, status, mediaType);
        if (validate && !validate(body)) {
          const errors = (validate.errors ?? [])
            .slice(0, 5)
            .map((e) => `${e.instancePath || '/'} ${e.message}`)
            .join('; ');
          problems.push(`${status} body does not match the response schema: ${errors}`);
        }
      }
    }
  }
  if (status >= 300 && status < 400) {
    if (status !== 304 || !wire.headers['if-none-match']) problems.push(`unexpected redirect or ${status}`);
    if (answer.body.length) problems.push(`${status} with a body`);
  }
  if (status < 200 || status > 599) problems.push(`nonsense status ${status}`);
  return problems;
}

function describeAuth(auth: FuzzRequest['auth']): string {
  if (typeof auth === 'string') return auth;
  if ('publishableFrom' in auth) return `publishable key from Origin ${JSON.stringify(auth.publishableFrom)}`;
  return `Authorization: ${auth.authorization.slice(0, 40)}`;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** What harvest() reads of an answer; add() takes only strings. */
interface HarvestedBody {
  id?: unknown;
  slug?: unknown;
  page?: { nextCursor?: unknown };
  key?: { id?: unknown };
  partner?: { id?: unknown };
}

/** Live ids from successful answers, so later requests reach real records (and deleted ones leave). */
export function harvest(operation: ApiOperation, wire: WireRequest, answer: HttpAnswer, pools: FuzzPools): void {
  if (answer.status === 412) delete pools.etags[etagSubject(wire)];
  if (answer.status < 200 || answer.status >= 300) return;
  const body = parseJson(answer.body.toString('utf8')) as HarvestedBody | undefined;
  const add = (pool: PoolName, value: unknown, cap = 200) => {
    if (typeof value !== 'string' || pools[pool].includes(value)) return;
    pools[pool].push(value);
    if (pools[pool].length > cap) pools[pool].shift();
  };
  const path = wire.path.split('?')[0];
  const resourceId = etagSubject(wire);
  if (resourceId && typeof answer.headers.etag === 'string' && /^"v\d+"$/.test(answer.headers.etag))
    pools.etags[resourceId] = answer.headers.etag;
  if (operation.method === 'POST' && path === '/v1/intakes') add('intakeIds', body?.id);
  if (operation.method === 'POST' && path === '/v1/referrals') add('referralIds', body?.id);
  if (operation.method === 'DELETE' && path.startsWith('/v1/referrals/')) {
    const id = decodeURIComponent(path.split('/').pop() ?? '');
    pools.referralIds = pools.referralIds.filter((r) => r !== id);
  }
  if (operation.method === 'POST' && path === '/v1/resources') {
    add('resourceIds', body?.id);
    add('resourceSlugs', body?.slug);
  }
  if (operation.method === 'GET' && path === '/v1/resources') add('resourceCursors', body?.page?.nextCursor, 50);
  if (operation.method === 'GET' && path === '/v1/referrals') add('referralCursors', body?.page?.nextCursor, 50);
  if (operation.method === 'POST' && /^\/v1\/keys\/[^/]+\/rotate$/.test(path)) add('keyIds', body?.key?.id);
  if (operation.method === 'POST' && /^\/v1\/partners\/[^/]+\/keys$/.test(path)) add('keyIds', body?.id);
  if (operation.method === 'POST' && path === '/v1/partners') add('partnerIds', body?.partner?.id);
}

export interface FuzzOptions {
  seed: number;
  runsPerOperation: number;
  limits: FuzzLimits;
  /** Only operations whose key or operationId contains this text (case-insensitive). */
  only?: string;
  onOperationDone?: (report: OperationReport) => void;
  /** The secret key lacks a scope the operation needs: any 2xx it gets is a missing scope check. */
  secretKeyLacksScope?: boolean;
}

/** The seed of one operation: the run's seed and the operation, so adding an operation does not reshuffle the others. */
export function operationSeed(seed: number, operation: ApiOperation): number {
  return createHash('sha256').update(`${seed}:${operation.key}`).digest().readInt32BE(0);
}

/** Fuzzes one operation; throws (after recording the count) when a counterexample was found. */
export async function fuzzOperation(
  model: OpenApiModel,
  operation: ApiOperation,
  client: FuzzClient,
  keys: FuzzKeys,
  pools: FuzzPools,
  options: FuzzOptions,
  report: OperationReport,
): Promise<void> {
  cursorSource.current = (pool) => pools[pool];
  const arbitrary = requestArbitrary(model, operation, options.limits);
  const property = fc.asyncProperty(arbitrary, async (request) => {
    const wire = toWire(operation, request, keys, pools);
    await fillCurrentEtag(wire, client, pools, report);
    let answer: HttpAnswer;
    try {
      answer = await client.send(wire.method, wire.path, wire.headers, wire.body);
    } catch (error) {
      report.requests++;
      throw new Error(`${request.mutation}: no HTTP answer (${(error as Error).message}) to ${describeWire(wire)}`, { cause: error });
    }
    report.requests++;
    report.byStatus[answer.status] = (report.byStatus[answer.status] ?? 0) + 1;
    report.byMutation[request.mutation] = (report.byMutation[request.mutation] ?? 0) + 1;
    harvest(operation, wire, answer, pools);
    if (process.env.FUZZ_DEBUG)
      process.stderr.write(
        `${request.mutation} → ${answer.status}: ${describeWire(wire).slice(0, 400)}\n    ${answer.body.toString('utf8').slice(0, 300)}\n`,
      );
    const problems = violations(model, operation, request, wire, answer);
    if (options.secretKeyLacksScope && request.auth === 'secret' && answer.status >= 200 && answer.status < 300) {
      problems.push(`${answer.status} for a secret key without the scope ${operation.key} needs (a missing scope check)`);
    }
    if (problems.length) {
      throw new Error(
        `${request.mutation}: ${problems.join('; ')}\n  request: ${describeWire(wire)}\n  answer: ${answer.status} ${String(answer.headers['content-type'] ?? '')} ${answer.body.toString('utf8').slice(0, 600)}`,
      );
    }
  });
  try {
    await fc.assert(property, { seed: operationSeed(options.seed, operation), numRuns: options.runsPerOperation });
  } catch (error) {
    report.failure = (error as Error).message;
    throw error;
  } finally {
    options.onOperationDone?.(report);
  }
}

function describeWire(wire: WireRequest): string {
  const headers = Object.entries(wire.headers)
    .map(([k, v]) => `${k}: ${k === 'authorization' && /mend_[spl]k_/.test(v) ? `${v.slice(0, 22)}…` : v.slice(0, 120)}`)
    .join(' | ');
  const body = wire.body ? ` body(${wire.body.length} B): ${wire.body.toString('utf8').slice(0, 300)}` : '';
  return `${wire.method} ${wire.path.slice(0, 400)}${wire.path.length > 400 ? `… (${wire.path.length} chars)` : ''} [${headers}]${body}`;
}

export function emptyReport(operation: ApiOperation): OperationReport {
  return { key: operation.key, operationId: operation.operationId, requests: 0, helperRequests: 0, byStatus: {}, byMutation: {} };
}

/** The per-operation table printed by `npm run fuzz` and the jest run. */
export function formatReport(reports: OperationReport[], setupRequests: number, seed: number): string {
  const width = Math.max(...reports.map((r) => r.key.length), 10);
  const lines = reports.map((r) => {
    const statuses = Object.entries(r.byStatus)
      .sort(([a], [b]) => Number(a) - Number(b))
      .map(([s, n]) => `${s}×${n}`)
      .join(' ');
    const state = r.skipped ? `SKIPPED: ${r.skipped}` : r.failure ? 'FAILED' : 'ok';
    return `${r.key.padEnd(width)}  ${String(r.requests).padStart(7)}  ${state.padEnd(6)}  ${statuses}`;
  });
  const total = reports.reduce((sum, r) => sum + r.requests, 0);
  const helpers = reports.reduce((sum, r) => sum + r.helperRequests, 0) + setupRequests;
  return [
    `Fuzz run (seed ${seed}): requests per operation`,
    `${'operation'.padEnd(width)}  ${'requests'.padStart(7)}  result  statuses`,
    ...lines,
    `${'total'.padEnd(width)}  ${String(total).padStart(7)}  over ${reports.length} operations (+ ${helpers} setup and ETag look-up requests)`,
  ].join('\n');
}
