import fc from 'fast-check';

import { subsetOf } from '../../../test/support/arbitraries.js';
import type { CandidateCriteria } from '../candidate-criteria.js';
import type { FacetField, SortOrder } from '../dto/search-resources.query.js';
import type { FacetCount, ResourceSearchCriteria } from '../resource-search.criteria.js';
import { roundCoordinate } from '../resource-search.sql.js';
import type { CandidateHit } from './candidate-query.js';
import { DirectoryIndex, type SearchHit } from './directory-index.js';
import { chordOf, earthDistance, earthPoint } from './earth.js';
import { parseTsQuery } from './english-text.js';
import type { IndexRow } from './index-row.js';
import { compareCodePoints } from './ordering.js';
import { indexRow, location } from './testing.js';
import { documentLength, inverseDocumentFrequency, termFactor, weightedTenths } from './text-index.js';
import { parseTsVector } from './tsvector.js';

/**
 * The index against a plain reference: the SQL's rules written as array filters and sorts over the
 * same rows (resource-search.sql.ts, IntakeRepository.findCandidates), for random directories —
 * built, then changed by upserts and removals — and random criteria. Every shortcut of the index
 * (bitmaps, rank lookups, blocked orders, merged additions, scatter scoring, the kd-tree) must give
 * the same ids in the same order, totals, facet counts and keyset continuations.
 */

const KINDS = ['practice', 'clinic', 'online_service', 'self_guided', 'support_group', 'hotline', 'directory'];
const FORMATS = ['in_person', 'video', 'phone', 'chat'];
const SPECIALTIES = ['infidelity', 'trust_rebuilding', 'communication', 'individual_support'];
const LANGUAGES = ['en', 'es', 'fr'];
const ACCESSIBILITY = ['asl', 'tty', 'captioning', 'wheelchair_access'];
const ELIGIBILITY = ['veterans', 'people_who_use_abuse'];
const AREAS = ['US', 'US-OH', 'US-TX', 'CA', 'CA-ON'];
const REGIONS = ['US-OH', 'US-TX', 'CA-ON'];
const INSURERS = ['aetna', 'cigna'];
const NAMES = ['Alpha', 'alpha', 'Beta', 'Beta Center', 'Éclair', 'Zed', 'Ωmega', '😀 Smile', 'beta'];
// Query words and the lexemes PostgreSQL makes of them (checked in directory-index.postgres.spec.ts).
const WORDS: Record<string, string> = {
  affair: 'affair',
  infidelity: 'infidel',
  trust: 'trust',
  couples: 'coupl',
  recovery: 'recoveri',
  group: 'group',
};
const LEXEMES = Object.values(WORDS);
const CENTERS: [number, number][] = [
  [39.9612, -82.9988],
  [40.05, -83.1],
  [29.76, -95.37],
  [-17, 179.99],
];
const FEES = [0, 5000, 8000, 12000, 20000];

const vectorArb = fc
  .uniqueArray(
    fc.record({
      lexeme: fc.constantFrom(...LEXEMES),
      positions: fc.array(fc.tuple(fc.integer({ min: 1, max: 300 }), fc.constantFrom('A', 'B', 'C', '')), { minLength: 1, maxLength: 3 }),
    }),
    {
      selector: (e) => e.lexeme,
      maxLength: 4,
    },
  )
  .map((entries) => entries.map((e) => `'${e.lexeme}':${e.positions.map(([p, w]) => `${p}${w}`).join(',')}`).join(' '));

const rowArb = (id: string) =>
  fc
    .record({
      name: fc.constantFrom(...NAMES),
      kind: fc.constantFrom(...KINDS),
      formats: fc.oneof(subsetOf(FORMATS), fc.constant<string[]>(['in_person', 'in_person'])),
      specialties: subsetOf(SPECIALTIES),
      languages: subsetOf(LANGUAGES),
      accessibility: subsetOf(ACCESSIBILITY),
      eligibility: subsetOf(ELIGIBILITY),
      service_areas: subsetOf(AREAS),
      location_regions: subsetOf(REGIONS),
      insurer_keys: subsetOf(INSURERS),
      insurance_accepted: fc.boolean(),
      free: fc.boolean(),
      sliding_scale: fc.boolean(),
      fee_min: fc.option(fc.constantFrom(...FEES), { nil: null }),
      fee_period: fc.constantFrom('per_session', 'per_program', 'one_time'),
      accepting_new_clients: fc.boolean(),
      joint_sessions: fc.boolean(),
      requires_safe_relationship: fc.boolean(),
      not_for_crisis: fc.boolean(),
      demo: fc.boolean(),
      status: fc.constantFrom<'active' | 'inactive'>('active', 'active', 'active', 'inactive'),
      locations: fc.array(
        fc
          .tuple(
            fc.constantFrom(...CENTERS),
            fc.double({ min: -0.3, max: 0.3, noNaN: true }),
            fc.double({ min: -0.3, max: 0.3, noNaN: true }),
          )
          .map(([[lat, lng], dLat, dLng]) =>
            location(Math.round((lat + dLat) * 1e5) / 1e5, Math.max(-180, Math.min(180, Math.round((lng + dLng) * 1e5) / 1e5))),
          ),
        { maxLength: 2 },
      ),
      search_vector: vectorArb,
    })
    .map((r) => indexRow({ id, ...r }));

const idArb = fc.integer({ min: 0, max: 0xffff }).map((n) => `${n.toString(16).padStart(8, '0')}-0000-4000-8000-000000000000`);

const directoryArb = fc.uniqueArray(idArb, { maxLength: 60 }).chain((ids) =>
  fc.tuple(
    fc.tuple(...ids.map(rowArb)),
    fc.array(
      fc.oneof(
        idArb.chain((id) => rowArb(id)),
        idArb.map((id) => ({ remove: id })),
      ),
      { maxLength: 10 },
    ),
  ),
);

const CRITERIA = {
  kinds: subsetOf(KINDS),
  formats: subsetOf(FORMATS),
  specialties: subsetOf(SPECIALTIES),
  languages: subsetOf(LANGUAGES),
  accessibility: fc.subarray(ACCESSIBILITY, { minLength: 1, maxLength: 2 }),
  eligibility: subsetOf(ELIGIBILITY),
  free: fc.boolean(),
  slidingScale: fc.boolean(),
  acceptingNewClients: fc.boolean(),
  jointSessions: fc.boolean(),
  maxFeeMinor: fc.constantFrom(0, 4999, 8000, 15000),
  insurerKey: fc.constantFrom(...INSURERS),
  serves: fc.constantFrom(...REGIONS, 'US').map((region) => ({ region, country: region.slice(0, 2) })),
  tsQuery: fc
    .array(fc.array(fc.constantFrom(...Object.keys(WORDS), 'the'), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 2 })
    .map((groups) => groups.map((g) => (g.length === 1 ? g[0] : `(${g.join(' | ')})`)).join(' & ')),
  near: fc
    .tuple(fc.constantFrom(...CENTERS), fc.constantFrom(5000, 20000, 60000))
    .map(([[lat, lng], radiusMeters]) => ({ lat, lng, radiusMeters })),
};

/** Up to three criteria at a time (more would leave small random directories with no match to compare). */
const criteriaArb: fc.Arbitrary<ResourceSearchCriteria> = fc
  .subarray(Object.keys(CRITERIA) as (keyof typeof CRITERIA)[], { maxLength: 3 })
  .chain((keys) => fc.record(Object.fromEntries(keys.map((k) => [k, CRITERIA[k]]))) as fc.Arbitrary<ResourceSearchCriteria>);

// ---------------------------------------------------------------------------------------------
// The reference: plain code over the rows

interface Directory {
  rows: Map<string, IndexRow>;
  /** Rows present at build, for the frozen BM25 statistics. */
  built: IndexRow[];
}

function apply(rows: IndexRow[], changes: (IndexRow | { remove: string })[]): { index: DirectoryIndex; directory: Directory } {
  const index = DirectoryIndex.build(rows);
  const current = new Map(rows.map((r) => [r.id, r]));
  for (const change of changes) {
    if ('remove' in change) {
      index.remove([change.remove]);
      current.delete(change.remove);
    } else {
      index.upsert([change]);
      current.set(change.id, change);
    }
  }
  return { index, directory: { rows: current, built: rows } };
}

const overlaps = (a: readonly string[], b?: readonly string[]) => !b?.length || a.some((v) => b.includes(v));
const pointOf = (lat: number, lng: number) => earthPoint(roundCoordinate(lat), roundCoordinate(lng));

function nearestWithin(r: IndexRow, near: NonNullable<ResourceSearchCriteria['near']>): number | undefined {
  const p = pointOf(near.lat, near.lng);
  const d = r.locations.map((l) => earthDistance(...p, ...earthPoint(l.latitude, l.longitude))).filter((m) => m <= near.radiusMeters);
  return d.length ? Math.min(...d) : undefined;
}

function referenceMatches(d: Directory, c: ResourceSearchCriteria): IndexRow[] {
  const query = c.tsQuery ? parseTsQuery(c.tsQuery) : undefined;
  return [...d.rows.values()].filter((r) => {
    if (r.status !== 'active') return false;
    if (c.kinds?.length && !c.kinds.includes(r.kind)) return false;
    if (
      !overlaps(r.formats, c.formats) ||
      !overlaps(r.specialties, c.specialties) ||
      !overlaps(r.languages, c.languages) ||
      !overlaps(r.eligibility, c.eligibility)
    )
      return false;
    // Accessibility: every code asked for (`@>`), not any.
    if (c.accessibility && !c.accessibility.every((code) => r.accessibility.includes(code))) return false;
    if (!c.eligibility?.includes('people_who_use_abuse') && r.eligibility.includes('people_who_use_abuse')) return false;
    if (r.demo && r.kind === 'hotline') return false;
    for (const [value, column] of [
      [c.free, r.free],
      [c.slidingScale, r.sliding_scale],
      [c.acceptingNewClients, r.accepting_new_clients],
      [c.jointSessions, r.joint_sessions],
    ] as const) {
      if (value !== undefined && value !== column) return false;
    }
    if (
      c.maxFeeMinor !== undefined &&
      !(r.free || (r.fee_min !== null && r.fee_min <= c.maxFeeMinor) || (r.sliding_scale && r.fee_min === null))
    )
      return false;
    if (c.insurerKey && !(r.insurance_accepted && r.insurer_keys.includes(c.insurerKey))) return false;
    if (c.serves) {
      const areas = c.serves.region === c.serves.country ? [c.serves.country] : [c.serves.region, c.serves.country];
      const inPersonOnly = r.formats.length > 0 && r.formats.every((f) => f === 'in_person');
      if (!((overlaps(r.service_areas, areas) && !inPersonOnly) || r.location_regions.includes(c.serves.region))) return false;
    }
    if (query) {
      const lexemes = new Set(parseTsVector(r.search_vector).map((o) => o.lexeme));
      if (query.length === 0 || !query.every((group) => group.some((l) => lexemes.has(l)))) return false;
    }
    if (c.near && nearestWithin(r, c.near) === undefined) return false;
    return true;
  });
}

function referenceScore(d: Directory, query: string[][], r: IndexRow): number {
  const built = d.built.filter((b) => b.status === 'active');
  const vectors = built.map((b) => parseTsVector(b.search_vector));
  const average = vectors.length ? vectors.reduce((sum, v) => sum + documentLength(v), 0) / vectors.length || 1 : 1;
  const own = parseTsVector(r.search_vector);
  let score = 0;
  for (const lexeme of [...new Set(query.flat())].sort()) {
    const o = own.find((x) => x.lexeme === lexeme);
    if (!o) continue;
    const df = vectors.filter((v) => v.some((x) => x.lexeme === lexeme)).length;
    score += inverseDocumentFrequency(built.length, df) * termFactor(weightedTenths(o), documentLength(own), average);
  }
  return score;
}

function referencePage(
  d: Directory,
  c: ResourceSearchCriteria,
  sort: SortOrder,
): { id: string; key: number | string; distanceM: number | null }[] {
  const query = c.tsQuery ? parseTsQuery(c.tsQuery) : [];
  const keyed = referenceMatches(d, c).map((r) => {
    const distanceM = c.near ? nearestWithin(r, c.near)! : null;
    const key = sort === 'name' ? r.name : sort === 'fee' ? r.fee_sort : sort === 'distance' ? distanceM! : referenceScore(d, query, r);
    return { id: r.id, key, distanceM };
  });
  const direction = sort === 'relevance' ? -1 : 1;
  const compareKeys = (a: number | string, b: number | string) =>
    typeof a === 'string' ? compareCodePoints(a, b as string) : a < (b as number) ? -1 : a > (b as number) ? 1 : 0;
  return keyed.sort((a, b) => direction * compareKeys(a.key, b.key) || (a.id < b.id ? -1 : 1));
}

function referenceFacets(d: Directory, c: ResourceSearchCriteria, fields: FacetField[]): { total: number; counts: FacetCount[] } {
  const columns: Record<string, (r: IndexRow) => string[]> = {
    kind: (r) => [r.kind],
    format: (r) => r.formats,
    specialty: (r) => r.specialties,
    language: (r) => r.languages,
    accessibility: (r) => r.accessibility,
  };
  const rows = referenceMatches(d, c);
  const counts: FacetCount[] = [];
  for (const facet of fields) {
    const tally = new Map<string, number>();
    for (const r of rows) for (const v of columns[facet](r)) tally.set(v, (tally.get(v) ?? 0) + 1);
    for (const [value, count] of tally) counts.push({ facet, value, count });
  }
  counts.sort((a, b) => compareCodePoints(a.facet, b.facet) || b.count - a.count || compareCodePoints(a.value, b.value));
  return { total: rows.length, counts };
}

function allPages(index: DirectoryIndex, c: ResourceSearchCriteria, sort: SortOrder, limit: number): SearchHit[] {
  const hits: SearchHit[] = [];
  let after: { key: number | string; id: string } | undefined;
  for (let pages = 0; pages < 100; pages++) {
    const page = index.search(c, { sort, limit, after });
    hits.push(...page.hits);
    const last = page.hits[page.hits.length - 1];
    if (!page.hasMore) return hits;
    after = { key: last.sortKey, id: last.id };
  }
  throw new Error('too many pages');
}

describe('DirectoryIndex against a plain reference (fast-check)', () => {
  it('pages every sort order with the same ids, keys, distances and totals', () => {
    fc.assert(
      fc.property(
        directoryArb,
        criteriaArb,
        fc.constantFrom<SortOrder>('name', 'fee', 'relevance', 'distance'),
        fc.integer({ min: 1, max: 7 }),
        CRITERIA.tsQuery,
        CRITERIA.near,
        ([rows, changes], criteria, sort, limit, tsQuery, near) => {
          // Relevance and distance need their criterion: give it when the draw left it out.
          if (sort === 'relevance' && !criteria.tsQuery) criteria = { ...criteria, tsQuery };
          if (sort === 'distance' && !criteria.near) criteria = { ...criteria, near };
          const { index, directory } = apply(rows, changes);
          const expected = referencePage(directory, criteria, sort);
          const first = index.search(criteria, { sort, limit });
          expect(first.total).toBe(expected.length);
          expect(first.hasMore).toBe(expected.length > limit);
          const walked = allPages(index, criteria, sort, limit);
          expect(walked.map((h) => h.id)).toEqual(expected.map((e) => e.id));
          expect(walked.map((h) => h.sortKey)).toEqual(expected.map((e) => e.key));
          expect(walked.map((h) => h.distanceM)).toEqual(expected.map((e) => e.distanceM));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('counts facets exactly', () => {
    fc.assert(
      fc.property(
        directoryArb,
        criteriaArb,
        fc.array(fc.constantFrom<FacetField>('kind', 'format', 'specialty', 'language', 'accessibility'), { minLength: 1, maxLength: 3 }),
        ([rows, changes], criteria, fields) => {
          const { index, directory } = apply(rows, changes);
          expect(index.facets(criteria, fields)).toEqual(referenceFacets(directory, criteria, fields));
        },
      ),
      { numRuns: 300 },
    );
  });

  const candidateArb: fc.Arbitrary<CandidateCriteria> = fc.record(
    {
      kinds: subsetOf(KINDS),
      specialtiesAny: fc.option(subsetOf(SPECIALTIES), { nil: undefined }),
      point: fc.option(
        fc.constantFrom(...CENTERS).map(([lat, lng]) => ({ lat, lng })),
        { nil: undefined },
      ),
      radiusMeters: fc.constantFrom(5000, 25_000, 80_000),
      inPerson: fc.boolean(),
      remoteFormats: subsetOf(['video', 'phone', 'chat']),
      region: fc.option(fc.constantFrom(...REGIONS), { nil: undefined }),
      country: fc.option(fc.constantFrom('US', 'CA'), { nil: undefined }),
      budget: fc.option(
        fc.record({ maxFeeMinor: fc.constantFrom(0, 5000, 9000), slidingScaleAboveBudget: fc.boolean(), insuranceAccepted: fc.boolean() }),
        { nil: undefined },
      ),
      excludeRequiresSafeRelationship: fc.boolean(),
      excludeNotForCrisis: fc.boolean(),
      excludeEligibility: subsetOf(ELIGIBILITY),
      requireEligibility: fc.option(fc.constantFrom(...ELIGIBILITY), { nil: undefined }),
      preferKinds: subsetOf(KINDS),
      preferSpecialties: subsetOf(SPECIALTIES),
      languages: subsetOf(LANGUAGES),
    },
    {
      requiredKeys: [
        'kinds',
        'radiusMeters',
        'inPerson',
        'remoteFormats',
        'excludeRequiresSafeRelationship',
        'excludeNotForCrisis',
        'excludeEligibility',
        'preferKinds',
        'preferSpecialties',
        'languages',
      ],
    },
  );

  function referenceCandidates(d: Directory, q: CandidateCriteria): CandidateHit[] {
    const box = q.inPerson && q.point ? { p: pointOf(q.point.lat, q.point.lng), half: chordOf(q.radiusMeters) } : undefined;
    const hits: (CandidateHit & { r: IndexRow })[] = [];
    for (const r of d.rows.values()) {
      if (r.status !== 'active' || r.kind === 'hotline' || !q.kinds.includes(r.kind)) continue;
      if ((q.excludeRequiresSafeRelationship && r.requires_safe_relationship) || (q.excludeNotForCrisis && r.not_for_crisis)) continue;
      if (r.eligibility.some((e) => q.excludeEligibility.includes(e))) continue;
      if (q.requireEligibility && !r.eligibility.includes(q.requireEligibility)) continue;
      if (q.specialtiesAny && !r.specialties.some((s) => q.specialtiesAny!.includes(s))) continue;
      if (q.budget) {
        const { maxFeeMinor, slidingScaleAboveBudget, insuranceAccepted } = q.budget;
        const ok =
          r.free ||
          r.kind === 'directory' ||
          (maxFeeMinor > 0 && ['per_program', 'one_time'].includes(r.fee_period)) ||
          (r.fee_min !== null && r.fee_min <= maxFeeMinor) ||
          (slidingScaleAboveBudget ? r.sliding_scale : r.sliding_scale && r.fee_min === null) ||
          (insuranceAccepted && r.insurance_accepted);
        if (!ok) continue;
      }
      if (q.languages.length && !r.languages.some((l) => q.languages.includes(l))) continue;
      let distanceM: number | null = null;
      if (box) {
        const inBox = r.locations
          .map((l) => earthPoint(l.latitude, l.longitude))
          .filter((x) => x.every((v, i) => box.p[i] - box.half <= v && v <= box.p[i] + box.half));
        if (inBox.length) distanceM = Math.min(...inBox.map((x) => earthDistance(...box.p, ...x)));
      }
      const areas = [q.region, q.country].filter((a): a is string => !!a);
      const reach =
        r.kind === 'self_guided' ||
        (q.inPerson && !q.point && !!q.region && r.formats.includes('in_person') && r.location_regions.includes(q.region)) ||
        (q.remoteFormats.length > 0 &&
          r.formats.some((f) => q.remoteFormats.includes(f)) &&
          (areas.length ? r.service_areas.some((a) => areas.includes(a)) : r.service_areas.some((a) => [...a].length === 2))) ||
        (distanceM !== null && distanceM <= q.radiusMeters && r.formats.includes('in_person'));
      if (reach) hits.push({ id: r.id, distanceM, r });
    }
    const shortfall = (r: IndexRow) =>
      (q.preferKinds.includes(r.kind) ? 0 : 4) +
      (r.specialties.some((s) => q.preferSpecialties.includes(s)) ? 0 : 2) +
      (r.accepting_new_clients ? 0 : 1);
    return hits
      .sort((a, b) => (a.distanceM ?? Infinity) - (b.distanceM ?? Infinity) || shortfall(a.r) - shortfall(b.r) || (a.id < b.id ? -1 : 1))
      .map(({ id, distanceM }) => ({ id, distanceM }));
  }

  it('finds every intake candidate with its distance, and the best n in order', () => {
    fc.assert(
      fc.property(directoryArb, candidateArb, fc.integer({ min: 1, max: 12 }), ([rows, changes], query, n) => {
        const { index, directory } = apply(rows, changes);
        const expected = referenceCandidates(directory, query);
        const set = index.candidates(query);
        expect(set.size).toBe(expected.length);
        expect(set.ids().sort()).toEqual(expected.map((e) => e.id).sort());
        for (const e of expected) expect(set.distanceM(e.id)).toBe(e.distanceM);
        expect(set.best(n)).toEqual(expected.slice(0, n));
      }),
      { numRuns: 300 },
    );
  });
});
