import type { CandidateCriteria } from '../candidate-criteria.js';
import { Bitmap, EMPTY_BITMAP } from './bitmap.js';
import type { CandidateHit, CandidateSet } from './candidate-query.js';
import type { DirectoryIndex } from './directory-index.js';
import { TopK } from './ordering.js';

/** The candidate set of one intake: a bitmap, the box distances, and the order for `best`. */
export class Candidates implements CandidateSet {
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
