import { readFileSync } from 'node:fs';

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import pg from 'pg';
import { DataSource } from 'typeorm';

import { generateSyntheticResources } from '../../../seeds/synthetic.js';
import { createTestDatabase } from '../../../test/support/test-database.js';
import { dataSourceOptions } from '../../database/data-source-options.js';
import { toCandidateCriteria } from '../../intake/intake.mapper.js';
import type { CandidateConstraints } from '../../intake/matching/constraints.js';
import { TAXONOMY } from '../../taxonomy/taxonomy.js';
import { candidatesSql } from '../candidate-search.sql.js';
import { FACET_FIELDS, type FacetField, type SortOrder } from '../dto/search-resources.query.js';
import type { ResourceSearchCriteria, SearchPage } from '../resource-search.criteria.js';
import { countSql, facetsSql, LOCATIONS_JSON, RESOURCE_COLUMNS, roundCoordinate, searchSql } from '../resource-search.sql.js';
import { buildTsQuery, SEARCH_SYNONYMS, SPANISH_WORDS } from '../search-text.js';
import { DirectoryIndex } from './directory-index.js';
import { chordOf, earthDistance, earthPoint } from './earth.js';
import { englishLexeme } from './english-text.js';
import type { IndexRow } from './index-row.js';
import { compareCodePoints, isCodePointCollation } from './ordering.js';

/**
 * The proof of the semantics: the curated directory plus 3,000 synthetic resources in a real
 * PostgreSQL database, the index built from the same rows, and for many criteria the index's
 * answers compared with the SQL the app runs (searchSql, countSql, facetsSql, findCandidates).
 */

let pool: pg.Pool;
let dataSource: DataSource;
let index: DirectoryIndex;
let rows: IndexRow[];

beforeAll(async () => {
  const url = await createTestDatabase();
  pool = new pg.Pool({ connectionString: url, max: 2 });
  await generateSyntheticResources(pool, 3000, { seed: 14, vacuum: false });
  // Some rows only the index's edge cases need: repeated array values, tricky names.
  await pool.query(`UPDATE resource SET formats = formats || formats WHERE slug IN ('synthetic-7', 'synthetic-8')`);
  await pool.query(`UPDATE resource SET name = 'Ωmega 😀 Éclair' WHERE slug = 'synthetic-9'`);
  await pool.query(`UPDATE resource SET name = 'éclair' WHERE slug = 'synthetic-10'`);
  rows = (
    await pool.query(`
      SELECT page.*, ${LOCATIONS_JSON} FROM (
        SELECT ${RESOURCE_COLUMNS}, r.insurer_keys, r.location_regions, r.fee_sort, r.search_vector::text AS search_vector
        FROM resource r JOIN organization o ON o.id = r.organization_id) page`)
  ).rows;
  index = DirectoryIndex.build(rows);
  dataSource = await new DataSource(dataSourceOptions(url, 2)).initialize();
}, 180_000);

afterAll(async () => {
  await pool?.end();
  await dataSource?.destroy();
});

// ---------------------------------------------------------------------------------------------
// Criteria drawn from the real vocabulary (seeded, so a failure repeats)

const REGIONS = ['US-OH', 'US-TX', 'US-CA', 'US-NY', 'US-IL', 'US-FL', 'US'];
const PLACES = [
  { lat: 39.9612, lng: -82.9988 },
  { lat: 41.8781, lng: -87.6298 },
  { lat: 40.7506, lng: -73.9972 },
  { lat: 29.7589, lng: -95.3677 },
  { lat: 34.0614, lng: -118.2385 },
];
const seedText = ['local-demo', 'national', 'safety-lines']
  .map((f) => readFileSync(new URL(`../../../seeds/data/${f}.json`, import.meta.url), 'utf8'))
  .join(' ');
const seedWords = [
  ...new Set(
    seedText
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => /\p{L}/u.test(w)),
  ),
];
const TEXT_WORDS = [
  'affair',
  'drinking',
  'online',
  'couples',
  'money',
  'trust',
  'weekend',
  'faith',
  'the',
  'spanish',
  'evening',
  'gottman',
  'veterans',
  ...seedWords.slice(0, 40),
];

const some = (codes: readonly string[]) => fc.subarray([...codes], { minLength: 1, maxLength: 3 });
const CRITERIA = {
  kinds: some(TAXONOMY.kind.codes),
  formats: some(TAXONOMY.format.codes),
  specialties: some(TAXONOMY.specialty.codes),
  approaches: some(TAXONOMY.approach.codes),
  languages: some(['en', 'es', 'zh', 'vi', 'fr']),
  audiences: some(TAXONOMY.audience.codes),
  accessibility: fc.subarray([...TAXONOMY.accessibility.codes], { minLength: 1, maxLength: 2 }),
  eligibility: some(TAXONOMY.eligibility.codes),
  credentials: some(TAXONOMY.credential.codes),
  paymentOptions: some(TAXONOMY.payment.codes),
  availability: some(TAXONOMY.availability.codes),
  free: fc.boolean(),
  slidingScale: fc.boolean(),
  noInsuranceNeeded: fc.boolean(),
  acceptingNewClients: fc.boolean(),
  jointSessions: fc.boolean(),
  maxFeeMinor: fc.constantFrom(0, 5000, 8000, 12000, 25000),
  insurerKey: fc.constantFrom('aetna', 'cigna', 'tricare', 'medicaid'),
  serves: fc.constantFrom(...REGIONS).map((region) => ({ region, country: region.slice(0, 2) })),
  tsQuery: fc.subarray(TEXT_WORDS, { minLength: 1, maxLength: 2 }).map((words) => buildTsQuery(words.join(' '))!),
  near: fc.tuple(fc.constantFrom(...PLACES), fc.constantFrom(10_000, 25_000, 60_000)).map(([p, radiusMeters]) => ({ ...p, radiusMeters })),
};
const criteriaArb = fc
  .subarray(Object.keys(CRITERIA) as (keyof typeof CRITERIA)[], { maxLength: 3 })
  .chain((keys) => fc.record(Object.fromEntries(keys.map((k) => [k, CRITERIA[k]]))) as fc.Arbitrary<ResourceSearchCriteria>);

const MIX: ResourceSearchCriteria[] = [
  {},
  { formats: ['video'], specialties: ['infidelity'], maxFeeMinor: 12000 },
  { kinds: ['clinic'], slidingScale: true, languages: ['es'] },
  { near: { lat: 39.9612, lng: -82.9988, radiusMeters: 25_000 }, specialties: ['trust_rebuilding'] },
  { near: { lat: 41.8781, lng: -87.6298, radiusMeters: 40_000 }, formats: ['in_person'], acceptingNewClients: true },
  { tsQuery: buildTsQuery('affair'), formats: ['video'] },
  { tsQuery: buildTsQuery('drinking'), serves: { region: 'US-TX', country: 'US' } },
  { tsQuery: buildTsQuery('the a an') },
  { eligibility: ['people_who_use_abuse'] },
  { accessibility: ['asl'] },
  { accessibility: ['asl', 'videophone'], kinds: ['hotline'] },
  { accessibility: ['wheelchair_access', 'interpreter_on_request'], near: { lat: 41.8781, lng: -87.6298, radiusMeters: 40_000 } },
];
const CASES: ResourceSearchCriteria[] = [...MIX, ...fc.sample(criteriaArb, { seed: 1414, numRuns: 60 })];

async function sql(built: { text: string; values: unknown[] }) {
  return (await pool.query(built.text, built.values)).rows;
}

const sortsFor = (c: ResourceSearchCriteria): SortOrder[] => ['name', 'fee', ...(c.near ? (['distance'] as const) : [])];

describe('DirectoryIndex = PostgreSQL', () => {
  it('uses a code point collation here, so names sort as the index sorts them', async () => {
    const [{ datcollate }] = (await pool.query(`SELECT datcollate FROM pg_database WHERE datname = current_database()`)).rows;
    expect(isCodePointCollation(datcollate)).toBe(true);
    const names = ['b', 'B', 'a b', 'ab', 'Éclair', 'éclair', 'eclair', 'Ωmega', '😀', '\uffee', 'Z', 'z', '_x', '1st', ''];
    const ordered = (await pool.query(`SELECT n FROM unnest($1::text[]) n ORDER BY n`, [names])).rows.map((r) => r.n);
    expect([...names].sort(compareCodePoints)).toEqual(ordered);
  });

  it('makes the same lexemes as to_tsquery(english) of taxonomy words, synonyms and seed words', async () => {
    const taxonomy = Object.values(TAXONOMY).flatMap((v) =>
      v.terms.flatMap((t) => `${t.code} ${t.label} ${t.description}`.toLowerCase().split(/[^\p{L}\p{N}]+/u)),
    );
    const synonyms = [...SEARCH_SYNONYMS, ...SPANISH_WORDS].flatMap(([word, alternatives]) => [word, ...alternatives]);
    // Spanish as people type it: the query keeps the accented word beside its English ones.
    const accented = [
      'doméstica',
      'doméstico',
      'traición',
      'adicción',
      'agresión',
      'violación',
      'psicólogo',
      'consejería',
      'separación',
      'comunicación',
      'línea',
      'género',
      'jóvenes',
      'teléfono',
      'económico',
      'engaño',
      'ludopatía',
      'español',
    ];
    const tricky = [
      '1st',
      'abc123',
      '0123',
      '1e5',
      'café',
      'résumés',
      'über',
      'straße',
      '中文',
      'ⅻ',
      'ı',
      'don',
      's',
      'running',
      'counselling',
      'couples’',
    ];
    const words = [
      ...new Set(
        [...taxonomy, ...synonyms, ...accented, ...seedWords, ...tricky]
          .map((w) => w.normalize('NFKC'))
          .filter((w) => /^[\p{L}\p{N}]+$/u.test(w)),
      ),
    ];
    expect(words.length).toBeGreaterThan(500);
    const pgLexemes = (await pool.query(`SELECT w, to_tsquery('english', w)::text AS q FROM unnest($1::text[]) w`, [words])).rows;
    const mismatches = pgLexemes.filter(({ w, q }) => (q === '' ? undefined : q.slice(1, -1)) !== englishLexeme(w));
    expect(mismatches).toEqual([]);
  });

  it('agrees with earth_distance and earth_box for random points', async () => {
    const degrees = (min: number, max: number) => fc.double({ min, max, noNaN: true }).map(roundCoordinate);
    const points = fc.sample(fc.tuple(degrees(-89, 89), degrees(-180, 180), degrees(-2, 2), degrees(-2, 2)), { seed: 7, numRuns: 300 });
    const { rows: measured } = await pool.query(
      `SELECT earth_distance(ll_to_earth(a, b), ll_to_earth(c, d)) AS m, earth_box(ll_to_earth(a, b), 100000) @> ll_to_earth(c, d) AS inside
       FROM unnest($1::float8[], $2::float8[], $3::float8[], $4::float8[]) AS u(a, b, c, d)`,
      [
        points.map((p) => p[0]),
        points.map((p) => p[1]),
        points.map((p) => p[0] + p[2]),
        points.map((p) => Math.max(-180, Math.min(180, p[1] + p[3]))),
      ],
    );
    points.forEach(([lat, lng, dLat, dLng], i) => {
      const a = earthPoint(lat, lng);
      const b = earthPoint(lat + dLat, Math.max(-180, Math.min(180, lng + dLng)));
      expect(Math.abs(earthDistance(...a, ...b) - measured[i].m)).toBeLessThan(1e-6);
      const half = chordOf(100000);
      expect(b.every((v, k) => a[k] - half <= v && v <= a[k] + half)).toBe(measured[i].inside);
    });
  });

  it('finds the same resources, in the same order, with the same keys and totals', async () => {
    expect(rows.length).toBeGreaterThan(3000);
    for (const criteria of CASES) {
      const [{ total }] = await sql(countSql(criteria, 1_000_000));
      for (const sort of sortsFor(criteria)) {
        const expected = await sql(searchSql(criteria, { sort, limit: 4000 }));
        const actual = index.search(criteria, { sort, limit: 4000 });
        const label = JSON.stringify({ criteria, sort });
        expect({ label, total: actual.total }).toEqual({ label, total });
        expect({ label, ids: actual.hits.map((h) => h.id) }).toEqual({ label, ids: expected.map((r) => r.id) });
        if (sort !== 'distance')
          expect({ label, keys: actual.hits.map((h) => h.sortKey) }).toEqual({ label, keys: expected.map((r) => r.sort_key) });
        actual.hits.forEach((h, i) => {
          if (expected[i].distance_m === null) expect(h.distanceM).toBeNull();
          else expect(Math.abs(h.distanceM! - expected[i].distance_m)).toBeLessThan(1e-6);
        });
      }
    }
  }, 300_000);

  it('continues keyset pages the same way', async () => {
    for (const criteria of CASES.slice(0, 30)) {
      for (const sort of sortsFor(criteria)) {
        // Each engine continues from its own last row: a distance may differ in its last bit
        // (Math.cos is not glibc's cos), so a cursor is only read by the engine that made it.
        let sqlAfter: SearchPage['after'];
        let indexAfter: SearchPage['after'];
        for (let pageNumber = 0; pageNumber < 4; pageNumber++) {
          const expected = await sql(searchSql(criteria, { sort, limit: 7, after: sqlAfter }));
          const actual = index.search(criteria, { sort, limit: 7, after: indexAfter });
          expect({ criteria, sort, pageNumber, ids: actual.hits.map((h) => h.id) }).toEqual({
            criteria,
            sort,
            pageNumber,
            ids: expected.slice(0, 7).map((r) => r.id),
          });
          expect(actual.hasMore).toBe(expected.length > 7);
          if (!actual.hasMore) break;
          sqlAfter = { key: expected[6].sort_key, id: expected[6].id };
          indexAfter = { key: actual.hits[6].sortKey, id: actual.hits[6].id };
        }
      }
    }
  }, 240_000);

  it('matches the same set for relevance (ranking differs by design)', async () => {
    for (const criteria of CASES.filter((c) => c.tsQuery)) {
      const expected = await sql(searchSql(criteria, { sort: 'relevance', limit: 5000 }));
      const actual = index.search(criteria, { sort: 'relevance', limit: 5000 });
      expect(actual.hits.map((h) => h.id).sort()).toEqual(expected.map((r) => r.id).sort());
      expect(actual.total).toBe(expected.length);
    }
  });

  it('counts the same facets', async () => {
    const fieldSets: FacetField[][] = [
      [...FACET_FIELDS],
      ['format', 'kind', 'specialty'],
      ['specialty', 'approach', 'accessibility'],
      ['kind', 'kind'],
    ];
    for (const [i, criteria] of CASES.entries()) {
      const fields = fieldSets[i % fieldSets.length];
      const expected = await sql(facetsSql(criteria, fields));
      const actual = index.facets(criteria, fields);
      const totalRow = expected.find((r) => r.facet === '');
      expect({ criteria, total: actual.total }).toEqual({ criteria, total: totalRow?.count ?? 0 });
      expect({ criteria, counts: actual.counts }).toEqual({ criteria, counts: expected.filter((r) => r !== totalRow) });
    }
  }, 240_000);

  it('finds the same intake candidates, with the same distances, as findCandidates', async () => {
    // The previous SQL path (candidate-search.sql.ts) as the reference.
    const findCandidates = async (c: CandidateConstraints, limit?: number): Promise<{ id: string; distance_m: number | null }[]> => {
      const { text, values } = candidatesSql({ ...toCandidateCriteria(c), limit });
      return dataSource.query(text, values);
    };
    const base: CandidateConstraints = {
      kinds: ['practice', 'clinic', 'online_service', 'workshop', 'self_guided', 'support_group', 'directory'],
      radiusKm: 40,
      inPersonAllowed: true,
      remoteFormats: ['video', 'phone', 'chat'],
      region: 'US-OH',
      country: 'US',
      allowSlidingAboveBudget: false,
      insuranceGiven: false,
      excludeSafeRelationshipsOnly: false,
      jointWorkExcluded: false,
      excludeNotForCrisis: false,
      excludeEligibility: ['people_who_use_abuse'],
      preferKinds: ['practice', 'clinic', 'online_service'],
      preferSpecialties: ['infidelity'],
      languages: [],
    };
    const variants = fc.sample(
      fc.record({
        point: fc.option(fc.constantFrom(...PLACES), { nil: undefined }),
        radiusKm: fc.constantFrom(10, 40, 150),
        inPersonAllowed: fc.boolean(),
        remoteFormats: fc.subarray(['video', 'phone', 'chat']),
        region: fc.option(fc.constantFrom('US-OH', 'US-IL', 'US-NY', 'US-TX'), { nil: undefined }),
        country: fc.option(fc.constant('US'), { nil: undefined }),
        budgetMinor: fc.option(fc.constantFrom(0, 6000, 10000), { nil: undefined }),
        allowSlidingAboveBudget: fc.boolean(),
        insuranceGiven: fc.boolean(),
        excludeSafeRelationshipsOnly: fc.boolean(),
        excludeNotForCrisis: fc.boolean(),
        specialtiesAny: fc.option(fc.subarray(TAXONOMY.specialty.codes, { minLength: 1, maxLength: 2 }), { nil: undefined }),
        languages: fc.subarray(['es', 'zh']),
        requireEligibility: fc.option(fc.constant('people_who_use_abuse'), { nil: undefined }),
      }),
      { seed: 2024, numRuns: 40 },
    );
    for (const variant of variants) {
      const constraints: CandidateConstraints = { ...base, ...variant };
      if (constraints.requireEligibility) constraints.excludeEligibility = [];
      const expected = await findCandidates(constraints);
      // Through the directory's CandidateCriteria, the path intake takes.
      const actual = index.candidates(toCandidateCriteria(constraints));
      expect({ variant, ids: actual.ids().sort() }).toEqual({ variant, ids: expected.map((r) => r.id).sort() });
      for (const r of expected) {
        if (r.distance_m === null) expect(actual.distanceM(r.id)).toBeNull();
        else expect(Math.abs(actual.distanceM(r.id)! - r.distance_m)).toBeLessThan(1e-6);
      }
      // Without a point the SQL picks its LIMIT by the helper's order (fit, accepting, id); it returns them unordered.
      if (!(constraints.inPersonAllowed && constraints.point)) {
        const small = await findCandidates(constraints, 25);
        expect(
          actual
            .best(25)
            .map((c) => c.id)
            .sort(),
        ).toEqual(small.map((r) => r.id).sort());
      }
    }
  }, 240_000);
});
