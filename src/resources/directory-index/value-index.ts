import { Bitmap, EMPTY_BITMAP, unionAll } from './bitmap.js';

/**
 * One bitmap of slots per value of a field (a text[] column's elements, or a scalar column).
 * During a build, slots are gathered in plain arrays and each bitmap is made once by `seal()`;
 * afterwards `add` writes to the bitmaps directly (a change feed adds a few slots at a time).
 * Slots are only ever added: a removed resource leaves the live set, not these bitmaps.
 */
export class ValueIndex<V extends string | number = string> {
  private readonly bitmaps = new Map<V, Bitmap>();
  private pending: Map<V, number[]> | undefined = new Map();

  /** Sealed: the build is over, and `add` writes to the bitmaps. */
  get sealed(): boolean {
    return !this.pending;
  }

  add(value: V, slot: number): void {
    if (this.pending) {
      const slots = this.pending.get(value);
      if (slots) slots.push(slot);
      else this.pending.set(value, [slot]);
      return;
    }
    let bitmap = this.bitmaps.get(value);
    if (!bitmap) this.bitmaps.set(value, (bitmap = new Bitmap()));
    bitmap.add(slot);
  }

  seal(): void {
    if (!this.pending) return;
    for (const [value, slots] of this.pending) {
      const bitmap = new Bitmap(Uint32Array.from(slots));
      bitmap.runOptimize();
      bitmap.shrinkToFit();
      this.bitmaps.set(value, bitmap);
    }
    this.pending = undefined;
  }

  /** The slots with this value; a shared bitmap, never to be mutated. */
  get(value: V): Bitmap {
    return this.bitmaps.get(value) ?? EMPTY_BITMAP;
  }

  /** The slots with any of these values: a fresh bitmap. */
  union(values: readonly V[]): Bitmap {
    return unionAll(values.map((v) => this.get(v)));
  }

  has(value: V): boolean {
    return this.bitmaps.has(value);
  }

  entries(): IterableIterator<[V, Bitmap]> {
    return this.bitmaps.entries();
  }

  values(): IterableIterator<V> {
    return this.bitmaps.keys();
  }

  sizeInBytes(): number {
    let bytes = 0;
    for (const b of this.bitmaps.values()) bytes += b.getSerializationSizeInBytes('croaring');
    return bytes;
  }
}

/** One bitmap of the slots for which a yes/no property holds. */
export class FlagIndex {
  private readonly values = new ValueIndex();

  add(slot: number, holds: boolean): void {
    if (holds) this.values.add('', slot);
  }

  seal(): void {
    this.values.seal();
  }

  get bitmap(): Bitmap {
    return this.values.get('');
  }

  sizeInBytes(): number {
    return this.values.sizeInBytes();
  }
}
