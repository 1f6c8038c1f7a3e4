import { Bitmap, unionAll } from './bitmap.js';

/** Every how many distinct values a cumulative bitmap is kept. */
const STRIDE = 16;

/**
 * "value ≤ x" over an integer column (fee_min): a bitmap per distinct value plus, every STRIDE
 * distinct values, a cumulative bitmap of all slots up to it. A query ORs one cumulative bitmap
 * with at most STRIDE − 1 exact ones, in one native call, whatever the number of slots.
 */
export class AtMostIndex {
  private readonly exact = new Map<number, Bitmap>();
  /** Distinct values, ascending. */
  private values: number[] = [];
  /** Cumulative bitmaps: slots with a value ≤ cumulativeUpTo[i], ascending. */
  private readonly cumulative: Bitmap[] = [];
  private readonly cumulativeUpTo: number[] = [];
  private pending: Map<number, number[]> | undefined = new Map();

  add(value: number, slot: number): void {
    if (this.pending) {
      const slots = this.pending.get(value);
      if (slots) slots.push(slot);
      else this.pending.set(value, [slot]);
      return;
    }
    let bitmap = this.exact.get(value);
    if (!bitmap) {
      this.exact.set(value, (bitmap = new Bitmap()));
      this.values.splice(upperBound(this.values, value), 0, value);
    }
    bitmap.add(slot);
    this.cumulative.forEach((bitmap, i) => {
      if (this.cumulativeUpTo[i] >= value) bitmap.add(slot);
    });
  }

  seal(): void {
    if (!this.pending) return;
    this.values = [...this.pending.keys()].sort((a, b) => a - b);
    let running = new Bitmap();
    this.values.forEach((value, i) => {
      const bitmap = new Bitmap(Uint32Array.from(this.pending!.get(value)!));
      bitmap.runOptimize();
      this.exact.set(value, bitmap);
      running.orInPlace(bitmap);
      if ((i + 1) % STRIDE === 0) {
        running.runOptimize();
        this.cumulative.push(running);
        this.cumulativeUpTo.push(value);
        running = running.clone();
      }
    });
    this.pending = undefined;
  }

  /** Slots whose value is ≤ x: a fresh bitmap. */
  atMost(x: number): Bitmap {
    let from = 0;
    const parts: Bitmap[] = [];
    const c = upperBound(this.cumulativeUpTo, x) - 1;
    if (c >= 0) {
      parts.push(this.cumulative[c]);
      from = upperBound(this.values, this.cumulativeUpTo[c]);
    }
    for (let i = from; i < this.values.length && this.values[i] <= x; i++) parts.push(this.exact.get(this.values[i])!);
    return unionAll(parts);
  }
}

/** The first index whose value is > x in an ascending array. */
function upperBound(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
