import 'reflect-metadata';
import Fastify, { type FastifyInstance } from 'fastify';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { createValidationPipe } from '../src/common/problem/validation.js';
import { findFreePort } from '../src/database/embedded-postgres.js';
import { SearchResourcesQuery, type FacetField, type SortOrder } from '../src/resources/dto/search-resources.query.js';
import type { ResourceSearchCriteria } from '../src/resources/resource-search.criteria.js';
import { countSql, facetsSql, searchSql, type BuiltSql } from '../src/resources/resource-search.sql.js';
import { DEFAULT_PAGE_SIZE, ResourcesService } from '../src/resources/resources.service.js';
import {
  assertAllOk,
  cleanups,
  createScratchDatabase,
  loadScratchDirectory,
  log,
  round,
  runBenchmark,
  runLoad,
  startMend as startApp,
  summarise,
  type Summary,
} from './bench-support.js';
import { COMMON_BENCH_OPTIONS, numericOptions } from './bench-options.js';
import { machine, machineLine } from './machine.js';

/**
 * `npm run bench:search -- [--count 100000] [--duration 15] [--warmup 3] [--connections 10] [--timeout 30]
 *   [--explain | --explain-only] [--keep] [--batch-size 5000]`
 *
 * Loads N synthetic resources into a scratch database (a new `mend_bench_<hex>` on the server
 * at DATABASE_URL, or on a throwaway embedded server), then measures GET /v1/resources for a
 * fixed mix of searches against (1) the real Mend app, in-process, answering from its in-memory
 * directory index (built before the load starts), and (2) the previous SQL path: bare Fastify +
 * pg running resource-search.sql.ts for the same criteria.
 * The load generator (autocannon) runs in a child process. Any non-2xx response fails the run.
 * The last line of stdout is one JSON object with the app's figures and the ratio to the floor.
 */

const { values: args } = parseArgs({
  options: { ...COMMON_BENCH_OPTIONS },
});
const {
  count: COUNT,
  duration: DURATION,
  warmup: WARMUP,
  connections: CONNECTIONS,
  timeout: TIMEOUT,
} = numericOptions({
  count: args.count,
  duration: args.duration,
  warmup: args.warmup,
  connections: args.connections,
  timeout: args.timeout,
});
/**
 * The previous SQL path capped totals at 1,000 (page.totalExact false above); the app now counts
 * every match from its index, so the floor counts every match too (countSql's cap as large as an int4 allows).
 */
const COUNT_EVERY_MATCH = 2_147_483_646;

/** The fixed query mix: two of each kind of search the directory serves. */
const MIX: { name: string; category: 'filters' | 'near' | 'text' | 'facets'; path: string }[] = [
  { name: 'filters: video+infidelity+maxFee', category: 'filters', path: '/v1/resources?format=video&specialty=infidelity&maxFee=120' },
  { name: 'filters: clinic+sliding+spanish', category: 'filters', path: '/v1/resources?kind=clinic&slidingScale=true&language=es' },
  { name: 'near: postalCode 43215 25km', category: 'near', path: '/v1/resources?postalCode=43215&radiusKm=25&specialty=trust_rebuilding' },
  {
    name: 'near: Chicago 40km in_person',
    category: 'near',
    path: '/v1/resources?near=41.8781,-87.6298&radiusKm=40&format=in_person&acceptingNewClients=true',
  },
  { name: 'text: affair+video', category: 'text', path: '/v1/resources?q=affair&format=video' },
  { name: 'text: drinking+serves TX', category: 'text', path: '/v1/resources?q=drinking&serves=US-TX' },
  { name: 'facets: in_person', category: 'facets', path: '/v1/resources?facets=format,kind,specialty&format=in_person' },
  { name: 'facets: online+maxFee', category: 'facets', path: '/v1/resources?facets=specialty,approach&kind=online_service&maxFee=100' },
];

// ---------------------------------------------------------------------------------------------
// The mix, normalised exactly as the app does it (validation pipe → toCriteria → default sort)

interface Prepared {
  criteria: ResourceSearchCriteria;
  sort: SortOrder;
  limit: number;
  facets: FacetField[];
}

function rawQuery(path: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of new URL(path, 'http://bench').searchParams) {
    const prev = out[key];
    out[key] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
  }
  return out;
}

async function prepare(path: string): Promise<Prepared> {
  const pipe = createValidationPipe();
  const query = (await pipe.transform(rawQuery(path), { type: 'query', metatype: SearchResourcesQuery })) as SearchResourcesQuery;
  // toCriteria and the default sort are the service's own code; its repository and index are not used.
  const service = new ResourcesService(null as never, null as never);
  const criteria = service.toCriteria(query);
  const sort = (service as unknown as { sortFor(q: SearchResourcesQuery, c: ResourceSearchCriteria): SortOrder }).sortFor(query, criteria);
  return { criteria, sort, limit: query.limit ?? DEFAULT_PAGE_SIZE, facets: (query.facets ?? []) as FacetField[] };
}

function statements(p: Prepared): { label: string; sql: BuiltSql }[] {
  const out = [{ label: 'search', sql: searchSql(p.criteria, { sort: p.sort, limit: p.limit }) }];
  // As the previous SQL path did: the total comes from the facet pass, or from a count (now of every match).
  out.push(
    p.facets.length
      ? { label: 'facets', sql: facetsSql(p.criteria, p.facets) }
      : { label: 'count', sql: countSql(p.criteria, COUNT_EVERY_MATCH) },
  );
  return out;
}

// ---------------------------------------------------------------------------------------------
// The floor: bare Fastify + pg, same statements, rows straight to JSON

async function startFloor(databaseUrl: string, prepared: Map<string, Prepared>): Promise<{ app: FastifyInstance; port: number }> {
  // Same pool size and statement timeout as the app's (DB_POOL_SIZE default, data-source-options.ts).
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10, statement_timeout: 10_000 });
  const app = Fastify({ logger: false });
  app.get('/v1/resources', async (request, reply) => {
    const p = prepared.get(request.url);
    if (!p) return reply.code(404).send({ error: 'not in the mix' });
    // Built per request, like the app does.
    // The previous SQL path's statements: search, plus the facet pass (which yields the total) or a count of every match.
    const [rows, aggregate] = await Promise.all([
      pool.query(searchSql(p.criteria, { sort: p.sort, limit: p.limit })),
      pool.query(p.facets.length ? facetsSql(p.criteria, p.facets) : countSql(p.criteria, COUNT_EVERY_MATCH)),
    ]);
    if (!p.facets.length) {
      const counted: number = aggregate.rows[0].total;
      return {
        data: rows.rows.slice(0, p.limit),
        page: { limit: p.limit, total: counted, totalExact: true },
      };
    }
    const total = aggregate.rows.find((r: { facet: string }) => r.facet === '')?.count ?? 0;
    return {
      data: rows.rows.slice(0, p.limit),
      page: { limit: p.limit, total, totalExact: true },
      facets: aggregate.rows.filter((r: { facet: string }) => r.facet !== ''),
    };
  });
  app.addHook('onClose', async () => pool.end());
  const port = await findFreePort();
  await app.listen({ port, host: '127.0.0.1' });
  return { app, port };
}

async function startMend(databaseUrl: string): Promise<{ close: () => Promise<void>; port: number }> {
  return startApp(databaseUrl);
}

// ---------------------------------------------------------------------------------------------
// Load

async function measure(target: string, baseUrl: string): Promise<Summary> {
  const paths = MIX.map((m) => m.path);
  if (WARMUP > 0) {
    log(`${target}: warm-up ${WARMUP} s`);
    const warm = await runLoad({ baseUrl, paths, connections: CONNECTIONS, durationSeconds: WARMUP, timeoutSeconds: TIMEOUT });
    assertAllOk(`${target} (warm-up)`, warm);
  }
  log(`${target}: ${DURATION} s at ${CONNECTIONS} connections`);
  const result = await runLoad({ baseUrl, paths, connections: CONNECTIONS, durationSeconds: DURATION, timeoutSeconds: TIMEOUT });
  assertAllOk(target, result);
  return summarise(target, result);
}

/**
 * Same answers: the app's total must equal the floor's for every URL, and so must its first page,
 * except in relevance order (the index ranks by BM25, the SQL by ts_rank_cd).
 */
async function checkResponses(appBase: string, floorBase: string): Promise<void> {
  console.log('\nResponses (app vs floor: totals, and first page ids outside relevance order, must agree):');
  for (const m of MIX) {
    const [a, f] = await Promise.all([fetch(appBase + m.path), fetch(floorBase + m.path)]);
    const [aBody, fBody] = await Promise.all([a.json() as Promise<any>, f.json() as Promise<any>]);
    if (a.status !== 200 || f.status !== 200) {
      throw new Error(
        `${m.path}: app ${a.status} ${JSON.stringify(aBody).slice(0, 400)}; floor ${f.status} ${JSON.stringify(fBody).slice(0, 400)}`,
      );
    }
    const aIds = aBody.data.map((r: { id: string }) => r.id).join(',');
    const fIds = fBody.data.map((r: { id: string }) => r.id).join(',');
    const params = new URL(m.path, 'http://bench').searchParams;
    const relevance = params.get('sort') === 'relevance' || (params.has('q') && !params.has('sort'));
    if ((!relevance && aIds !== fIds) || aBody.page.total !== fBody.page.total) {
      throw new Error(`${m.path}: app and floor disagree (total ${aBody.page.total} vs ${fBody.page.total})`);
    }
    const facetCount = aBody.facets ? Object.values(aBody.facets as Record<string, unknown[]>).reduce((n, v) => n + v.length, 0) : 0;
    console.log(
      `  ${m.name.padEnd(36)} total ${String(aBody.page.total).padStart(7)}  page ${String(aBody.data.length).padStart(3)}${facetCount ? `  facet values ${facetCount}` : ''}  ${(Number(a.headers.get('content-length') ?? 0) / 1024).toFixed(0)} KiB`,
    );
    if (aBody.page.total === 0) log(`warning: ${m.path} matches nothing; it measures an empty search`);
  }
}

// ---------------------------------------------------------------------------------------------
// EXPLAIN

interface PlanFinding {
  query: string;
  statement: string;
  ms: number;
  indexes: string[];
  seqScans: { relation: string; rows: number; removed: number }[];
}

async function explain(databaseUrl: string, prepared: Map<string, Prepared>): Promise<PlanFinding[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const findings: PlanFinding[] = [];
  try {
    for (const m of MIX) {
      for (const { label, sql } of statements(prepared.get(m.path)!)) {
        await client.query(sql.text, sql.values); // warm the cache, as under load
        const { rows } = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql.text}`, sql.values);
        const plan = rows.map((r: Record<string, string>) => r['QUERY PLAN']);
        console.log(`\n-- ${m.name} / ${label}: ${m.path}\n${plan.join('\n')}`);
        const text = plan.join('\n');
        const indexes = [...text.matchAll(/(?:Index(?: Only)? Scan(?: Backward)? using|Bitmap Index Scan on) (\S+)/g)].map((x) => x[1]);
        // PostgreSQL 18 prints average rows per loop with decimals (rows=23222.67 loops=3).
        const seqScans = [
          ...text.matchAll(
            /Seq Scan on (\S+) \S+ .*?\(actual time=[\d.]+\.\.[\d.]+ rows=([\d.]+) loops=(\d+)\)(?:\n\s+Filter: [^\n]*\n\s+Rows Removed by Filter: (\d+))?/g,
          ),
        ].map((x) => ({ relation: x[1], rows: Math.round(Number(x[2]) * Number(x[3])), removed: Number(x[4] ?? 0) * Number(x[3]) }));
        const ms = Number(/Execution Time: ([\d.]+) ms/.exec(text)?.[1] ?? NaN);
        findings.push({ query: m.name, statement: label, ms, indexes: [...new Set(indexes)], seqScans });
      }
    }
  } finally {
    await client.end();
  }
  console.log('\nPlan summary (warm cache):');
  console.log(`  ${'query'.padEnd(36)} ${'stmt'.padEnd(7)} ${'ms'.padStart(8)}  indexes / seq scans`);
  for (const f of findings) {
    const seq = f.seqScans.map((s) => `SEQ SCAN ${s.relation} (${s.rows} rows kept, ${s.removed} removed)`);
    console.log(
      `  ${f.query.padEnd(36)} ${f.statement.padEnd(7)} ${f.ms.toFixed(2).padStart(8)}  ${[...f.indexes, ...seq].join(', ') || '-'}`,
    );
  }
  const suspicious = findings.filter((f) => f.seqScans.some((s) => s.relation === 'resource' || s.relation === 'resource_location'));
  if (suspicious.length) {
    console.log(
      `\n  ${suspicious.length} statement(s) scan a whole table: check whether the filter is selective enough for an index to pay off (see docs/performance.md).`,
    );
  } else {
    console.log('\n  No sequential scans of resource or resource_location.');
  }
  return findings;
}

// ---------------------------------------------------------------------------------------------

function printSummary(s: Summary): void {
  console.log(
    `\n${s.target}: ${round(s.rps, 1)} req/s (${s.ok} ok), latency p50 ${round(s.p50)} ms, p95 ${round(s.p95)} ms, p99 ${round(s.p99)} ms` +
      `  [autocannon: ${round(s.result.autocannon.rpsAverage, 1)} req/s avg, p50 ${s.result.autocannon.p50} ms, p99 ${s.result.autocannon.p99} ms]`,
  );
  for (const p of s.byPath) {
    const name = MIX.find((m) => m.path === p.path)!.name;
    console.log(
      `  ${name.padEnd(36)} n=${String(p.n).padStart(6)}  p50 ${round(p.p50).toFixed(2).padStart(7)}  p95 ${round(p.p95).toFixed(2).padStart(7)}  p99 ${round(p.p99).toFixed(2).padStart(7)} ms`,
    );
  }
}

async function main(): Promise<void> {
  const scratch = await createScratchDatabase({ keep: args.keep! });
  await loadScratchDirectory(scratch.url, COUNT, Number(args['batch-size']));

  const prepared = new Map<string, Prepared>();
  for (const m of MIX) prepared.set(m.path, await prepare(m.path));

  if (args.explain || args['explain-only']) await explain(scratch.url, prepared);
  if (args['explain-only']) return;

  const floor = await startFloor(scratch.url, prepared);
  cleanups.push(() => floor.app.close());
  const mend = await startMend(scratch.url);
  cleanups.push(() => mend.close());
  const appBase = `http://127.0.0.1:${mend.port}`;
  const floorBase = `http://127.0.0.1:${floor.port}`;

  await checkResponses(appBase, floorBase);
  // Floor first, then the app, each with its own warm-up; only one is under load at a time.
  const floorSummary = await measure('floor (bare Fastify + pg, same SQL)', floorBase);
  const appSummary = await measure('Mend app (NestJS + TypeORM)', appBase);

  console.log(
    `\n${machineLine()}; load generator, app and PostgreSQL share them. Database: ${scratch.label}. ${COUNT} resources, ${CONNECTIONS} connections, ${DURATION} s per target after a ${WARMUP} s warm-up, mix of ${MIX.length} URLs.`,
  );
  printSummary(floorSummary);
  printSummary(appSummary);
  const ratio = appSummary.rps / floorSummary.rps;
  console.log(`\napp / floor throughput: ${(ratio * 100).toFixed(1)}%`);
  console.log(
    JSON.stringify({
      machine: machine(),
      bench: 'search',
      resources: COUNT,
      p50Ms: round(appSummary.p50),
      p95Ms: round(appSummary.p95),
      p99Ms: round(appSummary.p99),
      rps: round(appSummary.rps, 1),
      floorRps: round(floorSummary.rps, 1),
      ratio: round(ratio, 3),
    }),
  );
}

await runBenchmark(main);
