import type { CandidateCriteria } from '../candidate-criteria.js';
import { DirectoryIndex } from './directory-index.js';
import type { IndexRow } from './index-row.js';
import { indexRow, location, uuid } from './testing.js';

const NAME = { sort: 'name', limit: 20 } as const;
const ids = (index: DirectoryIndex, criteria = {}, page: Parameters<DirectoryIndex['search']>[1] = NAME) =>
  index.search(criteria, page).hits.map((h) => h.id);

describe('DirectoryIndex filters (filtered() in resource-search.sql.ts)', () => {
  it('leaves inactive resources out of every search, but keeps them readable', () => {
    const index = DirectoryIndex.build([indexRow({ id: uuid(1) }), indexRow({ id: uuid(2), status: 'inactive' })]);
    expect(ids(index)).toEqual([uuid(1)]);
    expect(index.row(uuid(2))?.status).toBe('inactive');
    expect(index.search({}, NAME).total).toBe(1);
  });

  it('leaves programs for people who use abuse out unless eligibility asks for them', () => {
    const index = DirectoryIndex.build([
      indexRow({ id: uuid(1), eligibility: ['people_who_use_abuse'] }),
      indexRow({ id: uuid(2), eligibility: ['veterans'] }),
      indexRow({ id: uuid(3) }),
    ]);
    expect(ids(index)).toEqual([uuid(2), uuid(3)]);
    expect(ids(index, { eligibility: ['veterans'] })).toEqual([uuid(2)]);
    expect(ids(index, { eligibility: ['people_who_use_abuse'] })).toEqual([uuid(1)]);
  });

  it('serves: licensed remote help (not in-person-only) or a location in the region', () => {
    const index = DirectoryIndex.build([
      indexRow({ id: uuid(1), service_areas: ['US-OH'], formats: ['video'] }),
      indexRow({ id: uuid(2), service_areas: ['US-OH'], formats: ['in_person'] }),
      indexRow({ id: uuid(3), service_areas: ['US-TX'], formats: ['in_person'], location_regions: ['US-OH', 'US'] }),
      indexRow({ id: uuid(4), service_areas: ['US'], formats: [] }),
      indexRow({ id: uuid(5), service_areas: ['US-TX'], formats: ['video'] }),
    ]);
    expect(ids(index, { serves: { region: 'US-OH', country: 'US' } })).toEqual([uuid(1), uuid(3), uuid(4)]);
    expect(ids(index, { serves: { region: 'US', country: 'US' } })).toEqual([uuid(3), uuid(4)]);
  });

  it('budget: free, lowest fee within it, or sliding scale with no published minimum', () => {
    const index = DirectoryIndex.build([
      indexRow({ id: uuid(1), free: true, fee_min: 0 }),
      indexRow({ id: uuid(2), fee_min: 8000 }),
      indexRow({ id: uuid(3), fee_min: 8001 }),
      indexRow({ id: uuid(4), sliding_scale: true }),
      indexRow({ id: uuid(5), sliding_scale: true, fee_min: 9000 }),
      indexRow({ id: uuid(6) }),
    ]);
    expect(ids(index, { maxFeeMinor: 8000 })).toEqual([uuid(1), uuid(2), uuid(4)]);
    expect(ids(index, { maxFeeMinor: 0 })).toEqual([uuid(1), uuid(4)]);
  });

  it('finds fee_min ≤ budget over many distinct fees (cumulative bitmaps)', () => {
    const rows = Array.from({ length: 200 }, (_, i) => indexRow({ id: uuid(i), fee_min: i * 100 }));
    const index = DirectoryIndex.build(rows);
    for (const budget of [0, 99, 100, 1650, 3200, 19900, 50000]) {
      expect(index.search({ maxFeeMinor: budget }, NAME).total).toBe(rows.filter((r) => r.fee_min! <= budget).length);
    }
    index.upsert([indexRow({ id: uuid(999), fee_min: 150 })]);
    expect(index.search({ maxFeeMinor: 160 }, NAME).total).toBe(3);
  });

  it('insurer: accepts insurance and names the insurer', () => {
    const index = DirectoryIndex.build([
      indexRow({ id: uuid(1), insurance_accepted: true, insurer_keys: ['aetna'] }),
      indexRow({ id: uuid(2), insurance_accepted: false, insurer_keys: ['aetna'] }),
    ]);
    expect(ids(index, { insurerKey: 'aetna' })).toEqual([uuid(1)]);
  });

  it('booleans filter both ways; ids limits to those ids ([] to none)', () => {
    const index = DirectoryIndex.build([indexRow({ id: uuid(1), free: true }), indexRow({ id: uuid(2) })]);
    expect(ids(index, { free: true })).toEqual([uuid(1)]);
    expect(ids(index, { free: false })).toEqual([uuid(2)]);
    expect(ids(index, { ids: [uuid(2).toUpperCase(), uuid(9)] })).toEqual([uuid(2)]);
    expect(ids(index, { ids: [] })).toEqual([]);
  });
});

describe('DirectoryIndex safety lines (what the intake chooser picks from)', () => {
  const line = (n: number, overrides: Partial<IndexRow> = {}) =>
    indexRow({ id: uuid(n), name: `Line ${n}`, kind: 'hotline', line_roles: ['crisis'], service_areas: ['US'], ...overrides });

  it('takes active, real hotlines with a role serving one of the areas, in name order', () => {
    const index = DirectoryIndex.build([
      line(1, { name: 'Zeta line' }),
      line(2, { name: 'Alpha line' }),
      line(3, { demo: true }),
      line(4, { status: 'inactive' }),
      line(5, { line_roles: [] }),
      line(6, { kind: 'clinic' }),
      line(7, { service_areas: ['CA'] }),
      line(8, { service_areas: ['US-OH'] }),
    ]);
    expect(index.safetyLines(['US']).map((r) => r.id)).toEqual([uuid(2), uuid(1)]);
    expect(index.safetyLines(['US', 'US-OH']).map((r) => r.name)).toEqual(['Alpha line', 'Line 8', 'Zeta line']);
    expect(index.safetyLines(['GB'])).toEqual([]);
  });

  it('follows upserts and removals (a line withdrawn or demoted to demo is gone at once)', () => {
    const index = DirectoryIndex.build([line(1), line(2)]);
    index.upsert([line(1, { demo: true })]);
    index.remove([uuid(2)]);
    index.upsert([line(9, { name: 'New line' })]);
    expect(index.safetyLines(['US']).map((r) => r.id)).toEqual([uuid(9)]);
  });
});

describe('DirectoryIndex pages', () => {
  const rows = [
    indexRow({ id: uuid(5), name: 'Beta', fee_min: 100 }),
    indexRow({ id: uuid(2), name: 'Alpha', fee_min: 300 }),
    indexRow({ id: uuid(1), name: 'Beta', free: true, fee_min: 0 }),
    indexRow({ id: uuid(3), name: 'alpha', fee_min: 100 }),
    indexRow({ id: uuid(4), name: 'Zed' }),
  ];

  it('sorts by name (code point order), then id, and continues after a keyset', () => {
    const index = DirectoryIndex.build(rows);
    const first = index.search({}, { sort: 'name', limit: 2 });
    expect(first.hits.map((h) => [h.sortKey, h.id])).toEqual([
      ['Alpha', uuid(2)],
      ['Beta', uuid(1)],
    ]);
    expect(first.hasMore).toBe(true);
    const next = index.search({}, { sort: 'name', limit: 2, after: { key: 'Beta', id: uuid(1) } });
    expect(next.hits.map((h) => h.id)).toEqual([uuid(5), uuid(4)]);
    expect(index.search({}, { sort: 'name', limit: 2, after: { key: 'Zed', id: uuid(4) } }).hits.map((h) => h.id)).toEqual([uuid(3)]);
  });

  it('sorts by fee_sort (free first, unknown last), then id', () => {
    const index = DirectoryIndex.build(rows);
    expect(index.search({}, { sort: 'fee', limit: 10 }).hits.map((h) => [h.sortKey, h.id])).toEqual([
      [0, uuid(1)],
      [100, uuid(3)],
      [100, uuid(5)],
      [300, uuid(2)],
      [2147483647, uuid(4)],
    ]);
    expect(ids(index, {}, { sort: 'fee', limit: 2, after: { key: 100, id: uuid(3) } })).toEqual([uuid(5), uuid(2)]);
  });

  it('merges resources added since the build into both orders', () => {
    const index = DirectoryIndex.build(rows);
    index.upsert([indexRow({ id: uuid(6), name: 'Beta', fee_min: 100 }), indexRow({ id: uuid(2), name: 'Omega', fee_min: 50 })]);
    expect(ids(index, {}, { sort: 'name', limit: 10 })).toEqual([uuid(1), uuid(5), uuid(6), uuid(2), uuid(4), uuid(3)]);
    expect(ids(index, {}, { sort: 'fee', limit: 10 })).toEqual([uuid(1), uuid(2), uuid(3), uuid(5), uuid(6), uuid(4)]);
    expect(ids(index, {}, { sort: 'name', limit: 2, after: { key: 'Beta', id: uuid(5) } })).toEqual([uuid(6), uuid(2)]);
    expect(index.stats()).toMatchObject({ resources: 6, active: 6, slots: 7, addedSinceBuild: 2 });
  });

  it('forgets removed resources and replaces upserted ones', () => {
    const index = DirectoryIndex.build(rows);
    index.remove([uuid(4), uuid(404)]);
    index.upsert([indexRow({ id: uuid(1), name: 'Beta', status: 'inactive' })]);
    expect(ids(index)).toEqual([uuid(2), uuid(5), uuid(3)]);
    expect(index.row(uuid(4))).toBeUndefined();
    expect(index.row(uuid(1))?.status).toBe('inactive');
  });

  it('builds from batches in any order; for one id the last row wins', () => {
    const index = DirectoryIndex.builder()
      .add([rows[4], rows[0], indexRow({ id: uuid(2), name: 'Old name' })])
      .add([rows[2], rows[3], rows[1]])
      .finish();
    expect(ids(index)).toEqual([uuid(2), uuid(1), uuid(5), uuid(4), uuid(3)]);
    expect(index.stats()).toMatchObject({ resources: 5, active: 5, addedSinceBuild: 0 });
  });

  it('hydrates a row as stored, dates included, without search_vector', () => {
    const row = indexRow({
      id: uuid(1),
      name: 'Ünïcode “quotes”',
      search_vector: "'x':1A",
      last_verified_at: new Date('2025-03-04T05:06:07.089Z'),
    });
    const stored = DirectoryIndex.build([row]).row(uuid(1))!;
    const { search_vector: _vector, ...expected } = row;
    expect(stored).toEqual(expected);
    expect(stored.created_at).toBeInstanceOf(Date);
  });
});

describe('DirectoryIndex facets (facetsSql)', () => {
  it('counts each value over the matches: facet, count descending, value; exact total', () => {
    const index = DirectoryIndex.build([
      indexRow({ id: uuid(1), kind: 'clinic', formats: ['video', 'in_person'] }),
      indexRow({ id: uuid(2), kind: 'practice', formats: ['video'] }),
      indexRow({ id: uuid(3), kind: 'practice', formats: ['phone'] }),
      indexRow({ id: uuid(4), kind: 'hotline', formats: ['phone'], status: 'inactive' }),
    ]);
    expect(index.facets({}, ['kind', 'format'])).toEqual({
      total: 3,
      counts: [
        { facet: 'format', value: 'video', count: 2 },
        { facet: 'format', value: 'in_person', count: 1 },
        { facet: 'format', value: 'phone', count: 1 },
        { facet: 'kind', value: 'practice', count: 2 },
        { facet: 'kind', value: 'clinic', count: 1 },
      ],
    });
    expect(index.facets({ formats: ['phone'] }, ['kind'])).toEqual({ total: 1, counts: [{ facet: 'kind', value: 'practice', count: 1 }] });
  });

  it('counts a value listed twice in a row twice, as unnest() does, and a field asked twice twice', () => {
    const index = DirectoryIndex.build([indexRow({ id: uuid(1), formats: ['video', 'video'] })]);
    expect(index.facets({}, ['format', 'format']).counts).toEqual([
      { facet: 'format', value: 'video', count: 2 },
      { facet: 'format', value: 'video', count: 2 },
    ]);
  });
});

describe('DirectoryIndex text', () => {
  const rows = [
    indexRow({ id: uuid(1), name: 'Infidelity Recovery', search_vector: "'infidel':1A 'recoveri':2A" }),
    indexRow({ id: uuid(2), name: 'Couples', search_vector: "'coupl':1A 'infidel':9C 'trust':10C" }),
    indexRow({ id: uuid(3), name: 'Affair Group', search_vector: "'affair':1A 'group':2A" }),
  ];

  it('matches words ANDed, synonyms ORed, stop words dropped', () => {
    const index = DirectoryIndex.build(rows);
    expect(ids(index, { tsQuery: '(affair | infidelity)' })).toEqual([uuid(3), uuid(2), uuid(1)]);
    expect(ids(index, { tsQuery: 'the & (affair | infidelity) & trust' })).toEqual([uuid(2)]);
    expect(ids(index, { tsQuery: 'the' })).toEqual([]);
  });

  it('matches lexemes common enough to keep a bitmap, and rare ones, before and after upserts', () => {
    const doc = (n: number, vector: string) => indexRow({ id: uuid(n), name: `R${n}`, search_vector: vector });
    const index = DirectoryIndex.build(Array.from({ length: 70 }, (_, n) => doc(n, n < 63 ? "'common':1A 'rare':2C" : "'common':1A")));
    index.upsert([doc(100, "'rare':1A"), doc(101, "'rare':1A 'fresh':2B"), doc(0, "'common':1A")]);
    expect(index.search({ tsQuery: 'common' }, NAME).total).toBe(70);
    expect(index.search({ tsQuery: 'rare' }, NAME).total).toBe(64);
    expect(ids(index, { tsQuery: 'fresh' })).toEqual([uuid(101)]);
    expect(index.search({ tsQuery: 'rare & common' }, NAME).total).toBe(62);
  });

  it('ranks a name (A) hit above a description (C) hit, continuing by score then id', () => {
    const index = DirectoryIndex.build(rows);
    const page = index.search({ tsQuery: 'infidelity' }, { sort: 'relevance', limit: 1 });
    expect(page.hits.map((h) => h.id)).toEqual([uuid(1)]);
    expect(page.hasMore).toBe(true);
    const key = page.hits[0].sortKey as number;
    expect(ids(index, { tsQuery: 'infidelity' }, { sort: 'relevance', limit: 5, after: { key, id: uuid(1) } })).toEqual([uuid(2)]);
  });
});

describe('DirectoryIndex geo', () => {
  // Columbus, a point 10 km north, Chicago.
  const rows = [
    indexRow({ id: uuid(1), name: 'A', locations: [location(39.9612, -82.9988)] }),
    indexRow({ id: uuid(2), name: 'B', locations: [location(41.8781, -87.6298, 'US-IL'), location(40.0511, -82.9988)] }),
    indexRow({ id: uuid(3), name: 'C', locations: [location(41.8781, -87.6298, 'US-IL')] }),
    indexRow({ id: uuid(4), name: 'D' }),
  ];
  const near = { lat: 39.9612, lng: -82.9988, radiusMeters: 25000 };

  it('filters by radius and gives the nearest location of each resource in metres', () => {
    const index = DirectoryIndex.build(rows);
    const page = index.search({ near }, { sort: 'distance', limit: 10 });
    expect(page.hits.map((h) => h.id)).toEqual([uuid(1), uuid(2)]);
    expect(page.hits[0].distanceM).toBe(0);
    // 0.0899° of latitude on PostgreSQL's sphere.
    expect(page.hits[1].distanceM).toBeCloseTo(10007.67, 1);
    expect(page.hits[1].sortKey).toBe(page.hits[1].distanceM);
    expect(index.search({ near }, { sort: 'name', limit: 10 }).hits[1].distanceM).toBe(page.hits[1].distanceM);
    expect(ids(index, { near }, { sort: 'distance', limit: 10, after: { key: 0, id: uuid(1) } })).toEqual([uuid(2)]);
  });

  it('finds locations added since the build', () => {
    const index = DirectoryIndex.build(rows);
    index.upsert([indexRow({ id: uuid(3), name: 'C', locations: [location(39.97, -82.99)] })]);
    expect(ids(index, { near }, { sort: 'distance', limit: 10 })).toEqual([uuid(1), uuid(3), uuid(2)]);
  });

  it('crosses the antimeridian', () => {
    const index = DirectoryIndex.build([indexRow({ id: uuid(1), locations: [location(-17, 179.99, 'FJ-C')] })]);
    expect(ids(index, { near: { lat: -17, lng: -179.99, radiusMeters: 5000 } })).toEqual([uuid(1)]);
  });
});

describe('DirectoryIndex candidates (findCandidates)', () => {
  const base: CandidateCriteria = {
    kinds: ['practice', 'clinic', 'online_service', 'self_guided', 'support_group', 'directory'],
    radiusMeters: 25_000,
    inPerson: true,
    remoteFormats: ['video'],
    region: 'US-OH',
    country: 'US',
    excludeRequiresSafeRelationship: false,
    excludeNotForCrisis: false,
    excludeEligibility: [],
    preferKinds: ['practice'],
    preferSpecialties: ['infidelity'],
    languages: [],
  };
  const row = (n: number, over: Partial<IndexRow>) => indexRow({ id: uuid(n), name: `R${n}`, ...over });
  const rows = [
    row(1, { formats: ['in_person'], locations: [location(39.97, -82.99)] }),
    row(2, { formats: ['in_person'], locations: [location(41.8781, -87.6298, 'US-IL')], location_regions: ['US-IL', 'US'] }),
    row(3, { formats: ['video'], service_areas: ['US-OH'], specialties: ['infidelity'] }),
    row(4, { formats: ['video'], service_areas: ['US-TX'] }),
    row(5, { kind: 'self_guided', accepting_new_clients: false }),
    row(6, { kind: 'hotline', formats: ['video'], service_areas: ['US'] }),
    row(7, { kind: 'clinic', formats: ['video'], service_areas: ['US'], requires_safe_relationship: true }),
    row(8, { formats: ['video'], service_areas: ['US-OH'], specialties: ['infidelity'], accepting_new_clients: false }),
  ];

  it('keeps what can reach the couple: near in person, licensed remote, self-guided; never hotlines', () => {
    const index = DirectoryIndex.build(rows);
    const set = index.candidates({ ...base, point: { lat: 39.9612, lng: -82.9988 } });
    expect(set.ids().sort()).toEqual([uuid(1), uuid(3), uuid(5), uuid(7), uuid(8)]);
    expect(set.distanceM(uuid(1))).toBeGreaterThan(0);
    expect(set.distanceM(uuid(3))).toBeNull();
    expect(index.candidates({ ...base, point: { lat: 39.9612, lng: -82.9988 }, excludeRequiresSafeRelationship: true }).has(uuid(7))).toBe(
      false,
    );
  });

  it('takes the best n: nearest, then preferred kind, preferred specialty, accepting, id', () => {
    const index = DirectoryIndex.build(rows);
    const set = index.candidates({ ...base, point: { lat: 39.9612, lng: -82.9988 } });
    expect(set.best(10).map((c) => c.id)).toEqual([uuid(1), uuid(3), uuid(8), uuid(7), uuid(5)]);
    expect(set.best(2).map((c) => c.id)).toEqual([uuid(1), uuid(3)]);
  });

  it('gives distances for the whole earth_box (a cube: its corners reach beyond the radius), not only the circle', () => {
    // At (0, 0) north is +z and east is +y: 13 km north leaves a 10 km box, 13 km north-east stays inside it.
    const km = 1 / 111.32;
    const index = DirectoryIndex.build([
      row(1, { kind: 'self_guided', locations: [location(13 * km, 0)] }),
      row(2, { kind: 'self_guided', locations: [location(9.2 * km, 9.2 * km)] }),
      row(3, { formats: ['in_person'], locations: [location(9.2 * km, 9.2 * km)] }),
    ]);
    const set = index.candidates({ ...base, point: { lat: 0, lng: 0 }, radiusMeters: 10_000 });
    expect(set.ids().sort()).toEqual([uuid(1), uuid(2)]);
    expect(set.distanceM(uuid(1))).toBeNull();
    expect(set.distanceM(uuid(2))).toBeGreaterThan(10000);
  });

  it('without a point: in person by region; with no place, only help licensed for a whole country', () => {
    const index = DirectoryIndex.build(rows);
    expect(
      index
        .candidates({ ...base, region: 'US-IL' })
        .ids()
        .sort(),
    ).toEqual([uuid(2), uuid(5), uuid(7)]);
    expect(
      index
        .candidates({ ...base, region: undefined, country: undefined })
        .ids()
        .sort(),
    ).toEqual([uuid(5), uuid(7)]);
  });
});
