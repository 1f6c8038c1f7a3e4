import { Bitmap } from './bitmap.js';

/**
 * Text order of PostgreSQL's "C" and "C.UTF-8" collations: Unicode code points (UTF-8 bytes).
 * JavaScript's < compares UTF-16 units, which puts U+E000–U+FFFF after the astral planes;
 * shifting the units around the surrogate range restores code point order without decoding.
 */
export function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x !== y) {
      if (x >= 0xd800) x += x >= 0xe000 ? -0x800 : 0x2000;
      if (y >= 0xd800) y += y >= 0xe000 ? -0x800 : 0x2000;
      return x - y;
    }
  }
  return a.length - b.length;
}

/** Collations whose order is code point order (the only one the index reproduces). */
export function isCodePointCollation(collation: string): boolean {
  return /^(C|POSIX|C\.UTF-?8|ucs_basic)$/i.test(collation);
}

/** UUIDs as PostgreSQL orders them (bytes): lower-case hex text order. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const SMALL_SET = 4096;

/**
 * A fixed order of the slots present at build (fee then id, or id), for keyset pages over a
 * bitmap of matches: `order[p]` is the slot at position p, `position[slot]` its position, and
 * each block of BLOCK consecutive positions has a bitmap of its slots. A page intersects the
 * matches with one block after another from the keyset's position, and sorts only what the
 * block yields, so its cost follows the page, not the number of matches. A small match set is
 * simply sorted.
 */
export class BlockedOrder {
  readonly position: Uint32Array;
  private readonly blocks: Bitmap[] = [];

  constructor(
    readonly order: Uint32Array,
    private readonly blockSize = 4096,
  ) {
    this.position = new Uint32Array(order.length);
    order.forEach((slot, p) => (this.position[slot] = p));
    for (let start = 0; start < order.length; start += blockSize) {
      const block = new Bitmap(order.subarray(start, start + blockSize));
      block.runOptimize();
      block.shrinkToFit();
      this.blocks.push(block);
    }
  }

  get length(): number {
    return this.order.length;
  }

  /** Up to `count` slots of `matches` in this order, from position `from` on. Slots outside the order (added since the build) are skipped. */
  take(matches: Bitmap, from: number, count: number): number[] {
    const size = this.order.length;
    if (count <= 0 || from >= size) return [];
    if (matches.size <= SMALL_SET) return this.sortedPositions(matches.toUint32Array(), from, count);
    const out: number[] = [];
    for (let b = Math.floor(from / this.blockSize); b < this.blocks.length && out.length < count; b++) {
      const found = this.sortedPositions(Bitmap.and(matches, this.blocks[b]).toUint32Array(), from, count - out.length);
      for (const slot of found) out.push(slot);
    }
    return out;
  }

  /**
   * The `count` first positions (from `from` on) of these slots, as slots. A page needs ~20 of a
   * block's thousands of matches: TopK keeps the smallest positions in one pass instead of sorting
   * them all (the sort was a sixth of an unfiltered search's CPU).
   */
  private sortedPositions(slots: Uint32Array, from: number, count: number): number[] {
    if (count >= slots.length) return this.allPositions(slots, from);
    const { position } = this;
    const first = new TopK(count, (a, b) => a < b);
    for (let i = 0; i < slots.length; i++) {
      const slot = slots[i];
      if (slot < position.length && position[slot] >= from) first.offer(position[slot]);
    }
    return first.sorted().map((p) => this.order[p]);
  }

  /** Every slot at or after `from`, in order (a page that wants them all). */
  private allPositions(slots: Uint32Array, from: number): number[] {
    const positions = new Uint32Array(slots.length);
    let n = 0;
    for (let i = 0; i < slots.length; i++) {
      const slot = slots[i];
      if (slot < this.position.length && this.position[slot] >= from) positions[n++] = this.position[slot];
    }
    const sorted = positions.subarray(0, n).sort();
    const out: number[] = new Array<number>(n);
    for (let i = 0; i < n; i++) out[i] = this.order[sorted[i]];
    return out;
  }
}

/**
 * The `k` first items under `before` (a strict total order): a bounded max-heap, so a pass over
 * many candidates keeps k of them and most candidates cost one comparison with the worst kept.
 */
export class TopK {
  private readonly heap: number[] = [];

  constructor(
    private readonly k: number,
    private readonly before: (a: number, b: number) => boolean,
  ) {}

  offer(item: number): void {
    const { heap, before } = this;
    if (heap.length < this.k) {
      heap.push(item);
      let i = heap.length - 1;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!before(heap[parent], heap[i])) break;
        [heap[parent], heap[i]] = [heap[i], heap[parent]];
        i = parent;
      }
      return;
    }
    if (this.k === 0 || !before(item, heap[0])) return;
    heap[0] = item;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let worst = i;
      if (l < heap.length && before(heap[worst], heap[l])) worst = l;
      if (r < heap.length && before(heap[worst], heap[r])) worst = r;
      if (worst === i) break;
      [heap[worst], heap[i]] = [heap[i], heap[worst]];
      i = worst;
    }
  }

  /** The kept items, first first. */
  sorted(): number[] {
    return [...this.heap].sort((a, b) => (this.before(a, b) ? -1 : this.before(b, a) ? 1 : 0));
  }
}
