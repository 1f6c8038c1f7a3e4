import { PerformanceObserver } from 'node:perf_hooks';
import { parseArgs } from 'node:util';

import type pg from 'pg';

import { generateSyntheticResources } from '../seeds/synthetic.js';
import { requirePostalCode } from '../src/common/place/place.js';
import type { CandidateCriteria } from '../src/resources/candidate-criteria.js';
import { Bitmap } from '../src/resources/directory-index/bitmap.js';
import { DirectoryIndex } from '../src/resources/directory-index/directory-index.js';
import { englishLexeme } from '../src/resources/directory-index/english-text.js';
import type { IndexRow } from '../src/resources/directory-index/index-row.js';
import { indexRow } from '../src/resources/directory-index/testing.js';
import type { FacetField } from '../src/resources/dto/search-resources.query.js';
import type { ResourceSearchCriteria, SearchPage } from '../src/resources/resource-search.criteria.js';
import { buildTsQuery } from '../src/resources/search-text.js';
import { log, percentile, round } from './bench-support.js';
import { machineLine } from './machine.js';

/**
 * `npm run bench:index -- [--count 100000] [--runs 300]`
 *
 * The in-memory directory index alone, no database and no HTTP: seeds/synthetic.ts generates the
 * rows (its SQL writes are captured instead of sent), a stand-in for to_tsvector('english') makes
 * their search_vector (close to PostgreSQL's, not equal: positions of hyphenated words differ),
 * and batches stream into DirectoryIndex.builder() as they come. Reported: build time, memory
 * (RSS and heap after a full GC, native bitmap bytes, row store), and p50/p95 per query of the
 * search mix in docs/performance.md, a deep keyset page, hydration of a page, and a broad intake.
 * The last stdout line is one JSON object.
 */

const { values: args } = parseArgs({ options: { count: { type: 'string', default: '100000' }, runs: { type: 'string', default: '300' } } });
const COUNT = Number(args.count);
const RUNS = Number(args.runs);

// ---------------------------------------------------------------------------------------------
// Rows: seeds/synthetic.ts through a stand-in connection

/** to_tsvector('english', …) approximately: words, stop words dropped but counted, stems, one position each. */
function approximateVector(parts: [string, 'A' | 'B' | 'C'][]): string {
  const positions = new Map<string, string[]>();
  let position = 0;
  for (const [text, weight] of parts) {
    for (const word of text.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
      if (!word) continue;
      position++;
      const lexeme = englishLexeme(word);
      if (!lexeme) continue;
      const list = positions.get(lexeme) ?? [];
      list.push(`${Math.min(position, 16383)}${weight}`);
      positions.set(lexeme, list);
    }
  }
  return [...positions]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([lexeme, p]) => `'${lexeme.replace(/'/g, "''")}':${p.join(',')}`)
    .join(' ');
}

const list = (joined: string) => (joined ? joined.split('|') : []);

/** Row i of generateSyntheticResources' `INSERT INTO resource` (its columns as arrays) as the index's row, before its locations. */
function resourceRowAt(v: unknown[][], i: number, organizations: Map<string, { name: string; website: string }>, now: Date): IndexRow {
  const id = (v[0] as string[])[i];
  const at = <T>(k: number) => v[k][i] as T;
  const organization = organizations.get(at<string>(2))!;
  const free = at<boolean>(10);
  const feeMin = at<number | null>(12);
  const name = at<string>(3);
  // The synthetic columns; everything else as indexRow's active, real-looking defaults, but a demo.
  return indexRow({
    id,
    slug: at(1),
    name,
    description: at(4),
    url: at(5),
    phone: at(6),
    email: at(7),
    kind: at(8),
    formats: list(at(9)),
    free,
    sliding_scale: at(11),
    fee_min: feeMin,
    fee_max: at(13),
    insurance_accepted: at(14),
    insurers: list(at(15)),
    insurer_keys: list(at(16)),
    no_insurance_needed: at(17),
    cost_notes: at(18),
    specialties: list(at(19)),
    approaches: list(at(20)),
    languages: list(at(21)),
    audiences: list(at(22)),
    accessibility: list(at(33)),
    credentials: list(at(23)),
    payment_options: list(at(24)),
    service_areas: list(at(25)),
    location_regions: list(at(26)),
    accepting_new_clients: at(27),
    wait_time_days: at(28),
    availability: list(at(29)),
    joint_sessions: at(30),
    demo: true,
    status: at(31),
    created_at: now,
    updated_at: now,
    organization_name: organization.name,
    organization_website: organization.website,
    search_vector: approximateVector([
      [name, 'A'],
      [at<string>(32), 'B'],
      [at<string>(4), 'C'],
    ]),
  });
}

/** Rows of one INSERT batch, keyed by id, until their locations arrive and the batch commits. */
function generateInto(add: (rows: IndexRow[]) => void, count: number): Promise<unknown> {
  const organizations = new Map<string, { name: string; website: string }>();
  let batch = new Map<string, IndexRow>();
  const now = new Date();
  const client = {
    // eslint-disable-next-line @typescript-eslint/require-await -- stands in for pg's async client
    async query(text: string, values: unknown[] = []): Promise<{ rows: unknown[] }> {
      if (text.includes('coalesce(max(')) return { rows: [{ last: 0 }] };
      if (text.includes('INSERT INTO organization')) {
        const [ids, names, websites] = values as string[][];
        ids.forEach((id, i) => organizations.set(id, { name: names[i], website: websites[i] }));
      } else if (text.includes('INSERT INTO resource (')) {
        const v = values as unknown[][];
        (v[0] as string[]).forEach((id, i) => batch.set(id, resourceRowAt(v, i, organizations, now)));
      } else if (text.includes('INSERT INTO resource_location')) {
        const [ids, addresses, cities, regions, postalCodes, lats, lngs] = values as unknown[][];
        (ids as string[]).forEach((id, i) => {
          batch.get(id)!.locations.push({
            address: addresses[i] as string,
            city: cities[i] as string,
            region: regions[i] as string,
            postalCode: postalCodes[i] as string,
            country: 'US',
            latitude: lats[i] as number,
            longitude: lngs[i] as number,
          });
        });
      } else if (text === 'COMMIT') {
        add([...batch.values()]);
        batch = new Map();
        organizations.clear();
      }
      return { rows: [] };
    },
    release() {},
  };
  const target = { connect: () => Promise.resolve(client) } as unknown as pg.Pool;
  return generateSyntheticResources(target, count, { concurrency: 1, vacuum: false, seed: 20_251_125 });
}

// ---------------------------------------------------------------------------------------------
// Queries: the mix of docs/performance.md, normalised as ResourcesService.toCriteria does

const columbus = requirePostalCode('43215', 'US');
interface Case {
  name: string;
  criteria: ResourceSearchCriteria;
  page: SearchPage;
  facets?: FacetField[];
}
const MIX: Case[] = [
  {
    name: 'filters 1 video+infidelity+maxFee',
    criteria: { formats: ['video'], specialties: ['infidelity'], maxFeeMinor: 12000 },
    page: { sort: 'name', limit: 20 },
  },
  {
    name: 'filters 2 clinic+sliding+es',
    criteria: { kinds: ['clinic'], slidingScale: true, languages: ['es'] },
    page: { sort: 'name', limit: 20 },
  },
  {
    name: 'near 1 43215 25km',
    criteria: { near: { ...columbus, radiusMeters: 25_000 }, specialties: ['trust_rebuilding'] },
    page: { sort: 'distance', limit: 20 },
  },
  {
    name: 'near 2 Chicago 40km in_person',
    criteria: { near: { lat: 41.8781, lng: -87.6298, radiusMeters: 40_000 }, formats: ['in_person'], acceptingNewClients: true },
    page: { sort: 'distance', limit: 20 },
  },
  {
    name: 'text 1 affair+video',
    criteria: { tsQuery: buildTsQuery('affair'), formats: ['video'] },
    page: { sort: 'relevance', limit: 20 },
  },
  {
    name: 'text 2 drinking+serves TX',
    criteria: { tsQuery: buildTsQuery('drinking'), serves: { region: 'US-TX', country: 'US' } },
    page: { sort: 'relevance', limit: 20 },
  },
  {
    name: 'facets 1 in_person',
    criteria: { formats: ['in_person'] },
    page: { sort: 'name', limit: 20 },
    facets: ['format', 'kind', 'specialty'],
  },
  {
    name: 'facets 2 online+maxFee',
    criteria: { kinds: ['online_service'], maxFeeMinor: 10000 },
    page: { sort: 'name', limit: 20 },
    facets: ['specialty', 'approach'],
  },
];

const BROAD_INTAKE: CandidateCriteria = {
  kinds: ['practice', 'clinic', 'online_service', 'workshop', 'self_guided', 'support_group', 'directory'],
  point: columbus,
  radiusMeters: 40_000,
  inPerson: true,
  remoteFormats: ['video', 'phone', 'chat'],
  region: 'US-OH',
  country: 'US',
  excludeRequiresSafeRelationship: false,
  excludeNotForCrisis: false,
  excludeEligibility: ['people_who_use_abuse'],
  preferKinds: ['practice', 'clinic', 'online_service'],
  preferSpecialties: ['infidelity', 'trust_rebuilding'],
  languages: [],
};

function time(runs: number, work: () => unknown): { p50: number; p95: number } {
  for (let i = 0; i < Math.min(20, runs); i++) work();
  const samples = new Float64Array(runs);
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    work();
    samples[i] = (performance.now() - start) * 1000;
  }
  samples.sort();
  return { p50: round(percentile(samples, 50), 1), p95: round(percentile(samples, 95), 1) };
}

const mb = (bytes: number) => round(bytes / 1024 / 1024, 1);
const gc = () => (globalThis as { gc?: () => void }).gc?.();

/** Generates COUNT rows into a new index, timing the indexing alone (wall and CPU), and measures what the index holds. */
async function buildIndex() {
  gc();
  const before = process.memoryUsage();
  const builder = DirectoryIndex.builder();
  // Wall time, and CPU time (user + system): on a shared machine the second says what the build costs.
  let buildMs = 0;
  let buildCpuMs = 0;
  const measured = <T>(work: () => T): T => {
    const wall = performance.now();
    const cpu = process.cpuUsage();
    const result = work();
    const used = process.cpuUsage(cpu);
    buildCpuMs += (used.user + used.system) / 1000;
    buildMs += performance.now() - wall;
    return result;
  };
  const started = performance.now();
  await generateInto((rows) => measured(() => builder.add(rows)), COUNT);
  const index = measured(() => builder.finish());
  log(
    `generated and indexed ${COUNT} rows in ${round((performance.now() - started) / 1000, 1)} s, of which indexing ${round(buildMs / 1000, 2)} s (CPU ${round(buildCpuMs / 1000, 2)} s)`,
  );
  gc();
  const after = process.memoryUsage();
  const stats = index.stats();
  const memory = {
    /** What the index holds: JS heap, Buffers and typed arrays, and CRoaring's own allocations. */
    indexMB: mb(after.heapUsed - before.heapUsed + after.external - before.external + Bitmap.getRoaringUsedMemory()),
    rssMB: mb(after.rss),
    rssGrowthMB: mb(after.rss - before.rss),
    heapUsedMB: mb(after.heapUsed - before.heapUsed),
    externalMB: mb(after.external - before.external),
    roaringNativeMB: mb(Bitmap.getRoaringUsedMemory()),
    rowStoreMB: mb(stats.bytes.rows),
    postingsMB: mb(stats.bytes.postings),
    filterBitmapsMB: mb(stats.bytes.bitmaps),
  };
  return { index, buildMs, buildCpuMs, stats, memory };
}

/** Times the query mix, deep keyset pages, hydration and intake's candidate searches: p50 and p95 per case, in µs. */
function timeQueries(index: DirectoryIndex): Record<string, { p50: number; p95: number; total?: number }> {
  const results: Record<string, { p50: number; p95: number; total?: number }> = {};
  const report = (name: string, r: { p50: number; p95: number }, total?: number) => {
    results[name] = { ...r, total };
    console.log(
      `${name.padEnd(42)} p50 ${String(r.p50).padStart(8)} µs   p95 ${String(r.p95).padStart(8)} µs${total === undefined ? '' : `   (${total} matches)`}`,
    );
  };
  console.log('');
  for (const c of MIX) {
    const total = index.search(c.criteria, c.page).total;
    report(
      c.name,
      time(RUNS, () => {
        index.search(c.criteria, c.page);
        if (c.facets) index.facets(c.criteria, c.facets);
      }),
      total,
    );
  }
  // A deep keyset page: the cursor of the row half-way through the name order, and through the fee order.
  for (const sort of ['name', 'fee'] as const) {
    const all = index.search({}, { sort, limit: 1 }).total;
    let after: SearchPage['after'];
    for (let skipped = 0; skipped < all / 2; skipped += 100) {
      const page = index.search({}, { sort, limit: 100, after });
      const last = page.hits[page.hits.length - 1];
      after = { key: last.sortKey, id: last.id };
    }
    report(
      `deep page (${sort}, row ${Math.round(all / 2)})`,
      time(RUNS, () => index.search({}, { sort, limit: 20, after })),
    );
  }
  const page = index.search(MIX[0].criteria, MIX[0].page).hits.map((h) => h.id);
  report(
    'hydrate a page of 20 rows',
    time(RUNS, () => page.map((id) => index.row(id))),
  );
  const broad = index.candidates(BROAD_INTAKE);
  report(
    'intake: broad candidates (all eligible)',
    time(RUNS, () => index.candidates(BROAD_INTAKE).size),
    broad.size,
  );
  report(
    'intake: broad candidates + best 300',
    time(RUNS, () => index.candidates(BROAD_INTAKE).best(300)),
  );
  const remote = { ...BROAD_INTAKE, point: undefined, inPerson: false };
  report(
    'intake: remote only + best 300',
    time(RUNS, () => index.candidates(remote).best(300)),
    index.candidates(remote).size,
  );

  return results;
}

async function main(): Promise<void> {
  log(machineLine());
  const { index, buildMs, buildCpuMs, stats, memory } = await buildIndex();
  console.log(`\n${COUNT} resources: build ${round(buildMs)} ms (CPU ${round(buildCpuMs)} ms); ${JSON.stringify(stats)}`);
  console.log(`memory: ${JSON.stringify(memory)}`);

  // Garbage-collection pauses during the queries (they, and other jobs on a shared machine, make the p95).
  const pauses: number[] = [];
  const gcObserver = new PerformanceObserver((list) => list.getEntries().forEach((e) => pauses.push(e.duration)));
  gcObserver.observe({ entryTypes: ['gc'] });
  const results = timeQueries(index);

  await new Promise((resolve) => setTimeout(resolve, 200));
  gcObserver.disconnect();
  const gcPauses = { count: pauses.length, totalMs: round(pauses.reduce((a, b) => a + b, 0)), maxMs: round(Math.max(0, ...pauses)) };
  console.log(`GC during the queries: ${JSON.stringify(gcPauses)}`);
  console.log(
    JSON.stringify({
      bench: 'directory-index',
      resources: COUNT,
      buildMs: round(buildMs),
      buildCpuMs: round(buildCpuMs),
      memory,
      gcPauses,
      queriesMicroseconds: results,
    }),
  );
}

main().catch((error) => {
  console.error(`[bench] FAILED: ${error instanceof Error ? error.stack : String(error)}`);
  process.exit(1);
});
