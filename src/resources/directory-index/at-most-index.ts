import { Bitmap, unionAll } from './bitmap.js';
import { ValueIndex } from './value-index.js';

/** Every how many distinct values a cumulative bitmap is kept. */
const STRIDE = 16;

/**
 * "value ≤ x" over an integer column (fee_min): a bitmap per distinct value plus, every STRIDE
 * distinct values, a cumulative bitmap of all slots up to it. A query ORs one cumulative bitmap
 * with at most STRIDE − 1 exact ones, in one native call, whatever the number of slots.
 */
export class AtMostIndex {
  /** A bitmap per distinct value (built and sealed as a ValueIndex). */
  private readonly exact = new ValueIndex<number>();
  /** Distinct values, ascending. */
  private values: number[] = [];
  /** Cumulative bitmaps: slots with a value ≤ cumulativeUpTo[i], ascending. */
  private readonly cumulative: Bitmap[] = [];
  private readonly cumulativeUpTo: number[] = [];

  add(value: number, slot: number): void {
    if (this.exact.sealed) {
      if (!this.exact.has(value)) this.values.splice(upperBound(this.values, value), 0, value);
      this.cumulative.forEach((bitmap, i) => {
        if (this.cumulativeUpTo[i] >= value) bitmap.add(slot);
      });
    }
    this.exact.add(value, slot);
  }

  seal(): void {
    if (this.exact.sealed) return;
    this.exact.seal();
    this.values = [...this.exact.values()].sort((a, b) => a - b);
    let running = new Bitmap();
    this.values.forEach((value, i) => {
      running.orInPlace(this.exact.get(value));
      if ((i + 1) % STRIDE === 0) {
        running.runOptimize();
        this.cumulative.push(running);
        this.cumulativeUpTo.push(value);
        running = running.clone();
      }
    });
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
    for (let i = from; i < this.values.length && this.values[i] <= x; i++) parts.push(this.exact.get(this.values[i]));
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
