import type { FacetField } from '../dto/search-resources.query.js';
import type { FacetCount } from '../resource-search.criteria.js';
import { AtMostIndex } from './at-most-index.js';
import type { Bitmap } from './bitmap.js';
import type { CandidateFact } from './candidate-query.js';
import type { IndexRow } from './index-row.js';
import { CANDIDATE_FACT_FIELDS, FACET_FIELDS, type Flag, FLAG_NAMES, FLAGS, VALUE_FIELDS, type ValueField } from './indexed-fields.js';
import { compareCodePoints } from './ordering.js';
import { FlagIndex, ValueIndex } from './value-index.js';

/**
 * The filter postings of active slots: a bitmap per value of each indexed column, one per yes/no
 * property, and fee_min ≤ x; what the filters combine and the facets count (README.md, Filters).
 */
export class FieldPostings {
  readonly values = Object.fromEntries(VALUE_FIELDS.map((f) => [f, new ValueIndex()])) as Record<ValueField, ValueIndex>;
  readonly flags = Object.fromEntries(FLAG_NAMES.map((f) => [f, new FlagIndex()])) as Record<Flag, FlagIndex>;
  readonly feeMin = new AtMostIndex();
  /** Array elements listed more than once in a row: unnest() counts each copy in facetsSql. */
  private readonly facetRepeats = new Map<number, { field: ValueField; value: string; extra: number }[]>();

  /** Indexes an active row's values, flags and fee_min under its slot. */
  add(slot: number, row: IndexRow): void {
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
  }

  /** A retired slot leaves the active bitmap (the index's); only its repeated values are forgotten here. */
  retire(slot: number): void {
    this.facetRepeats.delete(slot);
  }

  seal(): void {
    for (const v of Object.values(this.values)) v.seal();
    for (const f of Object.values(this.flags)) f.seal();
    this.feeMin.seal();
  }

  /** Per requested field, each value's matches (facetsSql): facet, then count descending, then value. */
  facetCounts(matches: Bitmap, fields: readonly FacetField[]): FacetCount[] {
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
    return counts;
  }

  /** The slots where a fact holds (DirectoryIndex.factSlots). */
  factSlots(fact: CandidateFact): Bitmap {
    if ('flag' in fact) return this.flags[fact.flag].bitmap;
    if ('feeAtMost' in fact) return this.feeMin.atMost(fact.feeAtMost);
    return this.values[CANDIDATE_FACT_FIELDS[fact.field]].get(fact.value);
  }

  sizeInBytes(): number {
    return [...Object.values(this.values), ...Object.values(this.flags)].reduce((sum, v) => sum + v.sizeInBytes(), 0);
  }
}
