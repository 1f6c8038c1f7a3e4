import { type LocationRow, RESOURCE_FACT_COLUMNS } from '../resource.row.js';
import type { IndexRow } from './index-row.js';

/** What hydration returns: the row as the directory queries return it (search_vector left out). */
export type IndexedResource = Omit<IndexRow, 'search_vector'>;

/** The stored columns, in storage order: a row is kept as a JSON array of these (no key names). */
const COLUMNS = [
  'id',
  ...RESOURCE_FACT_COLUMNS,
  'verified_by',
  'safety_suspended',
  'version',
  'created_at',
  'updated_at',
  'organization_name',
  'organization_website',
  'locations',
  'insurer_keys',
  'location_regions',
  'fee_sort',
] as const satisfies readonly (keyof IndexedResource)[];
// Every column of IndexedResource is stored: a column added to ResourceRow fails to compile here until listed.
const ALL_COLUMNS_STORED: [Exclude<keyof IndexedResource, (typeof COLUMNS)[number]>] extends [never] ? true : never = true;
void ALL_COLUMNS_STORED;

const DATES = new Set<string>(['last_verified_at', 'created_at', 'updated_at']);
const LOCATION_FIELDS = [
  'address',
  'city',
  'region',
  'postalCode',
  'country',
  'latitude',
  'longitude',
] as const satisfies readonly (keyof LocationRow)[];
const CHUNK_BYTES = 16 * 1024 * 1024;
const ENCODER = new TextEncoder();

const epoch = (d: Date | string | null) => (d === null || d === undefined ? null : new Date(d).getTime());

/**
 * The document store: each slot's row as a UTF-8 JSON array of its columns (dates as epoch ms,
 * locations as arrays) in large Buffers, outside the JS heap, so a million rows add nothing for
 * the garbage collector to walk. Decoded again on read: a page of 20 costs 20 JSON.parse calls.
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
    const values = COLUMNS.map((column) => {
      const value = row[column];
      if (DATES.has(column)) return epoch(value as Date | null);
      if (column === 'locations') return row.locations.map((l) => LOCATION_FIELDS.map((f) => l[f] ?? null));
      return value;
    });
    const json = JSON.stringify(values);
    // Encoded straight into the chunk; a row that does not fit starts the next chunk.
    const first = ENCODER.encodeInto(json, this.current.subarray(this.used));
    let length = first.written;
    if (first.read < json.length) {
      this.current = Buffer.allocUnsafe(Math.max(CHUNK_BYTES, 3 * json.length));
      this.chunks.push(this.current);
      this.used = 0;
      length = ENCODER.encodeInto(json, this.current).written;
    }
    const slot = this.count++;
    if (slot === this.chunkOf.length) this.grow();
    this.chunkOf[slot] = this.chunks.length - 1;
    this.offsetOf[slot] = this.used;
    this.lengthOf[slot] = length;
    this.used += length;
    return slot;
  }

  get(slot: number): IndexedResource {
    const offset = this.offsetOf[slot];
    const values = JSON.parse(this.chunks[this.chunkOf[slot]].toString('utf8', offset, offset + this.lengthOf[slot])) as unknown[];
    const row: Record<string, unknown> = {};
    COLUMNS.forEach((column, i) => {
      const value = values[i];
      if (DATES.has(column)) row[column] = value === null ? null : new Date(value as number);
      else if (column === 'locations')
        row[column] = (value as unknown[][]).map((l) => Object.fromEntries(LOCATION_FIELDS.map((f, k) => [f, l[k]])));
      else row[column] = value;
    });
    return row as unknown as IndexedResource;
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
