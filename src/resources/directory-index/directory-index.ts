import type { CandidateCriteria } from '../candidate-criteria.js';
import type { FacetField, SortOrder } from '../dto/search-resources.query.js';
import {
  EQUALS_FILTERS,
  type FacetCount,
  OVERLAP_FILTERS,
  type ResourceSearchCriteria,
  type SearchPage,
} from '../resource-search.criteria.js';
import { roundCoordinate } from '../resource-search.sql.js';
import { AtMostIndex } from './at-most-index.js';
import { Bitmap, EMPTY_BITMAP, intersectAll, unionAll } from './bitmap.js';
import type { CandidateFact, CandidateFactField, CandidateHit, CandidateSet } from './candidate-query.js';
import { angleOf, chordOf, earthBoxAngle, earthDistance, earthPoint } from './earth.js';
import { type LexemeQuery, parseTsQuery } from './english-text.js';
import { GeoIndex, type SlotLocation } from './geo-index.js';
import type { IndexRow } from './index-row.js';
import { BlockedOrder, compareCodePoints, compareIds, TopK } from './ordering.js';
import { type IndexedResource, RowStore } from './row-store.js';
import { TextIndex } from './text-index.js';
import { FlagIndex, ValueIndex } from './value-index.js';

export interface SearchHit {
  id: string;
  /** The row's key in the page order, as the SQL's sort_key: name, fee_sort, relevance score or metres. */
  sortKey: number | string;
  /** Metres to the nearest location when the search has a place, else null. */
  distanceM: number | null;
}

export interface SearchResult {
  /** At most `limit` hits, in page order. */
  hits: SearchHit[];
  /** Whether a row follows the page (the SQL's LIMIT limit + 1). */
  hasMore: boolean;
  /** Every match, counted exactly. */
  total: number;
}

export interface FacetResult {
  total: number;
  /** Ordered as facetsSql: facet, then count descending, then value. */
  counts: FacetCount[];
}

export interface DirectoryIndexBuilder {
  add(rows: Iterable<IndexRow>): DirectoryIndexBuilder;
  finish(): DirectoryIndex;
}

export interface IndexStats {
  /** Resources held (any status). */
  resources: number;
  active: number;
  /** Slots used since the build; upserts and removals leave retired slots behind until the next build. */
  slots: number;
  /** Slots added since the build (kept out of the prebuilt orders, merged per query). */
  addedSinceBuild: number;
  lexemes: number;
  locations: number;
  bytes: { bitmaps: number; postings: number; rows: number; arrays: number };
}

/** The text[] columns and the scalar columns indexed as values. */
const VALUE_FIELDS = [
  'kind',
  'formats',
  'specialties',
  'approaches',
  'languages',
  'audiences',
  'accessibility',
  'eligibility',
  'credentials',
  'payment_options',
  'availability',
  'service_areas',
  'location_regions',
  'insurer_keys',
  'line_roles',
  'fee_period',
] as const;
type ValueField = (typeof VALUE_FIELDS)[number];

/** Yes/no properties the filters and the candidate search test. */
const FLAGS = {
  free: (r: IndexRow) => r.free,
  slidingScale: (r: IndexRow) => r.sliding_scale,
  noInsuranceNeeded: (r: IndexRow) => r.no_insurance_needed,
  acceptingNewClients: (r: IndexRow) => r.accepting_new_clients,
  jointSessions: (r: IndexRow) => r.joint_sessions,
  insuranceAccepted: (r: IndexRow) => r.insurance_accepted,
  requiresSafeRelationship: (r: IndexRow) => r.requires_safe_relationship,
  notForCrisis: (r: IndexRow) => r.not_for_crisis,
  demo: (r: IndexRow) => r.demo,
  feeMinUnknown: (r: IndexRow) => r.fee_min === null,
  /** cardinality(formats) > 0 AND formats <@ ARRAY['in_person']: the `serves` rule's in-person-only help. */
  inPersonOnly: (r: IndexRow) => r.formats.length > 0 && r.formats.every((f) => f === 'in_person'),
  /** EXISTS (… unnest(service_areas) area WHERE length(area) = 2): licensed for a whole country. */
  servesACountry: (r: IndexRow) => r.service_areas.some((a) => [...a].length === 2),
} as const;
type Flag = keyof typeof FLAGS;
const FLAG_NAMES = Object.keys(FLAGS) as Flag[];

/** Facet field → the column it counts (FACET_COLUMNS in resource-search.sql.ts). */
const FACET_FIELDS: Record<FacetField, ValueField> = {
  kind: 'kind',
  format: 'formats',
  specialty: 'specialties',
  approach: 'approaches',
  language: 'languages',
  audience: 'audiences',
  accessibility: 'accessibility',
  credential: 'credentials',
  payment: 'payment_options',
  availability: 'availability',
};

interface Matches {
  bitmap: Bitmap;
  query?: LexemeQuery;
  /** Per-slot metres of the search's `near`, valid until the next geo lookup. */
  meters?: (slot: number) => number;
}

/**
 * The in-memory directory index (issue 14): every filter, facet, sort and keyset page of
 * GET /v1/resources and the candidate search of intake matching, answered from compressed
 * bitmaps, a kd-tree and an inverted index, with the semantics of resource-search.sql.ts and
 * IntakeRepository.findCandidates (proved against PostgreSQL in directory-index.postgres.spec.ts).
 *
 * Resources live in dense numbered slots, in arrival order; the name, fee and id orders are
 * permutations made once by the build, cut into blocks for keyset pages. Slots are append-only:
 * `upsert` gives a changed resource a new slot and retires the old one, `remove` retires it; a
 * retired slot leaves the `active` bitmap, which every query intersects, and stays in the other
 * structures until the next build. So every method runs synchronously on a state no other call
 * can see half-changed, and an earlier result stays valid after a change. Rebuild (build from
 * fresh rows, then swap) when `stats().addedSinceBuild` grows large: slots added since the
 * build are sorted per query. See README.md.
 */
export class DirectoryIndex {
  private readonly slotOf = new Map<string, number>();
  private readonly ids: string[] = [];
  private readonly names: string[] = [];
  private feeSort = new Int32Array(1024);
  private readonly rows = new RowStore();
  private active = new Bitmap();
  private readonly values = Object.fromEntries(VALUE_FIELDS.map((f) => [f, new ValueIndex()])) as Record<ValueField, ValueIndex>;
  private readonly flags = Object.fromEntries(FLAG_NAMES.map((f) => [f, new FlagIndex()])) as Record<Flag, FlagIndex>;
  private readonly feeMin = new AtMostIndex();
  private readonly text = new TextIndex();
  private geo = new GeoIndex([]);
  private nameOrder = new BlockedOrder(new Uint32Array(0));
  private feeOrder = new BlockedOrder(new Uint32Array(0));
  private idOrder = new BlockedOrder(new Uint32Array(0));
  /** Slots [0, builtSlots) are in the prebuilt orders. */
  private builtSlots = 0;
  /** Array elements listed more than once in a row: unnest() counts each copy in facetsSql. */
  private readonly facetRepeats = new Map<number, { field: ValueField; value: string; extra: number }[]>();
  private building = true;
  private pendingActive: number[] = [];
  private pendingLocations: SlotLocation[] = [];
  /** Per-query scratch (matches and their keys): reused, so a query allocates no large arrays for the collector. */
  private scratchSlots = new Uint32Array(0);
  private scratchKeys = new Float64Array(0);
  private geoMeters = new Float64Array(0);
  private geoStamps = new Uint32Array(0);
  private geoStamp = 0;

  private constructor() {}

  /** A new index of these rows (any status, any order; for one id the last row wins). */
  static build(rows: Iterable<IndexRow>): DirectoryIndex {
    return DirectoryIndex.builder().add(rows).finish();
  }

  /**
   * Builds in batches, for a loader that streams rows (a cursor): each row is indexed as it comes
   * and not kept, so the build never holds the whole directory as objects.
   */
  static builder(): DirectoryIndexBuilder {
    const index = new DirectoryIndex();
    const builder: DirectoryIndexBuilder = {
      add(rows: Iterable<IndexRow>) {
        if (!index.building) throw new Error('this build is finished');
        index.upsert(rows);
        return builder;
      },
      finish() {
        index.seal();
        return index;
      },
    };
    return builder;
  }

  /** Adds or replaces these rows (a change feed batch). An inactive row stays readable by `row()` and matches nothing. */
  upsert(rows: Iterable<IndexRow>): void {
    for (const row of rows) {
      const previous = this.slotOf.get(row.id);
      if (previous !== undefined) this.retire(previous);
      this.insert(row);
    }
  }

  /** Forgets these resources (deleted rows). */
  remove(ids: Iterable<string>): void {
    for (const id of ids) {
      const slot = this.slotOf.get(id);
      if (slot === undefined) continue;
      this.retire(slot);
      this.slotOf.delete(id);
    }
  }

  /** Where the resource's current row is stored: changes whenever the row does (slots are never reused). */
  rowSlot(id: string): number | undefined {
    return this.slotOf.get(id);
  }

  /** The stored row of a resource of any status, for hydration without PostgreSQL. */
  row(id: string): IndexedResource | undefined {
    const slot = this.slotOf.get(id);
    return slot === undefined ? undefined : this.rows.get(slot);
  }

  /**
   * Active, real hotlines with a safety role serving any of these areas, in name order: what
   * intake's safety-line chooser picks from (the former ResourcesRepository.findSafetyLines).
   * A line suspended by reports from the field is left out until a curator reviews it.
   */
  safetyLines(areas: readonly string[]): IndexedResource[] {
    const lines = intersectAll([this.active, this.values.kind.get('hotline'), this.values.service_areas.union([...areas])]);
    lines.andNotInPlace(this.flags.demo.bitmap);
    return this.pageByName(lines, undefined, lines.size)
      .map((slot) => this.rows.get(slot))
      .filter((row) => row.line_roles.length > 0 && !row.safety_suspended);
  }

  /** One page of GET /v1/resources (searchSql) with the exact total (countSql, uncapped). */
  search(criteria: ResourceSearchCriteria, page: SearchPage): SearchResult {
    const matches = this.match(criteria);
    const need = page.limit + 1;
    let slots: number[];
    let keyOf: (slot: number, i: number) => number | string;
    switch (page.sort) {
      case 'name':
        slots = this.pageByName(matches.bitmap, page.after, need);
        keyOf = (slot) => this.names[slot];
        break;
      case 'fee':
        slots = this.pageByFee(matches.bitmap, page.after, need);
        keyOf = (slot) => this.feeSort[slot];
        break;
      case 'relevance': {
        if (!matches.query) throw new Error('sort=relevance needs tsQuery');
        const ranked = this.pageByRelevance(matches.bitmap, matches.query, page.after, need);
        slots = ranked.slots;
        keyOf = (_slot, i) => ranked.scores[i];
        break;
      }
      case 'distance': {
        const meters = matches.meters;
        if (!meters) throw new Error('sort=distance needs near');
        slots = this.pageByDistance(matches.bitmap, meters, page.after, need);
        keyOf = (slot) => meters(slot);
        break;
      }
      default: {
        const unknown: never = page.sort;
        throw new Error(`unknown sort ${unknown as SortOrder}`);
      }
    }
    const meters = matches.meters;
    const hits = slots
      .slice(0, page.limit)
      .map((slot, i) => ({ id: this.ids[slot], sortKey: keyOf(slot, i), distanceM: meters ? meters(slot) : null }));
    return { hits, hasMore: slots.length > page.limit, total: matches.bitmap.size };
  }

  /** Exact total and facet counts (facetsSql): per requested field, each value's matches. */
  facets(criteria: ResourceSearchCriteria, fields: readonly FacetField[]): FacetResult {
    const matches = this.match(criteria).bitmap;
    const perField = new Map<FacetField, Map<string, number>>();
    for (const facet of new Set(fields)) {
      const counts = new Map<string, number>();
      for (const [value, bitmap] of this.values[FACET_FIELDS[facet]].entries()) {
        const count = matches.andCardinality(bitmap);
        if (count) counts.set(value, count);
      }
      perField.set(facet, counts);
    }
    if (this.facetRepeats.size) {
      const byColumn = new Map([...perField].map(([facet, counts]) => [FACET_FIELDS[facet], counts]));
      for (const [slot, repeats] of this.facetRepeats) {
        if (!matches.has(slot)) continue;
        for (const { field, value, extra } of repeats) {
          const counts = byColumn.get(field);
          if (counts) counts.set(value, (counts.get(value) ?? 0) + extra);
        }
      }
    }
    const counts: FacetCount[] = [];
    for (const facet of fields) for (const [value, count] of perField.get(facet)!) counts.push({ facet, value, count });
    counts.sort((a, b) => compareCodePoints(a.facet, b.facet) || b.count - a.count || compareCodePoints(a.value, b.value));
    return { total: matches.size, counts };
  }

  /** Every resource meeting an intake's hard constraints (candidatesSql without its LIMIT). */
  candidates(q: CandidateCriteria): CandidateSet {
    const must: Bitmap[] = [this.active, this.values.kind.union(q.kinds)];
    const mustNot: Bitmap[] = [this.values.kind.get('hotline')];
    if (q.excludeRequiresSafeRelationship) mustNot.push(this.flags.requiresSafeRelationship.bitmap);
    if (q.excludeNotForCrisis) mustNot.push(this.flags.notForCrisis.bitmap);
    if (q.excludeEligibility.length) mustNot.push(this.values.eligibility.union(q.excludeEligibility));
    if (q.requireEligibility) must.push(this.values.eligibility.get(q.requireEligibility));
    if (q.specialtiesAny) must.push(this.values.specialties.union(q.specialtiesAny));
    if (q.budget) {
      const { maxFeeMinor, slidingScaleAboveBudget, insuranceAccepted } = q.budget;
      // Directories are free to search; a program fee is not a per-session fee; $0 means free options only.
      const within = [this.flags.free.bitmap, this.values.kind.get('directory'), this.feeMin.atMost(maxFeeMinor)];
      if (maxFeeMinor > 0) within.push(this.values.fee_period.get('per_program'), this.values.fee_period.get('one_time'));
      within.push(
        slidingScaleAboveBudget
          ? this.flags.slidingScale.bitmap
          : Bitmap.and(this.flags.slidingScale.bitmap, this.flags.feeMinUnknown.bitmap),
      );
      if (insuranceAccepted) within.push(this.flags.insuranceAccepted.bitmap);
      must.push(unionAll(within));
    }
    if (q.languages.length) must.push(this.values.languages.union(q.languages));
    const eligible = intersectAll(must);
    for (const b of mustNot) eligible.andNotInPlace(b);

    // Ways to reach the couple other than being near them.
    const reach: Bitmap[] = [this.values.kind.get('self_guided')];
    if (q.inPerson && !q.point && q.region)
      reach.push(Bitmap.and(this.values.formats.get('in_person'), this.values.location_regions.get(q.region)));
    if (q.remoteFormats.length) {
      const areas = [q.region, q.country].filter((a): a is string => !!a);
      const licensed = areas.length ? this.values.service_areas.union(areas) : this.flags.servesACountry.bitmap;
      reach.push(Bitmap.and(this.values.formats.union(q.remoteFormats), licensed));
    }
    let near: { slots: Uint32Array; meters: Float64Array } | undefined;
    if (q.inPerson && q.point) {
      const box = this.inEarthBox(q.point.lat, q.point.lng, q.radiusMeters);
      near = box;
      reach.push(Bitmap.and(box.withinRadius, this.values.formats.get('in_person')));
    }
    eligible.andInPlace(unionAll(reach));
    return new Candidates(this, eligible, near, q);
  }

  stats(): IndexStats {
    const bitmaps = [...Object.values(this.values), ...Object.values(this.flags)].reduce((sum, v) => sum + v.sizeInBytes(), 0);
    const arrays = this.feeSort.byteLength + 2 * 8 * this.builtSlots + this.geoMeters.byteLength + this.geoStamps.byteLength;
    return {
      resources: this.slotOf.size,
      active: this.active.size,
      slots: this.ids.length,
      addedSinceBuild: this.ids.length - this.builtSlots,
      lexemes: this.text.lexemeCount,
      locations: this.geo.size,
      bytes: { bitmaps, postings: this.text.sizeInBytes(), rows: this.rows.bytes.allocated, arrays },
    };
  }

  // ---------------------------------------------------------------------------------------------
  // Loading

  private insert(row: IndexRow): number {
    const slot = this.rows.append(row);
    this.ids[slot] = row.id;
    this.names[slot] = row.name;
    if (slot >= this.feeSort.length) {
      const bigger = new Int32Array(this.feeSort.length * 2);
      bigger.set(this.feeSort);
      this.feeSort = bigger;
    }
    this.feeSort[slot] = row.fee_sort;
    this.slotOf.set(row.id, slot);
    if (row.status !== 'active') return slot;

    if (this.building) this.pendingActive.push(slot);
    else this.active.add(slot);
    for (const field of VALUE_FIELDS) {
      const value = row[field];
      if (typeof value === 'string') {
        this.values[field].add(value, slot);
        continue;
      }
      for (let i = 0; i < value.length; i++) {
        const v = value[i];
        if (v === null || value.indexOf(v) < i) continue; // counted at its first occurrence
        this.values[field].add(v, slot);
        const times = value.lastIndexOf(v) === i ? 1 : value.filter((x) => x === v).length;
        if (times > 1) {
          const repeats = this.facetRepeats.get(slot) ?? [];
          repeats.push({ field, value: v, extra: times - 1 });
          this.facetRepeats.set(slot, repeats);
        }
      }
    }
    for (const flag of FLAG_NAMES) this.flags[flag].add(slot, FLAGS[flag](row));
    if (row.fee_min !== null) this.feeMin.add(row.fee_min, slot);
    this.text.add(slot, row.search_vector);
    for (const l of row.locations) {
      const location = { slot, lat: l.latitude, lng: l.longitude };
      if (this.building) this.pendingLocations.push(location);
      else this.geo.add(location);
    }
    return slot;
  }

  private seal(): void {
    this.active = new Bitmap(Uint32Array.from(this.pendingActive.filter((slot) => this.slotOf.get(this.ids[slot]) === slot)));
    this.active.runOptimize();
    this.pendingActive = [];
    for (const v of Object.values(this.values)) v.seal();
    for (const f of Object.values(this.flags)) f.seal();
    this.feeMin.seal();
    this.text.seal();
    this.geo = new GeoIndex(this.pendingLocations);
    this.pendingLocations = [];
    this.builtSlots = this.ids.length;
    const slots = Uint32Array.from({ length: this.builtSlots }, (_, i) => i);
    this.nameOrder = new BlockedOrder(
      slots.slice().sort((a, b) => compareCodePoints(this.names[a], this.names[b]) || compareIds(this.ids[a], this.ids[b])),
    );
    this.feeOrder = new BlockedOrder(
      slots.slice().sort((a, b) => this.feeSort[a] - this.feeSort[b] || compareIds(this.ids[a], this.ids[b])),
    );
    this.idOrder = new BlockedOrder(slots.slice().sort((a, b) => compareIds(this.ids[a], this.ids[b])));
    this.building = false;
  }

  private retire(slot: number): void {
    if (!this.building) this.active.remove(slot); // while building, seal() keeps only each id's last slot
    this.facetRepeats.delete(slot);
  }

  // ---------------------------------------------------------------------------------------------
  // Filters: filtered() in resource-search.sql.ts, as bitmap algebra over active slots

  private match(c: ResourceSearchCriteria): Matches {
    const must: Bitmap[] = [this.active];
    const mustNot: Bitmap[] = [];
    const overlap = (field: ValueField, values?: string[]) => {
      if (values?.length) must.push(this.values[field].union(values));
    };
    const equals = (flag: Flag, value?: boolean) => {
      if (value !== undefined) (value ? must : mustNot).push(this.flags[flag].bitmap);
    };
    overlap('kind', c.kinds);
    for (const [criterion, column] of OVERLAP_FILTERS) overlap(column, c[criterion]);
    // Every code asked for: one bitmap each, intersected with the rest.
    for (const code of new Set(c.accessibility ?? [])) must.push(this.values.accessibility.get(code));
    // A person searching for help never meets a program for people who use abuse by chance.
    if (!c.eligibility?.includes('people_who_use_abuse')) mustNot.push(this.values.eligibility.get('people_who_use_abuse'));
    // A fictional hotline is never listed where someone could call it (curators still read it by id).
    mustNot.push(Bitmap.and(this.values.kind.get('hotline'), this.flags.demo.bitmap));
    for (const [criterion] of EQUALS_FILTERS) equals(criterion, c[criterion]);
    if (c.ids) {
      const slots = c.ids.map((id) => this.slotOf.get(id.toLowerCase())).filter((s): s is number => s !== undefined);
      must.push(new Bitmap(slots));
    }
    if (c.maxFeeMinor !== undefined) {
      // Within budget: free, lowest fee at or under it, or sliding scale with no published minimum.
      must.push(
        unionAll([
          this.flags.free.bitmap,
          this.feeMin.atMost(c.maxFeeMinor),
          Bitmap.and(this.flags.slidingScale.bitmap, this.flags.feeMinUnknown.bitmap),
        ]),
      );
    }
    if (c.insurerKey) must.push(Bitmap.and(this.flags.insuranceAccepted.bitmap, this.values.insurer_keys.get(c.insurerKey)));
    if (c.serves) {
      // Remote help needs a licence where the client is; in-person help needs to be there.
      const areas = c.serves.region === c.serves.country ? [c.serves.country] : [c.serves.region, c.serves.country];
      const licensed = this.values.service_areas.union(areas);
      licensed.andNotInPlace(this.flags.inPersonOnly.bitmap);
      must.push(unionAll([licensed, this.values.location_regions.get(c.serves.region)]));
    }
    let query: LexemeQuery | undefined;
    if (c.tsQuery) {
      query = parseTsQuery(c.tsQuery);
      must.push(this.text.match(query));
    }
    let meters: ((slot: number) => number) | undefined;
    if (c.near) {
      const near = this.withinRadius(c.near.lat, c.near.lng, c.near.radiusMeters);
      must.push(near.bitmap);
      meters = near.meters;
    }
    const bitmap = must.length === 1 ? this.active.clone() : intersectAll(must);
    for (const b of mustNot) if (b.size) bitmap.andNotInPlace(b);
    return { bitmap, query, meters };
  }

  // ---------------------------------------------------------------------------------------------
  // Geo: the `nearby` CTE (earth_box ∩ earth_distance) without PostgreSQL

  /** Scratch per-slot metres, stamped per lookup so it is never cleared. */
  private nextGeoStamp(): number {
    if (this.geoMeters.length < this.ids.length) {
      this.geoMeters = new Float64Array(Math.max(this.ids.length, this.geoMeters.length * 2));
      this.geoStamps = new Uint32Array(this.geoMeters.length);
      this.geoStamp = 0;
    }
    return ++this.geoStamp;
  }

  /**
   * Visits the locations within `angle` of the point; per slot, keeps in geoMeters (stamped for
   * this query) the least distance `measure` gives its locations, a negative one leaving the
   * location out. Returns the slots found, in visit order.
   */
  private nearestPerSlot(lat: number, lng: number, angle: number, measure: (x: number, y: number, z: number) => number): number[] {
    const stamp = this.nextGeoStamp();
    const { geoMeters, geoStamps } = this;
    const found: number[] = [];
    this.geo.visitNear(roundCoordinate(lat), roundCoordinate(lng), angle, (slot, x, y, z) => {
      const d = measure(x, y, z);
      if (d < 0) return;
      if (geoStamps[slot] !== stamp) {
        geoStamps[slot] = stamp;
        geoMeters[slot] = d;
        found.push(slot);
      } else if (d < geoMeters[slot]) {
        geoMeters[slot] = d;
      }
    });
    return found;
  }

  /** Resources with a location within `radius` metres, and their nearest distance (search's `near`). */
  private withinRadius(lat: number, lng: number, radius: number): { bitmap: Bitmap; meters: (slot: number) => number } {
    const [px, py, pz] = earthPoint(roundCoordinate(lat), roundCoordinate(lng));
    const found = this.nearestPerSlot(lat, lng, angleOf(radius), (x, y, z) => {
      const d = earthDistance(px, py, pz, x, y, z);
      return d > radius ? -1 : d;
    });
    const { geoMeters } = this;
    return { bitmap: new Bitmap(found), meters: (slot) => geoMeters[slot] };
  }

  /**
   * Resources with a location inside earth_box(point, radius) — a cube around the point, so some
   * lie beyond the radius — with the nearest distance among those locations: findCandidates'
   * `nearby`. Returned as sorted slots with their metres (kept by the candidate set).
   */
  private inEarthBox(lat: number, lng: number, radius: number): { slots: Uint32Array; meters: Float64Array; withinRadius: Bitmap } {
    const [px, py, pz] = earthPoint(roundCoordinate(lat), roundCoordinate(lng));
    const half = chordOf(radius);
    const [loX, hiX, loY, hiY, loZ, hiZ] = [px - half, px + half, py - half, py + half, pz - half, pz + half];
    const found = this.nearestPerSlot(lat, lng, earthBoxAngle(radius), (x, y, z) =>
      x < loX || x > hiX || y < loY || y > hiY || z < loZ || z > hiZ ? -1 : earthDistance(px, py, pz, x, y, z),
    );
    const { geoMeters } = this;
    const slots = Uint32Array.from(found).sort();
    const meters = new Float64Array(slots.length);
    const within: number[] = [];
    slots.forEach((slot, i) => {
      meters[i] = geoMeters[slot];
      if (meters[i] <= radius) within.push(slot);
    });
    return { slots, meters, withinRadius: new Bitmap(within) };
  }

  // ---------------------------------------------------------------------------------------------
  // Keyset pages: (key, id) strictly after the cursor, as searchSql's row comparison

  /** Whether slot a's id sorts before slot b's (prebuilt order for built slots). */
  idBefore = (a: number, b: number): boolean => {
    if (a < this.builtSlots && b < this.builtSlots) return this.idOrder.position[a] < this.idOrder.position[b];
    return this.ids[a] < this.ids[b];
  };

  /** Matching slots added since the build, in slot order. */
  private addedSince(matches: Bitmap): Uint32Array {
    const before = this.builtSlots === 0 ? 0 : matches.rank(this.builtSlots - 1);
    const count = matches.size - before;
    return count > 0 ? matches.rangeUint32Array(new Uint32Array(count), before, count) : new Uint32Array(0);
  }

  /** The built slots' page plus the added slots that belong in it, merged by `compare`. */
  private mergeAdded(
    built: number[],
    matches: Bitmap,
    compare: (a: number, b: number) => number,
    isAfter: (slot: number) => boolean,
    need: number,
  ): number[] {
    const added = [...this.addedSince(matches)].filter(isAfter).sort(compare);
    if (added.length === 0) return built;
    const out: number[] = [];
    let i = 0;
    let j = 0;
    while (out.length < need && (i < built.length || j < added.length)) {
      if (j >= added.length || (i < built.length && compare(built[i], added[j]) < 0)) out.push(built[i++]);
      else out.push(added[j++]);
    }
    return out;
  }

  /** First position in [0, n) whose slot sorts after the cursor (`compare(slot) > 0`). */
  private static firstAfter(n: number, slotAt: (p: number) => number, compare: (slot: number) => number): number {
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compare(slotAt(mid)) > 0) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  private pageByName(matches: Bitmap, after: SearchPage['after'], need: number): number[] {
    const { names } = this;
    return this.pageInOrder(this.nameOrder, matches, after, need, (slot) => names[slot], String(after?.key), compareCodePoints);
  }

  private pageByFee(matches: Bitmap, after: SearchPage['after'], need: number): number[] {
    const { feeSort } = this;
    return this.pageInOrder(
      this.feeOrder,
      matches,
      after,
      need,
      (slot) => feeSort[slot],
      Number(after?.key),
      (a, b) => a - b,
    );
  }

  /**
   * A keyset page in a prebuilt order (by the key, then id): binary search for the cursor, blocks
   * from there, added slots merged.
   */
  private pageInOrder<K>(
    order: BlockedOrder,
    matches: Bitmap,
    after: SearchPage['after'],
    need: number,
    keyOf: (slot: number) => K,
    cursorKey: K,
    compareKeys: (a: K, b: K) => number,
  ): number[] {
    const { ids } = this;
    const vsCursor = (slot: number) => compareKeys(keyOf(slot), cursorKey) || compareIds(ids[slot], after!.id);
    const compare = (a: number, b: number) => compareKeys(keyOf(a), keyOf(b)) || compareIds(ids[a], ids[b]);
    const from = after ? DirectoryIndex.firstAfter(order.length, (p) => order.order[p], vsCursor) : 0;
    return this.mergeAdded(order.take(matches, from, need), matches, compare, (slot) => !after || vsCursor(slot) > 0, need);
  }

  /** The matches in the scratch array (valid until the next query), with room for their keys. */
  private materialise(matches: Bitmap): Uint32Array {
    if (this.scratchSlots.length < this.ids.length) {
      this.scratchSlots = new Uint32Array(this.ids.length + 1024);
      this.scratchKeys = new Float64Array(this.ids.length + 1024);
    }
    return matches.toUint32Array(this.scratchSlots);
  }

  /** Every match is scored (BM25), then the page is kept by a bounded heap: score descending, then id. */
  private pageByRelevance(
    matches: Bitmap,
    query: LexemeQuery,
    after: SearchPage['after'],
    need: number,
  ): { slots: number[]; scores: number[] } {
    const slots = this.materialise(matches);
    const scores = this.text.score(query, slots, this.ids.length, this.scratchKeys);
    const top = new TopK(need, (i, j) => scores[i] > scores[j] || (scores[i] === scores[j] && this.idBefore(slots[i], slots[j])));
    const key = Number(after?.key);
    for (let i = 0; i < slots.length; i++) {
      if (after && !(scores[i] < key || (scores[i] === key && this.ids[slots[i]] > after.id))) continue;
      top.offer(i);
    }
    const kept = top.sorted();
    return { slots: kept.map((i) => slots[i]), scores: kept.map((i) => scores[i]) };
  }

  private pageByDistance(matches: Bitmap, meters: (slot: number) => number, after: SearchPage['after'], need: number): number[] {
    const slots = this.materialise(matches);
    const distance = this.scratchKeys;
    for (let i = 0; i < slots.length; i++) distance[i] = meters(slots[i]);
    const top = new TopK(need, (i, j) => distance[i] < distance[j] || (distance[i] === distance[j] && this.idBefore(slots[i], slots[j])));
    const key = Number(after?.key);
    for (let i = 0; i < slots.length; i++) {
      if (after && !(distance[i] > key || (distance[i] === key && this.ids[slots[i]] > after.id))) continue;
      top.offer(i);
    }
    return top.sorted().map((i) => slots[i]);
  }

  // ---------------------------------------------------------------------------------------------
  // For Candidates

  /** @internal */ idAt(slot: number): string {
    return this.ids[slot];
  }

  /** @internal */ slotFor(id: string): number | undefined {
    return this.slotOf.get(id);
  }

  /** @internal */ candidateClasses(q: CandidateCriteria): { kind: Bitmap; specialty: Bitmap; accepting: Bitmap } {
    return {
      kind: this.values.kind.union(q.preferKinds),
      specialty: this.values.specialties.union(q.preferSpecialties),
      accepting: this.flags.acceptingNewClients.bitmap,
    };
  }

  /** @internal Intake's pre-selection (src/resources/candidate-pool.ts): a resource's name by slot. */
  nameAt(slot: number): string {
    return this.names[slot];
  }

  /**
   * @internal Intake's pre-selection: the slots where a fact holds: a value of a field, a yes/no
   * property, or fee_min ≤ x (fee_min known). A shared bitmap except for `feeAtMost`; never mutate it.
   */
  factSlots(fact: CandidateFact): Bitmap {
    if ('flag' in fact) return this.flags[fact.flag].bitmap;
    if ('feeAtMost' in fact) return this.feeMin.atMost(fact.feeAtMost);
    return this.values[CANDIDATE_FACT_FIELDS[fact.field]].get(fact.value);
  }

  /** @internal Up to `count` slots of `matches` in id order (built slots from the prebuilt order, added ones merged). */
  firstById(matches: Bitmap, count: number): number[] {
    const compare = (a: number, b: number) => compareIds(this.ids[a], this.ids[b]);
    return this.mergeAdded(this.idOrder.take(matches, 0, count), matches, compare, () => true, count);
  }
}

/** Fact fields → the columns indexed (CandidateFact in candidate-query.ts). */
const CANDIDATE_FACT_FIELDS: Record<CandidateFactField, ValueField> = {
  kind: 'kind',
  formats: 'formats',
  specialties: 'specialties',
  approaches: 'approaches',
  languages: 'languages',
  audiences: 'audiences',
  accessibility: 'accessibility',
  availability: 'availability',
  feePeriod: 'fee_period',
};

/** The candidate set of one intake: a bitmap, the box distances, and the order for `best`. */
class Candidates implements CandidateSet {
  constructor(
    private readonly index: DirectoryIndex,
    private readonly eligible: Bitmap,
    private readonly near: { slots: Uint32Array; meters: Float64Array } | undefined,
    private readonly query: CandidateCriteria,
  ) {}

  get size(): number {
    return this.eligible.size;
  }

  has(id: string): boolean {
    const slot = this.index.slotFor(id);
    return slot !== undefined && this.eligible.has(slot);
  }

  distanceM(id: string): number | null {
    const slot = this.index.slotFor(id);
    return slot === undefined || !this.eligible.has(slot) ? null : this.metersOf(slot);
  }

  ids(): string[] {
    return Array.from(this.eligible.toUint32Array(), (slot) => this.index.idAt(slot));
  }

  slots(): Uint32Array {
    return this.eligible.toUint32Array();
  }

  distancesAt(slots: Uint32Array): Float64Array {
    const out = new Float64Array(slots.length).fill(NaN);
    if (!this.near) return out;
    const { slots: near, meters } = this.near;
    for (let i = 0, j = 0; i < slots.length && j < near.length;) {
      if (slots[i] === near[j]) out[i++] = meters[j++];
      else if (slots[i] < near[j]) i++;
      else j++;
    }
    return out;
  }

  best(n: number): CandidateHit[] {
    if (n <= 0) return [];
    const classes = this.index.candidateClasses(this.query);
    const out: CandidateHit[] = [];
    const nearSet = this.near ? new Bitmap(this.near.slots) : EMPTY_BITMAP;

    // Near ones (with a distance): by distance, then fit, accepting, id.
    const nearHere = Bitmap.and(this.eligible, nearSet);
    const slots = nearHere.toUint32Array();
    if (slots.length) {
      // A bit per way a candidate falls short, highest first: not a preferred kind, not a preferred specialty, not accepting.
      const shortfall = new Uint8Array(slots.length);
      const mark = (lacking: Bitmap, bit: number) => {
        const members = lacking.toUint32Array();
        for (let i = 0, j = 0; i < slots.length && j < members.length; i++) {
          if (slots[i] === members[j]) {
            shortfall[i] |= bit;
            j++;
          }
        }
      };
      mark(Bitmap.andNot(nearHere, classes.kind), 4);
      mark(Bitmap.andNot(nearHere, classes.specialty), 2);
      mark(Bitmap.andNot(nearHere, classes.accepting), 1);
      const meters = Float64Array.from(slots, (slot) => this.metersOf(slot)!);
      const top = new TopK(
        n,
        (i, j) =>
          meters[i] < meters[j] ||
          (meters[i] === meters[j] &&
            (shortfall[i] < shortfall[j] || (shortfall[i] === shortfall[j] && this.index.idBefore(slots[i], slots[j])))),
      );
      for (let i = 0; i < slots.length; i++) top.offer(i);
      for (const i of top.sorted()) out.push({ id: this.index.idAt(slots[i]), distanceM: meters[i] });
    }

    // The rest (no distance): eight fit classes in order, each in id order.
    const far = Bitmap.andNot(this.eligible, nearSet);
    for (let shortfall = 0; shortfall < 8 && out.length < n && far.size; shortfall++) {
      const cls = far.clone();
      const pick = (b: Bitmap, lacking: number) => (lacking ? cls.andNotInPlace(b) : cls.andInPlace(b));
      pick(classes.kind, shortfall & 4);
      pick(classes.specialty, shortfall & 2);
      pick(classes.accepting, shortfall & 1);
      for (const slot of this.index.firstById(cls, n - out.length)) out.push({ id: this.index.idAt(slot), distanceM: null });
    }
    return out;
  }

  private metersOf(slot: number): number | null {
    if (!this.near) return null;
    const { slots, meters } = this.near;
    let lo = 0;
    let hi = slots.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (slots[mid] < slot) lo = mid + 1;
      else hi = mid;
    }
    return slots[lo] === slot ? meters[lo] : null;
  }
}
