import { parseArgs } from 'node:util';

import pg from 'pg';
import type { DataSource } from 'typeorm';

import { DirectoryIndex } from '../src/resources/directory-index/directory-index.js';
import { parseTsQuery } from '../src/resources/directory-index/english-text.js';
import type { IndexRow } from '../src/resources/directory-index/index-row.js';
import { compareIds } from '../src/resources/directory-index/ordering.js';
import { BM25, documentLength, inverseDocumentFrequency } from '../src/resources/directory-index/text-index.js';
import { type LexemeOccurrences, parseTsVector } from '../src/resources/directory-index/tsvector.js';
import { DirectorySearch } from '../src/resources/directory-search.js';
import { ResourceImportService } from '../src/resources/resource-import.service.js';
import { LOCATIONS_JSON, RESOURCE_COLUMNS } from '../src/resources/resource-search.sql.js';
import { ResourcesRepository } from '../src/resources/resources.repository.js';
import { buildTsQuery } from '../src/resources/search-text.js';
import { CuratedSeeder } from '../src/seeding/curated-seeder.js';
import { SeedStateRepository } from '../src/seeding/seed-state.repository.js';
import { createScratchDatabase, loadScratchDirectory, log, percentile, round, runBenchmark } from './bench-support.js';

/**
 * `npm run bench:index-relevance -- [--count 20000]`
 *
 * How the index's relevance (BM25 with search_vector weights) compares with the alternatives
 * considered, on the curated directory plus N synthetic rows in a scratch database:
 * for each query, the top 10 of each ranking against PostgreSQL's ts_rank_cd (overlap@10), the
 * share of the top 10 whose name (weight A) holds a query word (name@10), and the index's time.
 */

const { values: args } = parseArgs({ options: { count: { type: 'string', default: '20000' }, keep: { type: 'boolean', default: false } } });
const COUNT = Number(args.count);

const QUERIES = [
  'affair',
  'drinking',
  'online',
  'money',
  'trust',
  'communication',
  'premarital',
  'divorce',
  'faith',
  'gottman',
  'affair recovery',
  'couples counseling',
  'crisis',
  'lgbtq',
  'jealous',
  'veterans',
  'spanish',
  'weekend intensive',
  'sliding scale',
  'discernment',
];

type Weights = { a: number; b: number; c: number; d: number };
interface Variant {
  name: string;
  score: (doc: Doc, lexemes: string[], stats: Stats) => number;
}
interface Doc {
  id: string;
  name: string;
  vector: Map<string, LexemeOccurrences>;
  length: number;
}
interface Stats {
  documents: number;
  averageLength: number;
  frequency: Map<string, number>;
}

const weighted = (o: LexemeOccurrences, w: Weights) => o.a * w.a + o.b * w.b + o.c * w.c + o.d * w.d;
const bm25 = (w: Weights) => (doc: Doc, lexemes: string[], s: Stats) => {
  let score = 0;
  for (const l of lexemes) {
    const o = doc.vector.get(l);
    if (!o) continue;
    const tf = weighted(o, w);
    score +=
      inverseDocumentFrequency(s.documents, s.frequency.get(l) ?? 0) *
      ((tf * (BM25.k1 + 1)) / (tf + BM25.k1 * (1 - BM25.b + (BM25.b * doc.length) / s.averageLength)));
  }
  return score;
};
const VARIANTS: Variant[] = [
  { name: 'BM25, weights A1 B0.4 C0.2 D0.1 (chosen)', score: bm25(BM25.weights) },
  { name: 'BM25, weights A3 B2 C1 D1', score: bm25({ a: 3, b: 2, c: 1, d: 1 }) },
  { name: 'BM25, no weights', score: bm25({ a: 1, b: 1, c: 1, d: 1 }) },
  {
    name: 'weighted tf × idf (no saturation, no length)',
    score: (doc, lexemes, s) =>
      lexemes.reduce(
        (sum, l) =>
          sum +
          (doc.vector.has(l)
            ? weighted(doc.vector.get(l)!, BM25.weights) * inverseDocumentFrequency(s.documents, s.frequency.get(l) ?? 0)
            : 0),
        0,
      ),
  },
];

/** The curated directory through the seeder's own code; no index to keep fresh here (no HTTP app). */
function seedCurated(dataSource: DataSource) {
  const noIndex = new DirectorySearch(null as never, { httpAdapter: undefined } as never);
  const imports = new ResourceImportService(new ResourcesRepository(dataSource), noIndex);
  return new CuratedSeeder(new SeedStateRepository(dataSource), imports).seedCuratedDirectory({ force: true, includeDemo: true });
}

async function main(): Promise<void> {
  const scratch = await createScratchDatabase({ keep: args.keep === true });
  await loadScratchDirectory(scratch.url, COUNT, 5000, (dataSource) => seedCurated(dataSource).then(() => undefined));
  const pool = new pg.Pool({ connectionString: scratch.url, max: 2 });
  try {
    const rows: IndexRow[] = (
      await pool.query<IndexRow>(`SELECT page.*, ${LOCATIONS_JSON} FROM (
        SELECT ${RESOURCE_COLUMNS}, r.insurer_keys, r.location_regions, r.fee_sort, r.search_vector::text AS search_vector
        FROM resource r JOIN organization o ON o.id = r.organization_id) page`)
    ).rows;
    const index = DirectoryIndex.build(rows);
    const active = rows.filter((r) => r.status === 'active');
    const docs = new Map<string, Doc>(
      active.map((r) => {
        const vector = parseTsVector(r.search_vector);
        return [r.id, { id: r.id, name: r.name, vector: new Map(vector.map((o) => [o.lexeme, o])), length: documentLength(vector) }];
      }),
    );
    const frequency = new Map<string, number>();
    for (const d of docs.values()) for (const l of d.vector.keys()) frequency.set(l, (frequency.get(l) ?? 0) + 1);
    const stats: Stats = {
      documents: docs.size,
      averageLength: [...docs.values()].reduce((s, d) => s + d.length, 0) / docs.size,
      frequency,
    };

    const totals = new Map<string, { overlap: number; names: number }>();
    const times: number[] = [];
    for (const q of QUERIES) {
      const tsQuery = buildTsQuery(q)!;
      const lexemes = [...new Set(parseTsQuery(tsQuery).flat())].sort();
      const nameHit = (id: string) => lexemes.some((l) => docs.get(id)!.vector.get(l)?.a);
      const pgTop: string[] = (
        await pool.query<{ id: string }>(
          `SELECT r.id FROM resource r WHERE r.status = 'active' AND NOT ('people_who_use_abuse' = ANY(r.eligibility)) AND r.search_vector @@ to_tsquery('english', $1)
           ORDER BY ts_rank_cd(r.search_vector, to_tsquery('english', $1)) DESC, r.id LIMIT 10`,
          [tsQuery],
        )
      ).rows.map((r) => r.id);
      const matches = index.search({ tsQuery }, { sort: 'relevance', limit: 100_000 }).hits.map((h) => h.id);
      const samples = new Float64Array(50);
      for (let i = 0; i < samples.length; i++) {
        const t = performance.now();
        index.search({ tsQuery }, { sort: 'relevance', limit: 20 });
        samples[i] = (performance.now() - t) * 1000;
      }
      times.push(percentile(samples.sort(), 50));
      const line: string[] = [
        `${q.padEnd(20)} ${String(matches.length).padStart(6)} matches`,
        `ts_rank_cd name@10 ${pgTop.filter(nameHit).length}`,
      ];
      for (const v of VARIANTS) {
        const top = matches
          .map((id) => ({ id, s: v.score(docs.get(id)!, lexemes, stats) }))
          .sort((a, b) => b.s - a.s || compareIds(a.id, b.id))
          .slice(0, 10)
          .map((x) => x.id);
        const overlap = top.filter((id) => pgTop.includes(id)).length;
        const names = top.filter(nameHit).length;
        const t = totals.get(v.name) ?? { overlap: 0, names: 0 };
        totals.set(v.name, { overlap: t.overlap + overlap, names: t.names + names });
        line.push(`${v.name.split(',')[0]}${v.name.includes('chosen') ? '*' : ''} ∩ ${overlap} name ${names}`);
      }
      const pgNames = totals.get('ts_rank_cd') ?? { overlap: 0, names: 0 };
      totals.set('ts_rank_cd', { overlap: pgNames.overlap + pgTop.length, names: pgNames.names + pgTop.filter(nameHit).length });
      log(line.join(' | '));
    }
    console.log(`\n${COUNT} synthetic + curated rows, ${QUERIES.length} queries; mean over queries:`);
    for (const [name, t] of totals)
      console.log(
        `${name.padEnd(48)} overlap@10 with ts_rank_cd ${round(t.overlap / QUERIES.length, 1)}   name@10 ${round(t.names / QUERIES.length, 1)}`,
      );
    times.sort((a, b) => a - b);
    console.log(
      `index relevance page (limit 20): median over queries of p50 ${round(times[Math.floor(times.length / 2)], 1)} µs, max ${round(times[times.length - 1], 1)} µs`,
    );
  } finally {
    await pool.end();
  }
}

void runBenchmark(main);
