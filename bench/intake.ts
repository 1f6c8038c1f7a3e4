import type { INestApplication } from '@nestjs/common';
import autocannon from 'autocannon';
import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import pg from 'pg';
import type { CreateIntakeRequest } from '../src/intake/dto/create-intake.request.js';
import type { IntakeResponse } from '../src/intake/dto/intake.response.js';
import type { IntakeRepository } from '../src/intake/intake.repository.js';
import type { Candidate } from '../src/intake/matching/types.js';
import type { Summary } from './bench-support.js';
import type { LoadResult, PathStats } from './load-worker.js';
import { COMMON_BENCH_OPTIONS, numericOptions } from './bench-options.js';
import { machine, machineLine } from './machine.js';

// The load worker is this file forked with --load-worker: it needs autocannon only. The app and the
// bench support are loaded in the main process alone, so a worker forked while dist/ is being rebuilt
// (other sessions build the same tree) cannot fail on a half-written app module.
const IS_WORKER = process.argv.includes('--load-worker');
const mainOnly = async <T>(load: () => Promise<T>): Promise<T> => (IS_WORKER ? ({} as T) : load());
await mainOnly(() => import('reflect-metadata'));
const { DataSource } = await mainOnly(() => import('typeorm'));
const { createValidationPipe } = await mainOnly(() => import('../src/common/problem/validation.js'));
const { CreateIntakeRequest: CreateIntakeRequestDto } = await mainOnly(() => import('../src/intake/dto/create-intake.request.js'));
const { IntakeRepository: IntakeRepositoryToken } = await mainOnly(() => import('../src/intake/intake.repository.js'));
const { IntakeService } = await mainOnly(() => import('../src/intake/intake.service.js'));
const { toMatchable } = await mainOnly(() => import('../src/intake/intake.mapper.js'));
const { rankCandidates } = await mainOnly(() => import('../src/intake/matching/rank.js'));
const { assessSafety, recommendHelp } = await mainOnly(() => import('../src/intake/matching/safety.js'));
const { DEFAULT_MATCH_COUNT } = await mainOnly(() => import('../src/intake/matching/weights.js'));
const { mapResource } = await mainOnly(() => import('../src/resources/resource.mapper.js'));
const { CuratedSeeder } = await mainOnly(() => import('../src/seeding/curated-seeder.js'));
const {
  assertAllOk, cleanups, createScratchDatabase, loadScratchDirectory, log, round, runBenchmark, runLoad, startMend, summarise,
} = await mainOnly(() => import('./bench-support.js'));

/**
 * `npm run bench:intake -- [--count 100000] [--duration 15] [--warmup 3] [--connections 10] [--timeout 30]
 *   [--explain | --explain-only] [--keep] [--batch-size 5000] [--burst N] [--pool-size N]`
 *
 * Loads N synthetic resources plus the curated directory (so the crisis and domestic-violence
 * hotlines exist) into a scratch database, exactly as bench/search.ts does, starts the real Mend
 * app in-process and measures POST /v1/intakes for a fixed mix of realistic bodies with autocannon
 * in a child process (this same file, run with --load-worker). Every response must be 201, or the
 * run fails. The last line of stdout is one JSON object.
 *
 * --explain first runs each body, one at a time, through the running app's IntakeService (as the
 * controller calls it), with the app's DataSource instrumented to record and time every candidate and
 * hotline statement, the INSERT and the COMMIT; then prints EXPLAIN (ANALYZE, BUFFERS) of each recorded
 * statement, which indexes they use, and where a request's time goes (SQL, rows → responses, ranking,
 * INSERT, COMMIT, serialisation). --burst N sends N self-harm intakes at the same instant before the
 * load and reports what came back; --pool-size N sets the app's DB_POOL_SIZE (default 10), as a diagnostic.
 * When the app has partner API keys, intakes are sent with the secret key of a bench partner.
 * Results and findings: docs/performance.md, "Intake".
 */

// ---------------------------------------------------------------------------------------------
// The fixed mix: realistic intakes, one of each situation the engine handles differently.

const MIX: { name: string; body: Record<string, unknown> }[] = [
  {
    name: 'both willing, 43215, $150',
    body: { concerns: ['infidelity'], willingness: 'both', relationship: 'married', postalCode: '43215', budgetPerSession: 150 },
  },
  {
    name: 'one unsure, US-MI, video',
    body: { concerns: ['infidelity', 'lying'], willingness: 'one_leaning_out', relationship: 'separated', region: 'US-MI', formats: ['video'] },
  },
  {
    name: 'one unwilling, US-IL',
    body: { concerns: ['hidden_substance_use'], willingness: 'one_unwilling', region: 'US-IL' },
  },
  {
    name: 'safety: feels afraid, US-TX',
    body: { concerns: ['jealousy_control'], willingness: 'both', safety: { feelsAfraid: true }, region: 'US-TX' },
  },
  {
    name: 'self-harm risk, US-OH',
    body: { concerns: ['infidelity'], willingness: 'both', safety: { selfHarmRisk: true }, region: 'US-OH' },
  },
  {
    name: 'Spanish, US-CA',
    body: { concerns: ['communication_breakdown'], willingness: 'both', region: 'US-CA', languages: ['es'], budgetPerSession: 80 },
  },
  {
    name: 'rural 59501, in person, 10 km',
    body: { concerns: ['infidelity'], willingness: 'both', postalCode: '59501', formats: ['in_person'], maxTravelKm: 10 },
  },
  {
    // Self-guided programmes always qualify for a couple without safety concerns, so at 100k rows the plain rural
    // body above never has fewer than 5 candidates; without self-guided help (safety cases) the search must widen.
    name: 'rural 59501, in person, control',
    body: { concerns: ['jealousy_control'], willingness: 'both', safety: { coerciveControl: true }, postalCode: '59501', formats: ['in_person'], maxTravelKm: 10 },
  },
  {
    name: 'LGBTQ+, 10001, Aetna',
    body: { concerns: ['financial_secrecy'], willingness: 'both', relationship: 'unmarried', postalCode: '10001', insurance: 'Aetna', preferences: { audiences: ['lgbtq_affirming'] } },
  },
];

// ---------------------------------------------------------------------------------------------
// Load worker (this file forked with --load-worker): autocannon POSTs the mix, records every
// response's latency and status by body name. Same contract as bench/load-worker.ts, which only sends GETs.

interface IntakeLoadRequest {
  baseUrl: string;
  headers: Record<string, string>;
  bodies: { name: string; body: string }[];
  connections: number;
  durationSeconds: number;
  timeoutSeconds: number;
}

interface IntakeLoadResult extends LoadResult {
  /** CPU the load generator itself used, ms. */
  cpuMs: number;
}

function runLoadWorker(request: IntakeLoadRequest): void {
  const byName = new Map<string, PathStats>(request.bodies.map((b) => [b.name, { path: b.name, latenciesMs: [], statuses: {} }]));
  const cpuStart = process.cpuUsage();
  // One autocannon instance per connection, each with the mix rotated by its index: a single instance
  // starts every connection at the first body, so with slow responses the last bodies would barely run.
  const runs = Array.from({ length: request.connections }, (_, c) => {
    const rotated = request.bodies.map((_, i) => request.bodies[(i + c) % request.bodies.length]);
    return new Promise<autocannon.Result>((resolve, reject) => {
      const instance = autocannon(
        {
          url: request.baseUrl,
          connections: 1,
          duration: request.durationSeconds,
          pipelining: 1,
          timeout: request.timeoutSeconds,
          requests: rotated.map((b) => ({
            method: 'POST' as const,
            path: '/v1/intakes',
            headers: { ...request.headers, 'content-type': 'application/json' },
            body: b.body,
            benchName: b.name,
          })),
        },
        (error, result) => (error ? reject(error) : resolve(result)),
      );
      instance.on('response', (client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
        // With pipelining 1 the iterator's current request is the one just answered.
        const name = (client as { requestIterator: { currentRequest: { benchName: string } } }).requestIterator.currentRequest.benchName;
        const stats = byName.get(name);
        if (!stats) return;
        stats.statuses[statusCode] = (stats.statuses[statusCode] ?? 0) + 1;
        if (statusCode >= 200 && statusCode < 300) stats.latenciesMs.push(responseTime);
      });
    });
  });
  Promise.all(runs).then(
    (results) => {
      const cpu = process.cpuUsage(cpuStart);
      const sum = (f: (r: autocannon.Result) => number) => results.reduce((n, r) => n + f(r), 0);
      const p50s = results.map((r) => r.latency.p50).sort((a, b) => a - b);
      const out: IntakeLoadResult = {
        durationSeconds: Math.max(...results.map((r) => r.duration)),
        ok: sum((r) => r['2xx']),
        non2xx: sum((r) => r.non2xx),
        errors: sum((r) => r.errors),
        timeouts: sum((r) => r.timeouts),
        // Cross-check only: summed throughput; median of the per-connection p50s, worst per-connection p99.
        autocannon: { rpsAverage: sum((r) => r.requests.average), p50: p50s[Math.floor((p50s.length - 1) / 2)], p99: Math.max(...results.map((r) => r.latency.p99)) },
        byPath: [...byName.values()],
        cpuMs: (cpu.user + cpu.system) / 1000,
      };
      process.send!(out, () => process.exit(0));
    },
    (error: unknown) => process.send!({ error: String(error) }, () => process.exit(1)),
  );
}

// ---------------------------------------------------------------------------------------------
// CPU accounting (Linux /proc): who used the two cores during the measured run

const CLK_TCK = (() => {
  try {
    return Number(execSync('getconf CLK_TCK', { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** utime + stime of a process, ms; undefined when it is not visible (e.g. a remote server). */
function processCpuMs(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLK_TCK;
  } catch {
    return undefined;
  }
}

/** Busy and total CPU time of the whole machine, ms. */
function machineCpuMs(): { busy: number; total: number } {
  const [, ...ticks] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
  const n = ticks.map(Number);
  const total = n.slice(0, 8).reduce((a, b) => a + b, 0);
  const idle = n[3] + n[4];
  return { busy: ((total - idle) * 1000) / CLK_TCK, total: (total * 1000) / CLK_TCK };
}

interface CpuSnapshot {
  node: number;
  backends: Map<number, number>;
  machine: { busy: number; total: number };
}

async function cpuSnapshot(admin: pg.Client, database: string): Promise<CpuSnapshot> {
  const { rows } = await admin.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [database]);
  const backends = new Map<number, number>();
  for (const { pid } of rows) {
    const ms = processCpuMs(pid);
    if (ms !== undefined) backends.set(pid, ms);
  }
  const own = process.cpuUsage();
  return { node: (own.user + own.system) / 1000, backends, machine: machineCpuMs() };
}

interface CpuSplit {
  /** ms of CPU per request */
  node: number;
  postgres: number;
  loadGenerator: number;
  other: number;
  /** share of the machine's cores busy during the run */
  machineBusy: number;
  postgresVisible: boolean;
}

function cpuSplit(before: CpuSnapshot, after: CpuSnapshot, loadGeneratorMs: number, requests: number): CpuSplit {
  let postgres = 0;
  for (const [pid, ms] of after.backends) postgres += ms - (before.backends.get(pid) ?? 0);
  const node = after.node - before.node;
  const busy = after.machine.busy - before.machine.busy;
  const total = after.machine.total - before.machine.total;
  return {
    node: node / requests,
    postgres: postgres / requests,
    loadGenerator: loadGeneratorMs / requests,
    other: Math.max(0, busy - node - postgres - loadGeneratorMs) / requests,
    machineBusy: busy / total,
    postgresVisible: after.backends.size > 0,
  };
}

// ---------------------------------------------------------------------------------------------
// Main process

const { values: args } = parseArgs({
  options: {
    ...COMMON_BENCH_OPTIONS,
    'pool-size': { type: 'string' },
    burst: { type: 'string', default: '0' },
    'load-worker': { type: 'boolean', default: false },
  },
  allowPositionals: true,
});
const { count: COUNT, duration: DURATION, warmup: WARMUP, connections: CONNECTIONS, timeout: TIMEOUT, burst: BURST } = numericOptions({
  count: args.count, duration: args.duration, warmup: args.warmup, connections: args.connections, timeout: args.timeout, burst: args.burst,
});

const WORKER = new URL(import.meta.url);

async function measure(target: string, baseUrl: string, headers: Record<string, string>, admin: pg.Client, database: string): Promise<{ summary: Summary; cpu: CpuSplit }> {
  const bodies = MIX.map((m) => ({ name: m.name, body: JSON.stringify(m.body) }));
  const load = (durationSeconds: number) =>
    runLoad<IntakeLoadRequest, IntakeLoadResult>({ baseUrl, headers, bodies, connections: CONNECTIONS, durationSeconds, timeoutSeconds: TIMEOUT }, WORKER, ['--load-worker']);
  if (WARMUP > 0) {
    log(`${target}: warm-up ${WARMUP} s`);
    assertAll201(`${target} (warm-up)`, await load(WARMUP), false);
  }
  log(`${target}: ${DURATION} s at ${CONNECTIONS} connections`);
  const before = await cpuSnapshot(admin, database);
  const result = await load(DURATION);
  const after = await cpuSnapshot(admin, database);
  assertAll201(target, result);
  return { summary: summarise(target, result), cpu: cpuSplit(before, after, result.cpuMs, result.ok) };
}

/** Any non-2xx fails the run (assertAllOk); so does a 2xx other than 201. */
function assertAll201(target: string, result: LoadResult, mustComplete = true): void {
  assertAllOk(target, result);
  const odd = result.byPath.filter((s) => Object.keys(s.statuses).some((code) => code !== '201'));
  if (odd.length) {
    throw new Error(`${target}: responses other than 201:\n${odd.map((s) => `    ${s.path}: ${JSON.stringify(s.statuses)}`).join('\n')}`);
  }
  if (mustComplete && result.ok === 0) throw new Error(`${target}: no request completed within ${result.durationSeconds} s`);
}

/**
 * Request headers for POST /v1/intakes. When the app has partner API keys (src/partners), intakes need a
 * key with `intakes:write`: make a bench partner whose per-key rate limit the load cannot reach, and use
 * its secret key, so key authentication is part of what is measured. Without that module, no header.
 */
async function intakeHeaders(app: INestApplication): Promise<{ headers: Record<string, string>; partnerId: string | null }> {
  const specifier = '../src/partners/partners.service.js'; // not a literal: the bench builds with or without the module
  let partners: { PartnersService: new (...args: never[]) => unknown };
  try {
    partners = await import(specifier);
  } catch {
    log('no partner API keys in this build: intakes are posted without a key');
    return { headers: {}, partnerId: null };
  }
  const service = app.get(partners.PartnersService) as {
    createPartner(input: { name: string; allowedOrigins: string[]; rateLimitPerMinute: number }): Promise<{ partner: { id: string }; keys: { plaintext: string; key: { scopes: string[] } }[] }>;
  };
  const { partner, keys } = await service.createPartner({ name: `bench-${Date.now()}`, allowedOrigins: [], rateLimitPerMinute: 1_000_000_000 });
  log(`bench partner created; intakes are posted with its secret key (${keys[0].key.scopes.join(', ')})`);
  return { headers: { authorization: `Bearer ${keys[0].plaintext}` }, partnerId: partner.id };
}

/**
 * --burst N: N copies of the self-harm intake (the body that needs most connections at once: its
 * transaction's, plus the hotline and candidate queries side by side) sent at the same instant, once,
 * before the load. Reports statuses and latencies; does not fail the run (the load that follows does).
 */
async function burstProbe(baseUrl: string, headers: Record<string, string>, n: number): Promise<void> {
  const body = JSON.stringify(MIX.find((m) => m.name.startsWith('self-harm'))!.body);
  const one = async () => {
    const t0 = performance.now();
    const res = await fetch(`${baseUrl}/v1/intakes`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body });
    const text = await res.text();
    return { status: res.status, ms: performance.now() - t0, code: res.status >= 300 ? (JSON.parse(text) as { code?: string }).code : undefined };
  };
  const results = await Promise.all(Array.from({ length: n }, one));
  const byStatus = new Map<string, number>();
  for (const r of results) byStatus.set(`${r.status}${r.code ? ` ${r.code}` : ''}`, (byStatus.get(`${r.status}${r.code ? ` ${r.code}` : ''}`) ?? 0) + 1);
  const ms = results.map((r) => r.ms).sort((a, b) => a - b);
  console.log(`\nBurst of ${n} simultaneous self-harm intakes (app pool: DB_POOL_SIZE=${process.env.DB_POOL_SIZE ?? '10 (default)'}): ` +
    `${[...byStatus].map(([k, v]) => `${v}× ${k}`).join(', ')}; latency min ${ms[0].toFixed(0)} ms, max ${ms[ms.length - 1].toFixed(0)} ms.`);
}

/** One request per body before any load: each must be 201 and do what its name says. */
async function checkResponses(baseUrl: string, headers: Record<string, string>): Promise<void> {
  console.log('\nResponses (one request per body, before the load):');
  for (const m of MIX) {
    const res = await fetch(`${baseUrl}/v1/intakes`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(m.body) });
    const text = await res.text();
    if (res.status !== 201) throw new Error(`${m.name}: expected 201, got ${res.status}: ${text.slice(0, 600)}`);
    const body = JSON.parse(text) as IntakeResponse;
    const wantsHotlines = !!(m.body.safety as Record<string, boolean> | undefined);
    if (wantsHotlines && body.safety.resources.length === 0) throw new Error(`${m.name}: no hotlines in the response: is the curated directory loaded?`);
    if (body.matches.length === 0) throw new Error(`${m.name}: no matches`);
    console.log(
      `  ${m.name.padEnd(32)} ${body.recommendation.type.padEnd(22)} safety ${body.safety.level.padEnd(7)} matches ${String(body.matches.length).padStart(2)}` +
        `  hotlines ${String(body.safety.resources.length).padStart(4)}  relaxations [${body.relaxations.map((r) => r.code).join(', ')}]  ${(text.length / 1024).toFixed(1)} KiB`,
    );
    if (m.name.startsWith('rural') && body.relaxations.length === 0) log(`note: ${m.name} did not trigger any relaxation step`);
  }
}

// ---------------------------------------------------------------------------------------------
// --explain: the real service in-process, every statement recorded and timed, then EXPLAINed

interface Recorded {
  label: string;
  text: string;
  values: unknown[];
  ms: number;
  rows: unknown[];
}

interface Profiled {
  name: string;
  totalMs: number;
  statements: { label: string; ms: number; rows: number }[];
  insertMs: number;
  commitMs: number;
  mapMs: number;
  rankMs: number;
  hotlineMapMs: number;
  stringifyMs: number;
  responseKiB: number;
  recorded: Recorded[];
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN;
};

/** Median over `n` runs of a synchronous step, ms. */
function timeSync<T>(n: number, fn: () => T): { ms: number; value: T } {
  const times: number[] = [];
  let value!: T;
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    value = fn();
    times.push(performance.now() - t0);
  }
  return { ms: median(times), value };
}

/**
 * Each body through the running app's own IntakeService (as the controller calls it), one at a time.
 * The app's DataSource is instrumented for the duration: `query` records and times the candidate and
 * hotline statements (both repositories send them that way), `transaction` times the COMMIT, and
 * IntakeRepository.save times the INSERT.
 */
async function profileBodies(app: INestApplication, partnerId: string | null): Promise<Profiled[]> {
  const dataSource = app.get(DataSource);
  const service = app.get(IntakeService);
  const intakes = app.get(IntakeRepositoryToken);
  let recording: Recorded[] = [];
  let insertMs = 0;
  let commitMs = 0;
  const originalQuery = dataSource.query;
  const originalTransaction = dataSource.transaction;
  const originalSave = intakes.save;
  dataSource.query = (async (text: string, values?: unknown[], ...rest: unknown[]) => {
    const t0 = performance.now();
    const rows = await (originalQuery as (...a: unknown[]) => Promise<unknown>).call(dataSource, text, values, ...rest);
    const label = /r\.kind = 'hotline'/.test(text) ? 'hotlines' : /r\.kind <> 'hotline'/.test(text) ? 'candidates' : undefined;
    if (label) recording.push({ label, text, values: values ?? [], ms: performance.now() - t0, rows: rows as unknown[] });
    return rows;
  }) as typeof dataSource.query;
  dataSource.transaction = (async (...args: unknown[]) => {
    const work = args[args.length - 1] as (manager: unknown) => Promise<unknown>;
    let workEnd = 0;
    const result = await (originalTransaction as (...a: unknown[]) => Promise<unknown>).call(dataSource, ...args.slice(0, -1), async (manager: unknown) => {
      const done = await work(manager);
      workEnd = performance.now();
      return done;
    });
    commitMs = performance.now() - workEnd;
    return result;
  }) as typeof dataSource.transaction;
  intakes.save = async (...args: Parameters<IntakeRepository['save']>) => {
    const t0 = performance.now();
    const stored = await originalSave.apply(intakes, args);
    insertMs = performance.now() - t0;
    return stored;
  };
  try {
    const pipe = createValidationPipe();
    const submit = async (dto: CreateIntakeRequest) => (await service.submitIntake(dto, { partnerId: partnerId as string, keyId: partnerId as string })).body; // no Idempotency-Key: the key id is unused
    const out: Profiled[] = [];
    for (const m of MIX) {
      const dto = (await pipe.transform(structuredClone(m.body), { type: 'body', metatype: CreateIntakeRequestDto })) as CreateIntakeRequest;
      for (let i = 0; i < 3; i++) await submit(dto); // warm caches and the JIT
      const runs: { total: number; statements: Recorded[]; insert: number; commit: number; response: IntakeResponse }[] = [];
      for (let i = 0; i < 7; i++) {
        recording = [];
        const t0 = performance.now();
        const response = await submit(dto);
        runs.push({ total: performance.now() - t0, statements: [...recording], insert: insertMs, commit: commitMs, response });
      }
      const last = runs[runs.length - 1];
      // Statement i of every run is the same statement (same constraints, same relaxation path).
      // The hotline query runs alongside the first candidate query, so it may be recorded before or after
      // it: statements are matched across runs by label (hotlines; candidates; candidates (widened n)).
      const labelled = (recorded: Recorded[]) => {
        let n = 0;
        return recorded.map((s) => ({ ...s, label: s.label === 'candidates' ? (n++ ? `candidates (widened ${n - 1})` : 'candidates') : s.label }));
      };
      const statements = labelled(last.statements).map((s) => ({
        label: s.label,
        ms: median(runs.map((r) => labelled(r.statements).find((x) => x.label === s.label)?.ms ?? NaN)),
        rows: s.rows.length,
      }));

      // The CPU steps between the queries, timed on the rows of the last run.
      const profile = service.toProfile(dto);
      const safety = assessSafety(profile.safety);
      const recommendation = recommendHelp(profile.willingness, safety);
      const candidateRows = [...last.statements].reverse().find((s) => s.label === 'candidates')!.rows as Parameters<typeof mapResource>[0][];
      const hotlineRows = (last.statements.find((s) => s.label === 'hotlines')?.rows ?? []) as Parameters<typeof mapResource>[0][];
      const mapped = timeSync(9, () =>
        candidateRows.map((row): Candidate => ({ resource: toMatchable(mapResource(row)), distanceMeters: (row as { distance_m?: number | null }).distance_m ?? undefined })),
      );
      const ranked = timeSync(9, () => rankCandidates(profile, recommendation.type, mapped.value, dto.limit ?? DEFAULT_MATCH_COUNT));
      const hotlineMap = timeSync(9, () => hotlineRows.map((row) => mapResource(row)));
      const json = timeSync(9, () => JSON.stringify(last.response));
      out.push({
        name: m.name,
        totalMs: median(runs.map((r) => r.total)),
        statements,
        insertMs: median(runs.map((r) => r.insert)),
        commitMs: median(runs.map((r) => r.commit)),
        mapMs: mapped.ms,
        rankMs: ranked.ms,
        hotlineMapMs: hotlineMap.ms,
        stringifyMs: json.ms,
        responseKiB: json.value.length / 1024,
        recorded: last.statements,
      });
    }
    return out;
  } finally {
    dataSource.query = originalQuery;
    dataSource.transaction = originalTransaction;
    intakes.save = originalSave;
  }
}

interface PlanFinding {
  body: string;
  statement: string;
  rows: number;
  ms: number;
  indexes: string[];
  seqScans: { relation: string; rows: number; removed: number }[];
  sort: string;
}

function readPlan(text: string): Omit<PlanFinding, 'body' | 'statement' | 'rows'> {
  const indexes = [...text.matchAll(/(?:Index(?: Only)? Scan(?: Backward)? using|Bitmap Index Scan on) (\S+)/g)].map((x) => x[1]);
  // PostgreSQL 18 prints average rows per loop with decimals (rows=23222.67 loops=3).
  const seqScans = [...text.matchAll(/Seq Scan on (\S+) \S+ .*?\(actual time=[\d.]+\.\.[\d.]+ rows=([\d.]+) loops=(\d+)\)(?:\n\s+Filter: [^\n]*\n\s+Rows Removed by Filter: (\d+))?/g)]
    .map((x) => ({ relation: x[1], rows: Math.round(Number(x[2]) * Number(x[3])), removed: Number(x[4] ?? 0) * Number(x[3]) }));
  const sort = /Sort Method: ([^\n]+)/.exec(text)?.[1]?.trim() ?? '';
  return { indexes: [...new Set(indexes)], seqScans, ms: Number(/Execution Time: ([\d.]+) ms/.exec(text)?.[1] ?? NaN), sort };
}

async function explain(databaseUrl: string, profiled: Profiled[]): Promise<PlanFinding[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const findings: PlanFinding[] = [];
  try {
    for (const p of profiled) {
      for (const [i, s] of p.recorded.entries()) {
        const label = p.statements[i].label;
        const { rows } = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${s.text}`, s.values);
        const plan = rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n');
        console.log(`\n-- ${p.name} / ${label} (${s.rows.length} rows)\n${plan}`);
        findings.push({ body: p.name, statement: label, rows: s.rows.length, ...readPlan(plan) });
      }
    }
    // The INSERT: what a durable commit costs on this server, against one that does not wait for the WAL flush.
    const insert = `INSERT INTO intake (partner_id, answers, safety_level, recommendation, do_not_contact, matched_resource_ids, expires_at)
      VALUES (NULL, '{"concerns":["infidelity"]}', 'none', 'couples_counseling', true, '{}', now() + interval '30 days')`;
    const timeInserts = async (n: number) => {
      const times: number[] = [];
      for (let i = 0; i < n; i++) {
        const t0 = performance.now();
        await client.query(insert);
        times.push(performance.now() - t0);
      }
      return median(times);
    };
    await timeInserts(5);
    const durable = await timeInserts(50);
    await client.query('SET synchronous_commit = off');
    const async = await timeInserts(50);
    await client.query('RESET synchronous_commit');
    const { rows: [settings] } = await client.query(`SELECT current_setting('synchronous_commit') AS sc, current_setting('fsync') AS fsync, current_setting('wal_sync_method') AS wsm`);
    console.log(`\nINSERT INTO intake (one row, autocommit, median of 50): ${durable.toFixed(2)} ms with synchronous_commit=${settings.sc}` +
      ` (fsync=${settings.fsync}, wal_sync_method=${settings.wsm}); ${async.toFixed(2)} ms with synchronous_commit=off.`);
  } finally {
    await client.end();
  }

  console.log('\nPlan summary (warm cache, one client):');
  console.log(`  ${'body'.padEnd(32)} ${'statement'.padEnd(22)} ${'rows'.padStart(5)} ${'ms'.padStart(8)}  sort / indexes / seq scans`);
  for (const f of findings) {
    const seq = f.seqScans.map((s) => `SEQ SCAN ${s.relation} (${s.rows} rows kept, ${s.removed} removed)`);
    console.log(`  ${f.body.padEnd(32)} ${f.statement.padEnd(22)} ${String(f.rows).padStart(5)} ${f.ms.toFixed(2).padStart(8)}  ${[f.sort && `sort: ${f.sort}`, ...f.indexes, ...seq].filter(Boolean).join(', ') || '-'}`);
  }
  const scans = findings.filter((f) => f.seqScans.some((s) => s.relation === 'resource' || s.relation === 'resource_location'));
  console.log(scans.length
    ? `\n  ${scans.length} statement(s) scan resource or resource_location sequentially: ${[...new Set(scans.map((f) => f.body))].join('; ')}.`
    : '\n  No sequential scans of resource or resource_location: every statement is index-driven.');
  const orgs = findings.filter((f) => f.seqScans.some((s) => s.relation === 'organization' && s.rows > 1000));
  if (orgs.length) {
    console.log(`  ${orgs.length} statement(s) read the whole organization table (hash join before ORDER BY … LIMIT), whatever they return.`);
  }
  const sorted = findings.filter((f) => f.statement.startsWith('candidates'));
  // resource_location_resource_idx only serves the per-row locations subquery, organization_pkey the join.
  const filtering = (f: PlanFinding) => f.indexes.some((i) => i !== 'resource_location_resource_idx' && i !== 'organization_pkey');
  console.log(`  Candidate statements: ${sorted.filter(filtering).length} of ${sorted.length} find rows through an index (GIN, GiST or the partial kind btree); ` +
    'every one sorts all its matches on (distance, accepting_new_clients, id) before LIMIT 300, so its cost follows the number of matches.');

  console.log('\nWhere one request\'s time goes (the app\'s IntakeService.submitIntake in-process, one at a time, warm, medians of 7; ms):');
  console.log(`  ${'body'.padEnd(32)} ${'total'.padStart(6)} ${'SQL: statement ms (rows) [server exec ms]'.padEnd(62)} ${'map'.padStart(5)} ${'rank'.padStart(5)} ${'hotl.'.padStart(5)} ${'INSERT'.padStart(6)} ${'COMMIT'.padStart(6)} ${'JSON'.padStart(5)} ${'KiB'.padStart(6)}`);
  for (const p of profiled) {
    const sql = p.statements
      .map((s) => {
        const f = findings.find((x) => x.body === p.name && x.statement === s.label);
        return `${s.label === 'hotlines' ? 'H' : s.label.includes('widened') ? 'W' : 'C'} ${s.ms.toFixed(1)} (${s.rows})${f ? ` [${f.ms.toFixed(1)}]` : ''}`;
      })
      .join(', ');
    console.log(`  ${p.name.padEnd(32)} ${p.totalMs.toFixed(1).padStart(6)} ${sql.padEnd(62)} ${p.mapMs.toFixed(2).padStart(5)} ${p.rankMs.toFixed(2).padStart(5)} ${p.hotlineMapMs.toFixed(2).padStart(5)} ${p.insertMs.toFixed(2).padStart(6)} ${p.commitMs.toFixed(2).padStart(6)} ${p.stringifyMs.toFixed(2).padStart(5)} ${p.responseKiB.toFixed(1).padStart(6)}`);
  }
  console.log('  C = candidate query, W = candidate query after a widening step, H = hotline query; client ms include transfer and row parsing,\n' +
    '  [server exec ms] is EXPLAIN ANALYZE\'s Execution Time. map = 300 rows → ResourceResponse, rank = score + sort, hotl. = hotline rows → responses.');
  return findings;
}

// ---------------------------------------------------------------------------------------------

function printSummary(s: Summary, cpu: CpuSplit): void {
  console.log(`\n${s.target}: ${round(s.rps, 1)} req/s (${s.ok} ok), latency p50 ${round(s.p50)} ms, p95 ${round(s.p95)} ms, p99 ${round(s.p99)} ms` +
    `  [autocannon, per connection: ${round(s.result.autocannon.rpsAverage, 1)} req/s summed, median p50 ${s.result.autocannon.p50} ms, worst p99 ${s.result.autocannon.p99} ms]`);
  for (const p of s.byPath) {
    console.log(`  ${p.path.padEnd(32)} n=${String(p.n).padStart(6)}  p50 ${round(p.p50).toFixed(2).padStart(7)}  p95 ${round(p.p95).toFixed(2).padStart(7)}  p99 ${round(p.p99).toFixed(2).padStart(7)} ms`);
  }
  console.log(`  CPU per request: app (Node) ${cpu.node.toFixed(2)} ms, PostgreSQL backends ${cpu.postgresVisible ? `${cpu.postgres.toFixed(2)} ms` : 'not visible (remote server)'},` +
    ` load generator ${cpu.loadGenerator.toFixed(2)} ms, rest of the machine ${cpu.other.toFixed(2)} ms; machine ${(cpu.machineBusy * 100).toFixed(0)}% busy.`);
}

async function main(): Promise<void> {
  const scratch = await createScratchDatabase({ keep: args.keep! });
  await loadScratchDirectory(scratch.url, COUNT, Number(args['batch-size']));

  // --pool-size overrides the app's DB_POOL_SIZE (default 10); startMend leaves it as it finds it.
  if (args['pool-size']) process.env.DB_POOL_SIZE = args['pool-size'];
  const mend = await startMend(scratch.url);
  cleanups.push(() => mend.close());
  // The curated directory through the app's own seeder, then statistics over the whole table for the planner.
  const curated = await mend.app.get(CuratedSeeder).seedCuratedDirectory({ force: true, includeDemo: true });
  const dataSource = mend.app.get(DataSource);
  await dataSource.query('ANALYZE resource, resource_location, organization');
  const [h] = await dataSource.query(
    `SELECT count(*) FILTER (WHERE slug NOT LIKE 'synthetic-%')::int AS curated, count(*)::int AS total FROM resource WHERE kind = 'hotline' AND status = 'active'`,
  );
  log(`curated directory upserted (${curated.count} resources); active hotlines: ${h.total}, of which ${h.curated} curated`);
  const baseUrl = `http://127.0.0.1:${mend.port}`;
  const { headers, partnerId } = await intakeHeaders(mend.app);

  if (args.explain || args['explain-only']) {
    const profiled = await profileBodies(mend.app, partnerId);
    await explain(scratch.url, profiled);
  }
  if (args['explain-only']) return;
  await checkResponses(baseUrl, headers);
  if (BURST > 0) await burstProbe(baseUrl, headers, BURST);

  const admin = new pg.Client({ connectionString: scratch.url });
  await admin.connect();
  cleanups.push(() => admin.end());
  const { summary, cpu } = await measure('Mend app, POST /v1/intakes', baseUrl, headers, admin, scratch.name);

  console.log(`\n${machineLine()}; load generator, app and PostgreSQL share them. Database: ${scratch.label}. ` +
    `${COUNT} synthetic resources + the curated directory, ${CONNECTIONS} connections, ${DURATION} s after a ${WARMUP} s warm-up, mix of ${MIX.length} bodies.`);
  printSummary(summary, cpu);
  console.log(JSON.stringify({
    bench: 'intake',
    machine: machine(),
    resources: COUNT,
    p50Ms: round(summary.p50),
    p95Ms: round(summary.p95),
    p99Ms: round(summary.p99),
    rps: round(summary.rps, 1),
  }));
}

if (args['load-worker']) {
  runLoadWorker(JSON.parse(process.argv[process.argv.length - 1]) as IntakeLoadRequest);
} else {
  await runBenchmark(main);
}
