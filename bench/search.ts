import 'reflect-metadata';

import { parseArgs } from 'node:util';

import pg from 'pg';

import { countSql, facetsSql, searchSql } from '../src/resources/resource-search.sql.js';
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
import { machine, machineLine } from './machine.js';
import { facetObject, type FacetRow, prepare, type Prepared, PREVIOUS_TOTAL_CAP, startSqlPath, statements } from './search-sql-path.js';

/**
 * `npm run bench:search -- [--count 100000] [--duration 15] [--warmup 3] [--connections 10] [--timeout 30]
 *   [--deep-pages 50] [--skip-sql] [--explain | --explain-only] [--keep | --reuse mend_bench_…] [--batch-size 5000]`
 *
 * Loads N synthetic resources into a scratch database (a new `mend_bench_<hex>` on the server
 * at DATABASE_URL, or on a throwaway embedded server), then measures GET /v1/resources for a
 * fixed mix of searches against three targets, one at a time, all in this process:
 * - the app: the real Mend app, whatever its search engine is (ready once /health/ready says so);
 * - the ceiling: bare Fastify answering each URL with the app's exact response from memory
 *   (bench/ceiling.ts): what no engine can beat on this machine;
 * - the SQL path: bare Fastify + pg running the previous SQL search (resource-search.sql.ts),
 *   for the speed-up factor.
 * Before any load, every URL's ids (in order; as a set for relevance), exact total and facet
 * counts from the app must equal PostgreSQL's. The load generator (autocannon) runs in a child
 * process. Any non-2xx answer from the app or the ceiling fails the run; one from the SQL path
 * (at 1M its text search can pass the statement timeout) leaves its figures null. The last line of
 * stdout is one JSON object.
 */

const { values: args } = parseArgs({
  options: {
    ...COMMON_BENCH_OPTIONS,
    'deep-pages': { type: 'string', default: '50' },
    'skip-sql': { type: 'boolean', default: false },
  },
});
const {
  count: COUNT,
  duration: DURATION,
  warmup: WARMUP,
  connections: CONNECTIONS,
  timeout: TIMEOUT,
  deepPages: DEEP_PAGES,
} = numericOptions({
  count: args.count,
  duration: args.duration,
  warmup: args.warmup,
  connections: args.connections,
  timeout: args.timeout,
  deepPages: args['deep-pages'],
});

/** An exact count: the cap of countSql, out of reach. */
const NO_CAP = 2_000_000_000;

type Category = 'filters' | 'near' | 'text' | 'facets' | 'relevance' | 'deep';
interface MixEntry {
  name: string;
  category: Category;
  path: string;
}

/** The fixed query mix: two of each kind of search the directory serves, a relevance query and a deep keyset page. */
const MIX: MixEntry[] = [
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
  { name: 'relevance: trust affair', category: 'relevance', path: '/v1/resources?q=trust%20affair&sort=relevance' },
];
/** The deep keyset page: this search's page DEEP_PAGES + 1, reached by following `nextCursor` from the first. */
const DEEP_BASE = '/v1/resources?format=in_person';

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

// ---------------------------------------------------------------------------------------------
// Preparation and the comparison with PostgreSQL

interface Page {
  data: { id: string }[];
  page: { total: number; totalExact?: boolean; nextCursor: string | null };
  facets?: Record<string, { value: string; count: number }[]>;
}

async function getPage(baseUrl: string, path: string): Promise<Page> {
  const res = await fetch(baseUrl + path);
  const text = await res.text();
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${text.slice(0, 400)}`);
  return JSON.parse(text) as Page;
}

const withCursor = (path: string, cursor: string) => `${path}${path.includes('?') ? '&' : '?'}cursor=${encodeURIComponent(cursor)}`;

/** The deep keyset page's URL: `nextCursor` followed DEEP_PAGES times from the app's first page. */
async function deepPagePath(appBase: string): Promise<{ path: string; depth: number }> {
  let path = DEEP_BASE;
  let depth = 0;
  while (depth < DEEP_PAGES) {
    const next = (await getPage(appBase, path)).page.nextCursor;
    if (!next) break;
    path = withCursor(DEEP_BASE, next);
    depth++;
  }
  if (depth < DEEP_PAGES) log(`warning: ${DEEP_BASE} has only ${depth + 1} pages; the deep page is page ${depth + 1}`);
  return { path, depth };
}

/** Every id a search matches, through the app, following cursors at the largest page size. */
async function allAppIds(appBase: string, path: string): Promise<string[]> {
  const base = `${path}&limit=100`;
  const ids: string[] = [];
  for (let page = await getPage(appBase, base); ;) {
    ids.push(...page.data.map((r) => r.id));
    if (!page.page.nextCursor) return ids;
    page = await getPage(appBase, withCursor(base, page.page.nextCursor));
  }
}

/**
 * Before any load: for every URL, the app's page must equal PostgreSQL's: ids in order (for
 * relevance the whole match set, since the app may rank with BM25 where SQL ranks with
 * ts_rank_cd: the orders differ by design), the exact total (an app that still caps its count
 * may say "at least PREVIOUS_TOTAL_CAP"), and the facet counts.
 */
async function compareWithSql(appBase: string, client: pg.Client, prepared: Map<string, Prepared>): Promise<void> {
  console.log('\nResponses (app vs PostgreSQL: ids, exact totals and facet counts must agree):');
  for (const m of MIX) {
    const p = prepared.get(m.path)!;
    const app = await getPage(appBase, m.path);
    const appIds = app.data.map((r) => r.id);
    const [{ total: exactTotal }] = (await client.query<{ total: number }>(countSql(p.criteria, NO_CAP))).rows;
    const fail = (what: string) => {
      throw new Error(`${m.name} (${m.path}): app and SQL disagree on ${what}`);
    };

    if (p.sort === 'relevance') {
      // The whole match set, in any order: SQL by name (no ranking needed), the app by its own pages.
      const sqlIds = (await client.query<{ id: string }>(searchSql(p.criteria, { sort: 'name', limit: exactTotal }))).rows.map((r) => r.id);
      const appAll = await allAppIds(appBase, m.path);
      const sqlSet = new Set(sqlIds);
      if (appAll.length !== sqlIds.length || new Set(appAll).size !== appAll.length || appAll.some((id) => !sqlSet.has(id))) {
        fail(`the match set (app ${appAll.length} ids over its pages, SQL ${sqlIds.length})`);
      }
    } else {
      const sqlIds = (await client.query<{ id: string }>(searchSql(p.criteria, { sort: p.sort, limit: p.limit, after: p.after }))).rows
        .slice(0, p.limit)
        .map((r) => r.id);
      if (appIds.join(',') !== sqlIds.join(',')) fail(`the page's ids in order (app ${appIds.length}, SQL ${sqlIds.length})`);
    }

    const capped = app.page.totalExact === false;
    if (capped ? app.page.total !== PREVIOUS_TOTAL_CAP || exactTotal < PREVIOUS_TOTAL_CAP : app.page.total !== exactTotal) {
      fail(`the total (app ${app.page.total}${capped ? ', "at least"' : ''}, SQL exactly ${exactTotal})`);
    }
    let facetValues = 0;
    if (p.facets.length) {
      const sqlFacets = facetObject(p.facets, (await client.query<FacetRow>(facetsSql(p.criteria, p.facets))).rows);
      if (JSON.stringify(app.facets) !== JSON.stringify(sqlFacets)) fail('the facet counts');
      facetValues = Object.values(sqlFacets).reduce((n, v) => n + v.length, 0);
    }
    console.log(
      `  ${m.name.padEnd(36)} total ${String(exactTotal).padStart(8)}${capped ? ' (app: capped)' : ''}  page ${String(appIds.length).padStart(3)}` +
        `${facetValues ? `  facet values ${facetValues}` : ''}${p.sort === 'relevance' ? '  (match set compared)' : ''}`,
    );
    if (exactTotal === 0) log(`warning: ${m.path} matches nothing; it measures an empty search`);
  }
}

/** The SQL path must answer every URL with the same page as SQL itself (ids in order) before it is measured. */
async function checkSqlPath(sqlBase: string, appBase: string, prepared: Map<string, Prepared>): Promise<void> {
  for (const m of MIX) {
    if (prepared.get(m.path)!.sort === 'relevance') continue; // ranked by ts_rank_cd here: compared as a set above
    const [sql, app] = await Promise.all([getPage(sqlBase, m.path), getPage(appBase, m.path)]);
    if (sql.data.map((r) => r.id).join(',') !== app.data.map((r) => r.id).join(',')) {
      throw new Error(`${m.name}: the SQL path's page differs from the app's`);
    }
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

/** The SQL path's figures, or null when a statement failed or timed out under load (reported, not fatal). */
async function measureSqlPath(sqlBase: string): Promise<Summary | null> {
  try {
    return await measure('SQL path (bare Fastify + pg, previous search SQL)', sqlBase);
  } catch (error) {
    log(`SQL path not measured: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  }
}

async function main(): Promise<void> {
  const scratch = await prepareScratchDirectory({
    keep: args.keep,
    reuse: args.reuse,
    count: COUNT,
    batchSize: Number(args['batch-size']),
  });

  const prepared = new Map<string, Prepared>();
  for (const m of MIX) prepared.set(m.path, await prepare(m.path));

  if (args.explain || args['explain-only']) await explain(scratch.url, prepared);
  if (args['explain-only']) return;

  const mend = await startMendReady(scratch.url);
  cleanups.push(() => mend.close());
  const appBase = `http://127.0.0.1:${mend.port}`;

  const deep = await deepPagePath(appBase);
  MIX.push({ name: `deep page: in_person, page ${deep.depth + 1}`, category: 'deep', path: deep.path });
  prepared.set(deep.path, await prepare(deep.path));

  const client = new pg.Client({ connectionString: scratch.url });
  await client.connect();
  cleanups.push(() => client.end());
  await compareWithSql(appBase, client, prepared);

  const ceiling = await startCeiling(
    await recordResponses(
      appBase,
      MIX.map((m) => ({ method: 'GET' as const, path: m.path })),
    ),
  );
  cleanups.push(() => ceiling.close());
  let sqlBase: string | undefined;
  if (!args['skip-sql']) {
    const sqlPath = await startSqlPath(scratch.url, prepared, TIMEOUT);
    cleanups.push(() => sqlPath.close());
    sqlBase = `http://127.0.0.1:${sqlPath.port}`;
    await checkSqlPath(sqlBase, appBase, prepared);
  }

  // One target under load at a time, each with its own warm-up.
  const ceilingSummary = await measure('ceiling (bare Fastify, exact bodies from memory)', `http://127.0.0.1:${ceiling.port}`);
  const sqlSummary = sqlBase ? await measureSqlPath(sqlBase) : null;
  const appSummary = await measure('Mend app', appBase);

  console.log(
    `\n${machineLine()}; load generator, app and PostgreSQL share them. Database: ${scratch.label}. ${COUNT} resources, ${CONNECTIONS} connections, ${DURATION} s per target after a ${WARMUP} s warm-up, mix of ${MIX.length} URLs.`,
  );
  console.log(`Directory index: ${mend.index.source}.`);
  printSummary(ceilingSummary);
  if (sqlSummary) printSummary(sqlSummary);
  printSummary(appSummary);
  const ceilingRatio = appSummary.rps / ceilingSummary.rps;
  const speedup = sqlSummary ? appSummary.rps / sqlSummary.rps : null;
  console.log(
    `\napp / ceiling throughput: ${(ceilingRatio * 100).toFixed(1)}%; ` +
      `speed-up over the SQL path: ${speedup === null ? 'not measured' : `${speedup.toFixed(1)}× throughput, p95 ${round(sqlSummary!.p95)} → ${round(appSummary.p95)} ms`}`,
  );
  console.log(
    JSON.stringify({
      bench: 'search',
      resources: COUNT,
      p50Ms: round(appSummary.p50),
      p95Ms: round(appSummary.p95),
      p99Ms: round(appSummary.p99),
      rps: round(appSummary.rps, 1),
      ceilingRps: round(ceilingSummary.rps, 1),
      ceilingRatio: round(ceilingRatio, 3),
      sqlP95Ms: sqlSummary ? round(sqlSummary.p95) : null,
      sqlRps: sqlSummary ? round(sqlSummary.rps, 1) : null,
      speedup: speedup === null ? null : round(speedup, 1),
      indexBuildMs: Math.round(mend.index.buildMs),
      indexRssMb: Math.round(mend.index.rssMb),
      machine: machine(),
    }),
  );
}

await runBenchmark(main);
