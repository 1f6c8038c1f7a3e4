import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';

import { machine, machineLine } from './machine.js';

/**
 * `npm run load -- --url http://127.0.0.1:3000 --key mend_sk_… [--duration 30] [--connections 10]`
 *
 * A mixed workload against a running Mend server for a fixed time: directory searches (60%),
 * intakes (25%) and referrals made from those intakes (15%), each write with a fresh
 * Idempotency-Key. Prints throughput, latency percentiles and error counts per kind; the last
 * line is one JSON object. The key needs directory:read, intakes:write and referrals:write
 * (the demo partner's printed secret key works). Traffic goes to --url only (loopback by default).
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
if (!args.key) {
  console.error('Usage: npm run load -- --key mend_sk_… [--url http://127.0.0.1:3000] [--duration 30] [--connections 10]');
  process.exit(2);
}
const BASE = args.url.replace(/\/$/, '');
const DURATION_MS = Number(args.duration) * 1000;
const CONNECTIONS = Number(args.connections);
const TIMEOUT_MS = Number(args.timeout) * 1000;
const AUTH = { authorization: `Bearer ${args.key}` };

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
}
const samples: Sample[] = [];
const errors: Record<string, number> = {};
const referable: { intakeId: string; resourceId: string }[] = [];

async function call(kind: Kind, path: string, init: RequestInit = {}): Promise<unknown> {
  const started = performance.now();
  try {
    const res = await fetch(BASE + path, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS) });
    const body = await res.json().catch(() => undefined);
    samples.push({ kind, ms: performance.now() - started, status: res.status });
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

function summary(list: Sample[], seconds: number) {
  const ms = list.map((s) => s.ms).sort((a, b) => a - b);
  const byStatus: Record<string, number> = {};
  for (const s of list) byStatus[s.status] = (byStatus[s.status] ?? 0) + 1;
  return {
    requests: list.length,
    rps: round(list.length / seconds),
    p50Ms: round(percentile(ms, 50)),
    p95Ms: round(percentile(ms, 95)),
    p99Ms: round(percentile(ms, 99)),
    byStatus,
  };
}

const ready = await fetch(`${BASE}/health/ready`).catch(() => undefined);
if (!ready?.ok) {
  console.error(`${BASE}/health/ready is not answering 200: start the server first (npm start).`);
  process.exit(1);
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
    `${kind.padEnd(9)} ${String(s.requests).padStart(6)} req  ${String(s.rps).padStart(7)} req/s  p50 ${s.p50Ms} ms  p95 ${s.p95Ms} ms  p99 ${s.p99Ms} ms  status ${JSON.stringify(s.byStatus)}`,
  );
}
const serverErrors = samples.filter((s) => s.status >= 500).length;
const clientErrors = samples.filter((s) => s.status >= 400 && s.status < 500).length;
console.log(
  `total     ${overall.requests} req  ${overall.rps} req/s  p50 ${overall.p50Ms} ms  p95 ${overall.p95Ms} ms  p99 ${overall.p99Ms} ms  4xx ${clientErrors}  5xx ${serverErrors}  errors ${JSON.stringify(errors)}`,
);
console.log(machineLine());
console.log(
  JSON.stringify({
    load: 'mixed',
    machine: machine(),
    seconds: round(seconds),
    ...overall,
    clientErrors,
    serverErrors,
    networkErrors: errors,
  }),
);
process.exit(serverErrors > 0 || Object.keys(errors).length > 0 ? 1 : 0);
