import type { CandidateCriteria } from '../candidate-criteria.js';
import type { FacetField, SortOrder } from '../dto/search-resources.query.js';
import {
  EQUALS_FILTERS,
  type FacetCount,
  OVERLAP_FILTERS,
  type ResourceSearchCriteria,
  type SearchPage,
} from '../resource-search.criteria.js';
import { Bitmap, intersectAll, unionAll } from './bitmap.js';
import type { CandidateFact, CandidateSet } from './candidate-query.js';
import { Candidates } from './candidate-set.js';
import { type LexemeQuery, parseTsQuery } from './english-text.js';
import { FieldPostings } from './field-postings.js';
import { GeoSearch } from './geo-search.js';
import type { IndexRow } from './index-row.js';
import { type Flag, type ValueField } from './indexed-fields.js';
import { KeysetPages } from './keyset-pages.js';
import { type IndexedResource, RowStore } from './row-store.js';
import { SlotKeys } from './slot-keys.js';
import { TextIndex } from './text-index.js';

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
  private readonly keys = new SlotKeys();
  private readonly rows = new RowStore();
  private active = new Bitmap();
  private readonly postings = new FieldPostings();
  private readonly text = new TextIndex();
  private readonly geo = new GeoSearch(this.keys);
  private readonly pages = new KeysetPages(this.keys);
  private building = true;
  private pendingActive: number[] = [];

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
    const { values, flags } = this.postings;
    const lines = intersectAll([this.active, values.kind.get('hotline'), values.service_areas.union([...areas])]);
    lines.andNotInPlace(flags.demo.bitmap);
    return this.pages
      .pageByName(lines, undefined, lines.size)
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
        slots = this.pages.pageByName(matches.bitmap, page.after, need);
        keyOf = (slot) => this.keys.names[slot];
        break;
      case 'fee':
        slots = this.pages.pageByFee(matches.bitmap, page.after, need);
        keyOf = (slot) => this.keys.feeSort[slot];
        break;
      case 'relevance': {
        if (!matches.query) throw new Error('sort=relevance needs tsQuery');
        const ranked = this.pages.pageByRelevance(matches.bitmap, this.text, matches.query, page.after, need);
        slots = ranked.slots;
        keyOf = (_slot, i) => ranked.scores[i];
        break;
      }
      case 'distance': {
        const meters = matches.meters;
        if (!meters) throw new Error('sort=distance needs near');
        slots = this.pages.pageByDistance(matches.bitmap, meters, page.after, need);
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
      .map((slot, i) => ({ id: this.keys.ids[slot], sortKey: keyOf(slot, i), distanceM: meters ? meters(slot) : null }));
    return { hits, hasMore: slots.length > page.limit, total: matches.bitmap.size };
  }

  /** Exact total and facet counts (facetsSql): per requested field, each value's matches. */
  facets(criteria: ResourceSearchCriteria, fields: readonly FacetField[]): FacetResult {
    const matches = this.match(criteria).bitmap;
    return { total: matches.size, counts: this.postings.facetCounts(matches, fields) };
  }

  /** Every resource meeting an intake's hard constraints (candidatesSql without its LIMIT). */
  candidates(q: CandidateCriteria): CandidateSet {
    const { values, flags, feeMin } = this.postings;
    const must: Bitmap[] = [this.active, values.kind.union(q.kinds)];
    const mustNot: Bitmap[] = [values.kind.get('hotline')];
    if (q.excludeRequiresSafeRelationship) mustNot.push(flags.requiresSafeRelationship.bitmap);
    if (q.excludeNotForCrisis) mustNot.push(flags.notForCrisis.bitmap);
    if (q.excludeEligibility.length) mustNot.push(values.eligibility.union(q.excludeEligibility));
    if (q.requireEligibility) must.push(values.eligibility.get(q.requireEligibility));
    if (q.specialtiesAny) must.push(values.specialties.union(q.specialtiesAny));
    if (q.budget) {
      const { maxFeeMinor, slidingScaleAboveBudget, insuranceAccepted } = q.budget;
      // Directories are free to search; a program fee is not a per-session fee; $0 means free options only.
      const within = [flags.free.bitmap, values.kind.get('directory'), feeMin.atMost(maxFeeMinor)];
      if (maxFeeMinor > 0) within.push(values.fee_period.get('per_program'), values.fee_period.get('one_time'));
      within.push(slidingScaleAboveBudget ? flags.slidingScale.bitmap : Bitmap.and(flags.slidingScale.bitmap, flags.feeMinUnknown.bitmap));
      if (insuranceAccepted) within.push(flags.insuranceAccepted.bitmap);
      must.push(unionAll(within));
    }
    if (q.languages.length) must.push(values.languages.union(q.languages));
    const eligible = intersectAll(must);
    for (const b of mustNot) eligible.andNotInPlace(b);

    // Ways to reach the couple other than being near them.
    const reach: Bitmap[] = [values.kind.get('self_guided')];
    if (q.inPerson && !q.point && q.region) reach.push(Bitmap.and(values.formats.get('in_person'), values.location_regions.get(q.region)));
    if (q.remoteFormats.length) {
      const areas = [q.region, q.country].filter((a): a is string => !!a);
      const licensed = areas.length ? values.service_areas.union(areas) : flags.servesACountry.bitmap;
      reach.push(Bitmap.and(values.formats.union(q.remoteFormats), licensed));
    }
    let near: { slots: Uint32Array; meters: Float64Array } | undefined;
    if (q.inPerson && q.point) {
      const box = this.geo.inEarthBox(q.point.lat, q.point.lng, q.radiusMeters);
      near = box;
      reach.push(Bitmap.and(box.withinRadius, values.formats.get('in_person')));
    }
    eligible.andInPlace(unionAll(reach));
    return new Candidates(this, eligible, near, q);
  }

  stats(): IndexStats {
    const arrays = this.keys.feeSort.byteLength + this.pages.bytes + this.geo.scratchBytes;
    return {
      resources: this.slotOf.size,
      active: this.active.size,
      slots: this.keys.count,
      addedSinceBuild: this.keys.count - this.pages.builtSlots,
      lexemes: this.text.lexemeCount,
      locations: this.geo.size,
      bytes: { bitmaps: this.postings.sizeInBytes(), postings: this.text.sizeInBytes(), rows: this.rows.bytes.allocated, arrays },
    };
  }

  // ---------------------------------------------------------------------------------------------
  // Loading

  private insert(row: IndexRow): number {
    const slot = this.rows.append(row);
    this.keys.set(slot, row);
    this.slotOf.set(row.id, slot);
    if (row.status !== 'active') return slot;

    if (this.building) this.pendingActive.push(slot);
    else this.active.add(slot);
    this.postings.add(slot, row);
    this.text.add(slot, row.search_vector);
    for (const l of row.locations) this.geo.add({ slot, lat: l.latitude, lng: l.longitude });
    return slot;
  }

  private seal(): void {
    this.active = new Bitmap(Uint32Array.from(this.pendingActive.filter((slot) => this.slotOf.get(this.keys.ids[slot]) === slot)));
    this.active.runOptimize();
    this.pendingActive = [];
    this.postings.seal();
    this.text.seal();
    this.geo.seal();
    this.pages.seal();
    this.building = false;
  }

  private retire(slot: number): void {
    if (!this.building) this.active.remove(slot); // while building, seal() keeps only each id's last slot
    this.postings.retire(slot);
  }

  // ---------------------------------------------------------------------------------------------
  // Filters: filtered() in resource-search.sql.ts, as bitmap algebra over active slots

  private match(c: ResourceSearchCriteria): Matches {
    const { values, flags, feeMin } = this.postings;
    const must: Bitmap[] = [this.active];
    const mustNot: Bitmap[] = [];
    const overlap = (field: ValueField, wanted?: string[]) => {
      if (wanted?.length) must.push(values[field].union(wanted));
    };
    const equals = (flag: Flag, value?: boolean) => {
      if (value !== undefined) (value ? must : mustNot).push(flags[flag].bitmap);
    };
    overlap('kind', c.kinds);
    for (const [criterion, column] of OVERLAP_FILTERS) overlap(column, c[criterion]);
    // Every code asked for: one bitmap each, intersected with the rest.
    for (const code of new Set(c.accessibility ?? [])) must.push(values.accessibility.get(code));
    // A person searching for help never meets a program for people who use abuse by chance.
    if (!c.eligibility?.includes('people_who_use_abuse')) mustNot.push(values.eligibility.get('people_who_use_abuse'));
    // A fictional hotline is never listed where someone could call it (curators still read it by id).
    mustNot.push(Bitmap.and(values.kind.get('hotline'), flags.demo.bitmap));
    for (const [criterion] of EQUALS_FILTERS) equals(criterion, c[criterion]);
    if (c.ids) {
      const slots = c.ids.map((id) => this.slotOf.get(id.toLowerCase())).filter((s): s is number => s !== undefined);
      must.push(new Bitmap(slots));
    }
    if (c.maxFeeMinor !== undefined) {
      // Within budget: free, lowest fee at or under it, or sliding scale with no published minimum.
      must.push(
        unionAll([flags.free.bitmap, feeMin.atMost(c.maxFeeMinor), Bitmap.and(flags.slidingScale.bitmap, flags.feeMinUnknown.bitmap)]),
      );
    }
    if (c.insurerKey) must.push(Bitmap.and(flags.insuranceAccepted.bitmap, values.insurer_keys.get(c.insurerKey)));
    if (c.serves) {
      // Remote help needs a licence where the client is; in-person help needs to be there.
      const areas = c.serves.region === c.serves.country ? [c.serves.country] : [c.serves.region, c.serves.country];
      const licensed = values.service_areas.union(areas);
      licensed.andNotInPlace(flags.inPersonOnly.bitmap);
      must.push(unionAll([licensed, values.location_regions.get(c.serves.region)]));
    }
    let query: LexemeQuery | undefined;
    if (c.tsQuery) {
      query = parseTsQuery(c.tsQuery);
      must.push(this.text.match(query));
    }
    let meters: ((slot: number) => number) | undefined;
    if (c.near) {
      const near = this.geo.withinRadius(c.near.lat, c.near.lng, c.near.radiusMeters);
      must.push(near.bitmap);
      meters = near.meters;
    }
    const bitmap = must.length === 1 ? this.active.clone() : intersectAll(must);
    for (const b of mustNot) if (b.size) bitmap.andNotInPlace(b);
    return { bitmap, query, meters };
  }

  // ---------------------------------------------------------------------------------------------
  // For Candidates (candidate-set.ts) and intake's pre-selection

  /** @internal */ idAt(slot: number): string {
    return this.keys.ids[slot];
  }

  /** @internal */ slotFor(id: string): number | undefined {
    return this.slotOf.get(id);
  }

  /** @internal */ candidateClasses(q: CandidateCriteria): { kind: Bitmap; specialty: Bitmap; accepting: Bitmap } {
    const { values, flags } = this.postings;
    return {
      kind: values.kind.union(q.preferKinds),
      specialty: values.specialties.union(q.preferSpecialties),
      accepting: flags.acceptingNewClients.bitmap,
    };
  }

  /** @internal Intake's pre-selection (src/resources/candidate-pool.ts): a resource's name by slot. */
  nameAt(slot: number): string {
    return this.keys.names[slot];
  }

  /**
   * @internal Intake's pre-selection: the slots where a fact holds: a value of a field, a yes/no
   * property, or fee_min ≤ x (fee_min known). A shared bitmap except for `feeAtMost`; never mutate it.
   */
  factSlots(fact: CandidateFact): Bitmap {
    return this.postings.factSlots(fact);
  }

  /** @internal Up to `count` slots of `matches` in id order (built slots from the prebuilt order, added ones merged). */
  firstById(matches: Bitmap, count: number): number[] {
    return this.pages.firstById(matches, count);
  }

  /** @internal Whether slot a's id sorts before slot b's (Candidates.best's tie-break). */
  idBefore(a: number, b: number): boolean {
    return this.pages.idBefore(a, b);
  }
}
