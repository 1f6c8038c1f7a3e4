import type { IndexRow } from './index-row.js';

/**
 * Per slot, what pages are ordered and answered by: the resource's id, name and fee_sort (the
 * SQL's sort keys), in arrays indexed by slot. Shared by the index and its keyset pages.
 */
export class SlotKeys {
  readonly ids: string[] = [];
  readonly names: string[] = [];
  /** Grown by doubling, so read it through the SlotKeys (a copy goes stale when it grows). */
  feeSort = new Int32Array(1024);

  /** Slots used so far (every slot ever given, retired ones too). */
  get count(): number {
    return this.ids.length;
  }

  set(slot: number, row: IndexRow): void {
    this.ids[slot] = row.id;
    this.names[slot] = row.name;
    if (slot >= this.feeSort.length) {
      const bigger = new Int32Array(this.feeSort.length * 2);
      bigger.set(this.feeSort);
      this.feeSort = bigger;
    }
    this.feeSort[slot] = row.fee_sort;
  }
}
