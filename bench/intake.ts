import 'reflect-metadata';

import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';

import type { INestApplication } from '@nestjs/common';
import pg from 'pg';
import { DataSource } from 'typeorm';

import type { IntakeResponse } from '../src/intake/dto/intake.response.js';
import { CuratedSeeder } from '../src/seeding/curated-seeder.js';
import { startMendReady } from './app-readiness.js';
import { COMMON_BENCH_OPTIONS, numericOptions } from './bench-options.js';
import {
  assertAllOk,
  cleanups,
  log,
  prepareScratchDirectory,
  round,
  runBenchmark,
  runLoad,
  summarise,
  type Summary,
} from './bench-support.js';
import { recordResponses, startCeiling } from './ceiling.js';
import { cpuSnapshot, type CpuSplit, cpuSplit } from './cpu-accounting.js';
import type { IntakeLoadRequest, IntakeLoadResult } from './intake-load-worker.js';
import { MIX } from './intake-mix.js';
import type { LoadResult } from './load-worker.js';
import { machine, machineLine } from './machine.js';
import { commitBeforeIndex, startPreviousApp } from './previous-app.js';

/**
 * `npm run bench:intake -- [--count 100000] [--duration 15] [--warmup 3] [--connections 10] [--timeout 30]
 *   [--skip-sql] [--keep | --reuse mend_bench_…] [--batch-size 5000] [--burst N] [--pool-size N]`
 *
 * Loads N synthetic resources plus the curated directory (so the crisis and domestic-violence
 * hotlines exist) into a scratch database, exactly as bench/search.ts does, starts the real Mend
 * app in-process (ready once /health/ready says so) and measures POST /v1/intakes for a fixed mix
 * of realistic bodies with autocannon in a child process (bench/intake-load-worker.ts), against
 * three targets, one at a time:
 * - the app, whatever its candidate source is;
 * - the ceiling: bare Fastify answering each body with the app's exact recorded 201 from memory;
 * - the SQL path: the app as it was before the directory index (--sql-ref, by default the parent of
 *   the commit that added src/resources/directory-search.ts; bench/previous-app.ts), built once into
 *   /var/tmp and started in this process on the same database: the previous SQL candidate query
 *   (candidate-search.sql.ts) with the ranking of its day. The candidate source became synchronous
 *   with the index, so it cannot be switched back inside the current app. Without an index in this
 *   checkout's history the app's reads are SQL already, and the SQL path is the app itself.
 * Every app and ceiling response must be 201, or the run fails; a failing SQL path leaves its
 * figures null. The last line of stdout is one JSON object.
 *
 * --burst N sends N self-harm intakes at the same instant before the
 * load and reports what came back; --pool-size N sets the app's DB_POOL_SIZE (default 10), as a diagnostic.
 * When the app has partner API keys, intakes are sent with the secret key of a bench partner.
 * Results and findings: docs/performance.md, "Intake".
 */

const { values: args } = parseArgs({
  options: {
    ...COMMON_BENCH_OPTIONS,
    'pool-size': { type: 'string' },
    burst: { type: 'string', default: '0' },
    'skip-sql': { type: 'boolean', default: false },
    'sql-ref': { type: 'string' },
  },
});
const {
  count: COUNT,
  duration: DURATION,
  warmup: WARMUP,
  connections: CONNECTIONS,
  timeout: TIMEOUT,
  burst: BURST,
} = numericOptions({
  count: args.count,
  duration: args.duration,
  warmup: args.warmup,
  connections: args.connections,
  timeout: args.timeout,
  burst: args.burst,
});

const WORKER = new URL('./intake-load-worker.js', import.meta.url);

async function measure(
  target: string,
  baseUrl: string,
  headers: Record<string, string>,
  admin: pg.Client,
  database: string,
): Promise<{ summary: Summary; cpu: CpuSplit }> {
  const bodies = MIX.map((m) => ({ name: m.name, body: JSON.stringify(m.body) }));
  const load = (durationSeconds: number) =>
    runLoad<IntakeLoadRequest, IntakeLoadResult>(
      { baseUrl, headers, bodies, connections: CONNECTIONS, durationSeconds, timeoutSeconds: TIMEOUT },
      WORKER,
    );
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
async function intakeHeaders(app: INestApplication): Promise<Record<string, string>> {
  const specifier = '../src/partners/partners.service.js'; // not a literal: the bench builds with or without the module
  let partners: { PartnersService: new (...args: never[]) => unknown };
  try {
    partners = (await import(specifier)) as typeof partners;
  } catch {
    log('no partner API keys in this build: intakes are posted without a key');
    return {};
  }
  type BenchPartners = {
    createPartner(input: {
      name: string;
      allowedOrigins: string[];
      rateLimitPerMinute: number;
    }): Promise<{ partner: { id: string }; keys: { plaintext: string; key: { scopes: string[] } }[] }>;
  };
  const service = app.get<unknown, BenchPartners>(partners.PartnersService);
  const { keys } = await service.createPartner({
    name: `bench-${Date.now()}`,
    allowedOrigins: [],
    rateLimitPerMinute: 1_000_000_000,
  });
  log(`bench partner created; intakes are posted with its secret key (${keys[0].key.scopes.join(', ')})`);
  return { authorization: `Bearer ${keys[0].plaintext}` };
}

/**
 * --burst N: N copies of the self-harm intake (the body that needs most connections at once: its
 * transaction's, plus the hotline and candidate queries side by side) sent at the same instant, once,
 * before the load. Reports statuses and latencies; does not fail the run (the load that follows does).
 */
async function burstProbe(baseUrl: string, headers: Record<string, string>, n: number, poolSize: number): Promise<void> {
  const body = JSON.stringify(MIX.find((m) => m.name.startsWith('self-harm'))!.body);
  const one = async () => {
    const t0 = performance.now();
    const res = await fetch(`${baseUrl}/v1/intakes`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body });
    const text = await res.text();
    return {
      status: res.status,
      ms: performance.now() - t0,
      code: res.status >= 300 ? (JSON.parse(text) as { code?: string }).code : undefined,
    };
  };
  const results = await Promise.all(Array.from({ length: n }, one));
  const byStatus = new Map<string, number>();
  for (const r of results)
    byStatus.set(`${r.status}${r.code ? ` ${r.code}` : ''}`, (byStatus.get(`${r.status}${r.code ? ` ${r.code}` : ''}`) ?? 0) + 1);
  const ms = results.map((r) => r.ms).sort((a, b) => a - b);
  console.log(
    `\nBurst of ${n} simultaneous self-harm intakes (app pool: DB_POOL_SIZE=${poolSize}): ` +
      `${[...byStatus].map(([k, v]) => `${v}× ${k}`).join(', ')}; latency min ${ms[0].toFixed(0)} ms, max ${ms[ms.length - 1].toFixed(0)} ms.`,
  );
}

/** Each body once through the SQL path: what it recommends and how many of its matches the app's response shares (informational). */
async function compareSqlPath(baseUrl: string, headers: Record<string, string>, appResponses: Map<string, IntakeResponse>): Promise<void> {
  console.log('\nSQL path vs app (the app may rank every eligible candidate where SQL took the first N, so matches can differ):');
  for (const m of MIX) {
    const res = await fetch(`${baseUrl}/v1/intakes`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify(m.body),
    });
    const text = await res.text();
    if (res.status !== 201) throw new Error(`SQL path, ${m.name}: expected 201, got ${res.status}: ${text.slice(0, 600)}`);
    const sql = JSON.parse(text) as IntakeResponse;
    const app = appResponses.get(m.name)!;
    const appIds = new Set(app.matches.map((x) => x.resource.id));
    const shared = sql.matches.filter((x) => appIds.has(x.resource.id)).length;
    console.log(
      `  ${m.name.padEnd(32)} ${sql.recommendation.type === app.recommendation.type ? 'same recommendation' : `recommendation ${sql.recommendation.type} vs ${app.recommendation.type}`}` +
        `, ${shared} of ${app.matches.length} matches shared${sql.matches.map((x) => x.resource.id).join() === app.matches.map((x) => x.resource.id).join() ? ' (same order)' : ''}`,
    );
  }
}

/** One request per body before any load: each must be 201 and do what its name says. */
async function checkResponses(baseUrl: string, headers: Record<string, string>): Promise<Map<string, IntakeResponse>> {
  console.log('\nResponses (one request per body, before the load):');
  const responses = new Map<string, IntakeResponse>();
  for (const m of MIX) {
    const res = await fetch(`${baseUrl}/v1/intakes`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify(m.body),
    });
    const text = await res.text();
    if (res.status !== 201) throw new Error(`${m.name}: expected 201, got ${res.status}: ${text.slice(0, 600)}`);
    const body = JSON.parse(text) as IntakeResponse;
    responses.set(m.name, body);
    const wantsHotlines = !!(m.body.safety as Record<string, boolean> | undefined);
    if (wantsHotlines && body.safety.resources.length === 0)
      throw new Error(`${m.name}: no hotlines in the response: is the curated directory loaded?`);
    if (body.matches.length === 0) throw new Error(`${m.name}: no matches`);
    console.log(
      `  ${m.name.padEnd(32)} ${body.recommendation.type.padEnd(22)} safety ${body.safety.level.padEnd(7)} matches ${String(body.matches.length).padStart(2)}` +
        `  hotlines ${String(body.safety.resources.length).padStart(4)}  relaxations [${body.relaxations.map((r) => r.code).join(', ')}]  ${(text.length / 1024).toFixed(1)} KiB`,
    );
    if (m.name.startsWith('rural') && body.relaxations.length === 0) log(`note: ${m.name} did not trigger any relaxation step`);
  }
  return responses;
}

function printSummary(s: Summary, cpu: CpuSplit): void {
  console.log(
    `\n${s.target}: ${round(s.rps, 1)} req/s (${s.ok} ok), latency p50 ${round(s.p50)} ms, p95 ${round(s.p95)} ms, p99 ${round(s.p99)} ms` +
      `  [autocannon, per connection: ${round(s.result.autocannon.rpsAverage, 1)} req/s summed, median p50 ${s.result.autocannon.p50} ms, worst p99 ${s.result.autocannon.p99} ms]`,
  );
  for (const p of s.byPath) {
    console.log(
      `  ${p.path.padEnd(32)} n=${String(p.n).padStart(6)}  p50 ${round(p.p50).toFixed(2).padStart(7)}  p95 ${round(p.p95).toFixed(2).padStart(7)}  p99 ${round(p.p99).toFixed(2).padStart(7)} ms`,
    );
  }
  console.log(
    `  CPU per request: app (Node) ${cpu.node.toFixed(2)} ms, PostgreSQL backends ${cpu.postgresVisible ? `${cpu.postgres.toFixed(2)} ms` : 'not visible (remote server)'},` +
      ` load generator ${cpu.loadGenerator.toFixed(2)} ms, rest of the machine ${cpu.other.toFixed(2)} ms; machine ${(cpu.machineBusy * 100).toFixed(0)}% busy.`,
  );
}

/** The curated directory through the app's own seeder, then statistics over the whole table for the planner. */
async function seedCurated(app: INestApplication): Promise<void> {
  const curated = await app.get(CuratedSeeder).seedCuratedDirectory({ force: true, includeDemo: true });
  const dataSource = app.get(DataSource);
  await dataSource.query('ANALYZE resource, resource_location, organization');
  const [h] = await dataSource.query<[{ curated: number; total: number }]>(
    `SELECT count(*) FILTER (WHERE slug NOT LIKE 'synthetic-%')::int AS curated, count(*)::int AS total FROM resource WHERE kind = 'hotline' AND status = 'active'`,
  );
  log(`curated directory upserted (${curated.count} resources); active hotlines: ${h.total}, of which ${h.curated} curated`);
}

/**
 * The SQL path under load: the app at the commit before the directory index (--sql-ref, or found in
 * git), or this app when it has no index; its answers compared with the app's first. Null, with the
 * reason logged, when it cannot be measured.
 */
async function measureSqlPath(
  baseUrl: string,
  headers: Record<string, string>,
  appResponses: Map<string, IntakeResponse>,
  admin: pg.Client,
  scratch: Awaited<ReturnType<typeof prepareScratchDirectory>>,
  mend: Awaited<ReturnType<typeof startMendReady>>,
): Promise<Awaited<ReturnType<typeof measure>> | null> {
  try {
    const ref = args['sql-ref'] ?? commitBeforeIndex();
    let sqlBase = baseUrl;
    if (ref) {
      const previous = await startPreviousApp(ref, scratch.url, { API_KEY_SECRET: mend.env.API_KEY_SECRET! });
      cleanups.push(() => previous.close());
      sqlBase = `http://127.0.0.1:${previous.port}`;
      log(`SQL path: the app at ${previous.commit.slice(0, 12)}`);
    } else if (existsSync(new URL('../src/resources/directory-search.js', import.meta.url))) {
      // An index in the build but no commit adding it (e.g. an uncommitted merge): the app is not a SQL path.
      throw new Error('this build answers from the directory index but no commit added it: pass --sql-ref <commit before the index>');
    } else {
      log('SQL path: no directory index in this build, so the app itself is the SQL path');
    }
    await compareSqlPath(sqlBase, headers, appResponses);
    return await measure('SQL path (the app before the directory index)', sqlBase, headers, admin, scratch.name);
  } catch (error) {
    log(`SQL path not measured: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  }
}

async function main(): Promise<void> {
  if (args.explain || args['explain-only']) {
    // It recorded and explained the SQL candidate statements, which intake no longer runs.
    throw new Error(
      '--explain is gone from bench:intake: candidates come from the in-memory directory index, not SQL. ' +
        'Profile the app with node --cpu-prof instead (docs/performance.md, "Where the time goes").',
    );
  }
  const scratch = await prepareScratchDirectory({
    keep: args.keep,
    reuse: args.reuse,
    count: COUNT,
    batchSize: Number(args['batch-size']),
  });

  // --pool-size overrides the app's DB_POOL_SIZE (default 10).
  const mend = await startMendReady(scratch.url, args['pool-size'] ? { DB_POOL_SIZE: args['pool-size'] } : {});
  cleanups.push(() => mend.close());
  await seedCurated(mend.app);
  const baseUrl = `http://127.0.0.1:${mend.port}`;
  const headers = await intakeHeaders(mend.app);

  const appResponses = await checkResponses(baseUrl, headers);
  if (BURST > 0) await burstProbe(baseUrl, headers, BURST, mend.env.DB_POOL_SIZE);

  const ceiling = await startCeiling(
    await recordResponses(
      baseUrl,
      MIX.map((m) => ({ method: 'POST' as const, path: '/v1/intakes', body: JSON.stringify(m.body), headers })),
    ),
  );
  cleanups.push(() => ceiling.close());

  const admin = new pg.Client({ connectionString: scratch.url });
  await admin.connect();
  cleanups.push(() => admin.end());

  // One target under load at a time, each with its own warm-up.
  const ceilingRun = await measure(
    'ceiling (bare Fastify, exact bodies from memory)',
    `http://127.0.0.1:${ceiling.port}`,
    {},
    admin,
    scratch.name,
  );
  const sqlRun = args['skip-sql'] ? null : await measureSqlPath(baseUrl, headers, appResponses, admin, scratch, mend);
  const appRun = await measure('Mend app, POST /v1/intakes', baseUrl, headers, admin, scratch.name);

  console.log(
    `\n${machineLine()}; load generator, app and PostgreSQL share them. Database: ${scratch.label}. ` +
      `${COUNT} synthetic resources + the curated directory, ${CONNECTIONS} connections, ${DURATION} s per target after a ${WARMUP} s warm-up, mix of ${MIX.length} bodies.`,
  );
  console.log(`Directory index: ${mend.index.source}.`);
  printSummary(ceilingRun.summary, ceilingRun.cpu);
  if (sqlRun) printSummary(sqlRun.summary, sqlRun.cpu);
  printSummary(appRun.summary, appRun.cpu);
  const app = appRun.summary;
  const ceilingRatio = app.rps / ceilingRun.summary.rps;
  const speedup = sqlRun ? app.rps / sqlRun.summary.rps : null;
  console.log(
    `\napp / ceiling throughput: ${(ceilingRatio * 100).toFixed(1)}%; ` +
      `speed-up over the SQL path: ${speedup === null ? 'not measured' : `${speedup.toFixed(1)}× throughput, p95 ${round(sqlRun!.summary.p95)} → ${round(app.p95)} ms`}`,
  );
  console.log(
    JSON.stringify({
      bench: 'intake',
      resources: COUNT,
      p50Ms: round(app.p50),
      p95Ms: round(app.p95),
      p99Ms: round(app.p99),
      rps: round(app.rps, 1),
      ceilingRps: round(ceilingRun.summary.rps, 1),
      ceilingRatio: round(ceilingRatio, 3),
      sqlP95Ms: sqlRun ? round(sqlRun.summary.p95) : null,
      sqlRps: sqlRun ? round(sqlRun.summary.rps, 1) : null,
      speedup: speedup === null ? null : round(speedup, 1),
      indexBuildMs: Math.round(mend.index.buildMs),
      indexRssMb: Math.round(mend.index.rssMb),
      machine: machine(),
    }),
  );
}

await runBenchmark(main);
