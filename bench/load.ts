import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import { machine, machineLine } from './machine.js';

/**
 * `npm run load -- [--url http://127.0.0.1:3000] [--key mend_sk_…] [--duration 30] [--connections 10]`
 *
 * A mixed workload against a running Mend server for a fixed time: directory searches (60%),
 * intakes (25%) and referrals made from those intakes (15%), each write with a fresh
 * Idempotency-Key. Throughput and latency count 2xx answers only; any 4xx, 5xx or network error
 * fails the run (exit 1), listed by kind, status and problem code. The last line is one JSON object.
 *
 * The rate limit must not shape the figures: without --key, the run creates its own test partner
 * (scripts/partner-create.ts, on the database the environment names: run it where the server
 * runs) whose secret key allows 1,000,000,000 requests a minute; a --key is checked first and
 * refused if its limit (RateLimit-Policy) is under 1,000,000 a minute. Traffic goes to --url only.
 */
const { values: args } = parseArgs({
  options: {
    url: { type: 'string', default: process.env.MEND_URL ?? 'http://127.0.0.1:3000' },
    key: { type: 'string', default: process.env.MEND_API_KEY },
    duration: { type: 'string', default: '30' },
    connections: { type: 'string', default: '10' },
    timeout: { type: 'string', default: '10' },
  },
});
const BASE = args.url.replace(/\/$/, '');
const DURATION_MS = Number(args.duration) * 1000;
const CONNECTIONS = Number(args.connections);
const TIMEOUT_MS = Number(args.timeout) * 1000;
/** Above what this load can send in a minute on one machine (~16k req/s), so a key's limit never answers 429. */
const MIN_KEY_RATE_LIMIT = 1_000_000;
const OWN_KEY_RATE_LIMIT = 1_000_000_000;

const ready = await fetch(`${BASE}/health/ready`).catch(() => undefined);
if (!ready?.ok) {
  console.error(`${BASE}/health/ready is not answering 200: start the server first (npm start).`);
  process.exit(1);
}

/** A test partner of its own, made with the partner:create CLI on the database this environment names. */
function createLoadKey(): string {
  const script = fileURLToPath(new URL('../scripts/partner-create.js', import.meta.url));
  const name = `load-generator-${new Date().toISOString()}`;
  const printed = execFileSync('node', [script, '--name', name, '--rate-limit', String(OWN_KEY_RATE_LIMIT), '--test'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const key = /mend_sk_test_\w+/.exec(printed)?.[0];
  if (!key) throw new Error('partner:create printed no secret key');
  console.error(`Key: created test partner "${name}" with a rate limit of ${OWN_KEY_RATE_LIMIT.toLocaleString('en')} requests/min.`);
  return key;
}

/** The key's per-minute limit, as the server states it in RateLimit-Policy; exits when the server does not know the key. */
async function keyRateLimit(key: string): Promise<number> {
  const res = await fetch(`${BASE}/v1/taxonomy`, { headers: { authorization: `Bearer ${key}` } });
  await res.body?.cancel();
  if (res.status === 401) {
    console.error(
      `${BASE} does not know this key (401): ${args.key ? 'check --key' : 'the partner was created on another database than the server uses; run the load with the server’s environment or pass --key'}.`,
    );
    process.exit(1);
  }
  if (!res.ok) {
    console.error(`Checking the key: GET /v1/taxonomy answered ${res.status}.`);
    process.exit(1);
  }
  const policy = /"key";q=(\d+)/.exec(res.headers.get('ratelimit-policy') ?? '');
  if (!policy) {
    console.error('Checking the key: the server sent no RateLimit-Policy for it.');
    process.exit(1);
  }
  return Number(policy[1]);
}

const KEY = args.key ?? createLoadKey();
const keyLimit = await keyRateLimit(KEY);
if (keyLimit < MIN_KEY_RATE_LIMIT) {
  console.error(
    `The key's rate limit is ${keyLimit.toLocaleString('en')} requests/min: the load would measure 429s. Omit --key (the run makes its own) ` +
      `or use a key from \`npm run partner:create -- --name load --test --rate-limit ${OWN_KEY_RATE_LIMIT}\`.`,
  );
  process.exit(2);
}
const keyNote = `rate limit of the key: ${keyLimit.toLocaleString('en')} requests/min (${args.key ? 'given' : 'own test partner'}), it cannot throttle this load`;
console.error(`Key: ${keyNote}.`);
const AUTH = { authorization: `Bearer ${KEY}` };

const SEARCHES = [
  '/v1/resources?format=video&specialty=infidelity&maxFee=120',
  '/v1/resources?postalCode=43215&radiusKm=40',
  '/v1/resources?q=affair&format=video',
  '/v1/resources?kind=clinic&slidingScale=true',
  '/v1/resources?serves=US-TX&noInsuranceNeeded=true&facets=format,kind',
  '/v1/resources?language=es&limit=10',
];
const INTAKES = [
  { concerns: ['infidelity'], willingness: 'both', postalCode: '43215', budgetPerSession: 150 },
  { concerns: ['lying', 'financial_secrecy'], willingness: 'one_leaning_out', region: 'US-CA', formats: ['video'] },
  { concerns: ['jealousy_control'], willingness: 'both', safety: { feelsAfraid: true }, region: 'US-TX' },
  { concerns: ['communication_breakdown'], willingness: 'both', region: 'US-NY', languages: ['es'] },
];

type Kind = 'search' | 'intake' | 'referral';
interface Sample {
  kind: Kind;
  ms: number;
  status: number;
  /** The problem+json `code` of a failed answer. */
  code?: string;
}
const samples: Sample[] = [];
const errors: Record<string, number> = {};
const referable: { intakeId: string; resourceId: string }[] = [];
const isOk = (s: Sample) => s.status >= 200 && s.status < 300;

async function call(kind: Kind, path: string, init: RequestInit = {}): Promise<unknown> {
  const started = performance.now();
  try {
    const res = await fetch(BASE + path, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS) });
    const body: unknown = await res.json().catch(() => undefined);
    const code = !res.ok && body && typeof body === 'object' ? (body as { code?: unknown }).code : undefined;
    samples.push({ kind, ms: performance.now() - started, status: res.status, code: typeof code === 'string' ? code : undefined });
    return res.ok ? body : undefined;
  } catch (e) {
    const name = (e as Error).name === 'TimeoutError' ? 'timeout' : 'network';
    errors[`${kind}:${name}`] = (errors[`${kind}:${name}`] ?? 0) + 1;
    return undefined;
  }
}

function post(kind: Kind, path: string, body: unknown) {
  return call(kind, path, {
    method: 'POST',
    headers: { ...AUTH, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
    body: JSON.stringify(body),
  });
}

async function worker(deadline: number, seed: number): Promise<void> {
  for (let i = seed; Date.now() < deadline; i++) {
    const roll = (i * 7919) % 100;
    if (roll < 60 || (roll >= 85 && referable.length === 0)) {
      await call('search', SEARCHES[i % SEARCHES.length], { headers: AUTH });
    } else if (roll < 85) {
      const res = (await post('intake', '/v1/intakes', INTAKES[i % INTAKES.length])) as
        { id: string; matches: { resource: { id: string } }[] } | undefined;
      if (res?.matches?.length) referable.push({ intakeId: res.id, resourceId: res.matches[0].resource.id });
      if (referable.length > 500) referable.shift();
    } else {
      const target = referable[i % referable.length];
      await post('referral', '/v1/referrals', { ...target, clientReference: `load-${i}` });
    }
  }
}

const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : 0;
const round = (n: number) => Math.round(n * 100) / 100;

/** Throughput and latency of the 2xx answers only; every answer counted by status. */
function summary(list: Sample[], seconds: number) {
  const ok = list.filter(isOk);
  const ms = ok.map((s) => s.ms).sort((a, b) => a - b);
  const byStatus: Record<string, number> = {};
  for (const s of list) byStatus[s.status] = (byStatus[s.status] ?? 0) + 1;
  return {
    requests: list.length,
    ok: ok.length,
    rps: round(ok.length / seconds),
    p50Ms: round(percentile(ms, 50)),
    p95Ms: round(percentile(ms, 95)),
    p99Ms: round(percentile(ms, 99)),
    byStatus,
  };
}

console.error(`Load: ${CONNECTIONS} connections for ${DURATION_MS / 1000} s against ${BASE}`);
const started = Date.now();
await Promise.all(Array.from({ length: CONNECTIONS }, (_, n) => worker(started + DURATION_MS, n * 13)));
const seconds = (Date.now() - started) / 1000;

const overall = summary(samples, seconds);
for (const kind of ['search', 'intake', 'referral'] as Kind[]) {
  const s = summary(
    samples.filter((x) => x.kind === kind),
    seconds,
  );
  console.log(
    `${kind.padEnd(9)} ${String(s.ok).padStart(6)} ok  ${String(s.rps).padStart(7)} req/s  p50 ${s.p50Ms} ms  p95 ${s.p95Ms} ms  p99 ${s.p99Ms} ms  status ${JSON.stringify(s.byStatus)}`,
  );
}
const failed = samples.filter((s) => !isOk(s));
const failures: Record<string, number> = {};
for (const s of failed) {
  const label = `${s.kind} ${s.status}${s.code ? ` ${s.code}` : ''}`;
  failures[label] = (failures[label] ?? 0) + 1;
}
const serverErrors = failed.filter((s) => s.status >= 500).length;
const clientErrors = failed.filter((s) => s.status >= 400 && s.status < 500).length;
console.log(
  `total     ${overall.ok} ok  ${overall.rps} req/s (2xx only)  p50 ${overall.p50Ms} ms  p95 ${overall.p95Ms} ms  p99 ${overall.p99Ms} ms  4xx ${clientErrors}  5xx ${serverErrors}  errors ${JSON.stringify(errors)}`,
);
console.log(`Key: ${keyNote}.`);
const valid = failed.length === 0 && Object.keys(errors).length === 0;
if (!valid) {
  console.log(
    `FAILED: ${failed.length} answers were not 2xx, ${Object.values(errors).reduce((n, v) => n + v, 0)} requests got none; the run is void:`,
  );
  for (const [label, n] of Object.entries(failures).sort((a, b) => b[1] - a[1])) console.log(`  ${String(n).padStart(6)}× ${label}`);
  for (const [label, n] of Object.entries(errors)) console.log(`  ${String(n).padStart(6)}× ${label}`);
}
console.log(machineLine());
console.log(
  JSON.stringify({
    load: 'mixed',
    machine: machine(),
    seconds: round(seconds),
    ...overall,
    keyRateLimitPerMinute: keyLimit,
    clientErrors,
    serverErrors,
    failures,
    networkErrors: errors,
    valid,
  }),
);
process.exit(valid ? 0 : 1);
