import type { SearchPage } from '../resource-search.criteria.js';
import type { Bitmap } from './bitmap.js';
import type { LexemeQuery } from './english-text.js';
import { BlockedOrder, compareCodePoints, compareIds, TopK } from './ordering.js';
import type { SlotKeys } from './slot-keys.js';
import type { TextIndex } from './text-index.js';

/**
 * Keyset pages of a match set: (key, id) strictly after the cursor, as searchSql's row comparison.
 * Name, fee and id orders are permutations sorted once by `seal()` and cut into blocks, so a page
 * costs what the page holds; slots added since are merged in per query. Relevance and distance
 * depend on the query: every match is scored or measured, and a bounded heap keeps the page.
 */
export class KeysetPages {
  private nameOrder = new BlockedOrder(new Uint32Array(0));
  private feeOrder = new BlockedOrder(new Uint32Array(0));
  private idOrder = new BlockedOrder(new Uint32Array(0));
  private built = 0;
  /** Per-query scratch (matches and their keys): reused, so a query allocates no large arrays for the collector. */
  private scratchSlots = new Uint32Array(0);
  private scratchKeys = new Float64Array(0);

  constructor(private readonly keys: SlotKeys) {}

  /** Slots [0, builtSlots) are in the prebuilt orders. */
  get builtSlots(): number {
    return this.built;
  }

  /** Bytes of the prebuilt orders (the slot order and its positions, per order). */
  get bytes(): number {
    return 2 * 8 * this.built;
  }

  /** Sorts every slot used so far into the name, fee and id orders. */
  seal(): void {
    const { ids, names, feeSort } = this.keys;
    this.built = this.keys.count;
    const slots = Uint32Array.from({ length: this.built }, (_, i) => i);
    this.nameOrder = new BlockedOrder(slots.slice().sort((a, b) => compareCodePoints(names[a], names[b]) || compareIds(ids[a], ids[b])));
    this.feeOrder = new BlockedOrder(slots.slice().sort((a, b) => feeSort[a] - feeSort[b] || compareIds(ids[a], ids[b])));
    this.idOrder = new BlockedOrder(slots.slice().sort((a, b) => compareIds(ids[a], ids[b])));
  }

  /** Whether slot a's id sorts before slot b's (prebuilt order for built slots). */
  idBefore = (a: number, b: number): boolean => {
    if (a < this.built && b < this.built) return this.idOrder.position[a] < this.idOrder.position[b];
    return this.keys.ids[a] < this.keys.ids[b];
  };

  /** Matching slots added since the build, in slot order. */
  private addedSince(matches: Bitmap): Uint32Array {
    const before = this.built === 0 ? 0 : matches.rank(this.built - 1);
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

  pageByName(matches: Bitmap, after: SearchPage['after'], need: number): number[] {
    const { names } = this.keys;
    return this.pageInOrder(this.nameOrder, matches, after, need, (slot) => names[slot], String(after?.key), compareCodePoints);
  }

  pageByFee(matches: Bitmap, after: SearchPage['after'], need: number): number[] {
    const { feeSort } = this.keys;
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
    const { ids } = this.keys;
    const vsCursor = (slot: number) => compareKeys(keyOf(slot), cursorKey) || compareIds(ids[slot], after!.id);
    const compare = (a: number, b: number) => compareKeys(keyOf(a), keyOf(b)) || compareIds(ids[a], ids[b]);
    const from = after ? KeysetPages.firstAfter(order.length, (p) => order.order[p], vsCursor) : 0;
    return this.mergeAdded(order.take(matches, from, need), matches, compare, (slot) => !after || vsCursor(slot) > 0, need);
  }

  /** The matches in the scratch array (valid until the next query), with room for their keys. */
  private materialise(matches: Bitmap): Uint32Array {
    if (this.scratchSlots.length < this.keys.count) {
      this.scratchSlots = new Uint32Array(this.keys.count + 1024);
      this.scratchKeys = new Float64Array(this.keys.count + 1024);
    }
    return matches.toUint32Array(this.scratchSlots);
  }

  /** Every match is scored (BM25), then the page is kept by a bounded heap: score descending, then id. */
  pageByRelevance(
    matches: Bitmap,
    text: TextIndex,
    query: LexemeQuery,
    after: SearchPage['after'],
    need: number,
  ): { slots: number[]; scores: number[] } {
    const slots = this.materialise(matches);
    const scores = text.score(query, slots, this.keys.count, this.scratchKeys);
    const top = new TopK(need, (i, j) => scores[i] > scores[j] || (scores[i] === scores[j] && this.idBefore(slots[i], slots[j])));
    const key = Number(after?.key);
    const { ids } = this.keys;
    for (let i = 0; i < slots.length; i++) {
      if (after && !(scores[i] < key || (scores[i] === key && ids[slots[i]] > after.id))) continue;
      top.offer(i);
    }
    const kept = top.sorted();
    return { slots: kept.map((i) => slots[i]), scores: kept.map((i) => scores[i]) };
  }

  pageByDistance(matches: Bitmap, meters: (slot: number) => number, after: SearchPage['after'], need: number): number[] {
    const slots = this.materialise(matches);
    const distance = this.scratchKeys;
    for (let i = 0; i < slots.length; i++) distance[i] = meters(slots[i]);
    const top = new TopK(need, (i, j) => distance[i] < distance[j] || (distance[i] === distance[j] && this.idBefore(slots[i], slots[j])));
    const key = Number(after?.key);
    const { ids } = this.keys;
    for (let i = 0; i < slots.length; i++) {
      if (after && !(distance[i] > key || (distance[i] === key && ids[slots[i]] > after.id))) continue;
      top.offer(i);
    }
    return top.sorted().map((i) => slots[i]);
  }

  /** Up to `count` slots of `matches` in id order (built slots from the prebuilt order, added ones merged). */
  firstById(matches: Bitmap, count: number): number[] {
    const { ids } = this.keys;
    const compare = (a: number, b: number) => compareIds(ids[a], ids[b]);
    return this.mergeAdded(this.idOrder.take(matches, 0, count), matches, compare, () => true, count);
  }
}
