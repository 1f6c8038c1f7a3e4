import type { IndexRow } from './index-row.js';

/** What hydration returns: the row as the directory queries return it (search_vector left out). */
export type IndexedResource = Omit<IndexRow, 'search_vector'>;

const CHUNK_BYTES = 16 * 1024 * 1024;
const DATE_FIELDS = ['created_at', 'updated_at', 'last_verified_at'] as const;

/**
 * The document store: each slot's row as UTF-8 JSON in large Buffers (outside the JS heap, so a
 * million rows add nothing for the garbage collector to walk), parsed again on read. A page of
 * 20 costs about 20 JSON.parse calls of ~1.5 KB.
 */
export class RowStore {
  private readonly chunks: Buffer[] = [];
  private current = Buffer.allocUnsafe(0);
  private used = 0;
  /** Per slot: chunk number, byte offset and length. */
  private chunkOf = new Uint32Array(1024);
  private offsetOf = new Uint32Array(1024);
  private lengthOf = new Uint32Array(1024);
  private count = 0;

  /** Stores the row for the next slot (slots are appended in order). */
  append(row: IndexRow): number {
    const { search_vector: _vector, ...rest } = row;
    const json = Buffer.from(JSON.stringify(rest), 'utf8');
    if (this.used + json.length > this.current.length) {
      this.current = Buffer.allocUnsafe(Math.max(CHUNK_BYTES, json.length));
      this.chunks.push(this.current);
      this.used = 0;
    }
    json.copy(this.current, this.used);
    const slot = this.count++;
    if (slot === this.chunkOf.length) this.grow();
    this.chunkOf[slot] = this.chunks.length - 1;
    this.offsetOf[slot] = this.used;
    this.lengthOf[slot] = json.length;
    this.used += json.length;
    return slot;
  }

  get(slot: number): IndexedResource {
    const offset = this.offsetOf[slot];
    const row = JSON.parse(this.chunks[this.chunkOf[slot]].toString('utf8', offset, offset + this.lengthOf[slot]));
    for (const field of DATE_FIELDS) if (row[field] !== null && row[field] !== undefined) row[field] = new Date(row[field]);
    return row;
  }

  /** Bytes held (chunks allocated), and bytes in use. */
  get bytes(): { allocated: number; used: number } {
    const allocated = this.chunks.reduce((sum, c) => sum + c.length, 0);
    return { allocated, used: allocated - (this.current.length - this.used) };
  }

  private grow(): void {
    const size = this.chunkOf.length * 2;
    for (const name of ['chunkOf', 'offsetOf', 'lengthOf'] as const) {
      const bigger = new Uint32Array(size);
      bigger.set(this[name]);
      this[name] = bigger;
    }
  }
}
