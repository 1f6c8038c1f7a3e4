import { Bitmap, EMPTY_BITMAP, intersectAll, unionAll } from './bitmap.js';
import type { LexemeQuery } from './english-text.js';
import { type LexemeOccurrences, scanTsVector } from './tsvector.js';

/**
 * Relevance: BM25 over PostgreSQL's own lexemes, with the search_vector weights as field boosts
 * (BM25F-style: a weighted term frequency). Name (A) counts most, then organization and taxonomy
 * labels (B), then the description (C). Choice and figures: README.md, "Relevance".
 */
export const BM25 = { k1: 1.2, b: 0.75, weights: { a: 1, b: 0.4, c: 0.2, d: 0.1 } } as const;

/**
 * Weighted term frequency of one lexeme in one document, in tenths (an integer, so every path —
 * build, upsert, the tests — computes the same double from it).
 */
export function weightedTenths(o: Pick<LexemeOccurrences, 'a' | 'b' | 'c' | 'd'>): number {
  const w = BM25.weights;
  return Math.round(10 * (o.a * w.a + o.b * w.b + o.c * w.c + o.d * w.d));
}

/** The document-side factor of a BM25 term score (stored as float32 per posting). */
export function termFactor(tenths: number, length: number, averageLength: number): number {
  const frequency = tenths / 10;
  return Math.fround((frequency * (BM25.k1 + 1)) / (frequency + BM25.k1 * (1 - BM25.b + (BM25.b * length) / averageLength)));
}

/** The query-side factor: rarer lexemes weigh more. */
export function inverseDocumentFrequency(documents: number, withLexeme: number): number {
  return Math.log(1 + (documents - withLexeme + 0.5) / (withLexeme + 0.5));
}

/** A document's length: its number of positions. */
export function documentLength(lexemes: readonly LexemeOccurrences[]): number {
  let length = 0;
  for (const o of lexemes) length += o.a + o.b + o.c + o.d;
  return length;
}

/**
 * Lexemes in fewer documents than this keep no bitmap: one is made from their postings when a
 * query names them. Most lexemes are rare (numbers, names).
 */
const BITMAP_FROM = 64;

/** A Uint32Array or Float32Array that grows by doubling. */
function grown<T extends Uint32Array | Float32Array>(array: T, needed: number): T {
  if (needed <= array.length) return array;
  const bigger = new (array.constructor as new (n: number) => T)(Math.max(needed, array.length * 2, 1024));
  bigger.set(array);
  return bigger;
}

/**
 * The inverted index of search_vector: per lexeme its postings (slots ascending, each with a
 * float32 BM25 term factor, for ranking) and, for common lexemes, a bitmap (for matching, ANDed
 * with filters and counted by facets). All postings live in one flat pair of typed arrays, each
 * lexeme a range of it, so a million lexemes are not a million objects for the garbage collector
 * to walk. During the build, postings are gathered as (lexeme, slot, weight) triples and laid out
 * by one counting sort at seal(); later documents append, moving a full range to the arena's end.
 *
 * Collection statistics — the number of documents, their average length, each lexeme's document
 * frequency — are frozen at build, so scores (and keyset cursors over them) do not drift while
 * the change feed trickles in; the next full build refreshes them.
 */
export class TextIndex {
  private readonly lexemeIds = new Map<string, number>();
  private lexemes = 0;
  /** Per lexeme id: where its range starts in the arena, its postings, the range's room. */
  private start = new Uint32Array(1024);
  private count = new Uint32Array(1024);
  private room = new Uint32Array(1024);
  /** Per lexeme id: documents with it at build. */
  private frequencyAtBuild = new Uint32Array(1024);
  private readonly bitmaps = new Map<number, Bitmap>();
  private slotsArena = new Uint32Array(0);
  private factorsArena = new Float32Array(0);
  private arenaUsed = 0;

  private documents = 0;
  private averageLength = 1;
  private sealed = false;
  /** Until seal(): (lexeme, slot, weighted tenths) triples, and each slot's length. */
  private pending = {
    size: 0,
    lexeme: new Uint32Array(0),
    slot: new Uint32Array(0),
    tenths: new Float32Array(0),
    lengths: new Uint32Array(0),
  };

  private readonly scratchIds: number[] = [];
  private readonly scratchTenths: number[] = [];
  private scores = new Float64Array(0);
  private stamps = new Uint32Array(0);
  private stamp = 0;

  /** Indexes one document from its search_vector text. */
  add(slot: number, vector: string): void {
    const ids = this.scratchIds;
    const tenths = this.scratchTenths;
    let n = 0;
    let length = 0;
    scanTsVector(vector, (lexeme, a, b, c, d) => {
      ids[n] = this.lexemeId(lexeme);
      tenths[n++] = weightedTenths({ a, b, c, d });
      length += a + b + c + d;
    });
    if (!this.sealed) {
      const p = this.pending;
      p.lengths = grown(p.lengths, slot + 1);
      p.lengths[slot] = length;
      this.documents++;
      p.lexeme = grown(p.lexeme, p.size + n);
      p.slot = grown(p.slot, p.size + n);
      p.tenths = grown(p.tenths, p.size + n);
      for (let i = 0; i < n; i++, p.size++) {
        p.lexeme[p.size] = ids[i];
        p.slot[p.size] = slot;
        p.tenths[p.size] = tenths[i];
      }
      return;
    }
    for (let i = 0; i < n; i++) this.append(ids[i], slot, termFactor(tenths[i], length, this.averageLength));
  }

  seal(): void {
    if (this.sealed) return;
    const p = this.pending;
    let total = 0;
    for (let i = 0; i < p.size; i++) this.count[p.lexeme[i]]++;
    for (const length of p.lengths) total += length;
    this.averageLength = this.documents ? total / this.documents || 1 : 1;
    // Counting sort: each lexeme's range in arrival (= slot) order, with some room to append.
    const slack = Math.ceil(p.size / 10) + 4096;
    this.slotsArena = new Uint32Array(p.size + slack);
    this.factorsArena = new Float32Array(p.size + slack);
    let offset = 0;
    for (let id = 0; id < this.lexemes; id++) {
      this.start[id] = offset;
      this.room[id] = this.count[id];
      this.frequencyAtBuild[id] = this.count[id];
      offset += this.count[id];
      this.count[id] = 0;
    }
    for (let i = 0; i < p.size; i++) {
      const id = p.lexeme[i];
      const at = this.start[id] + this.count[id]++;
      this.slotsArena[at] = p.slot[i];
      this.factorsArena[at] = termFactor(p.tenths[i], p.lengths[p.slot[i]], this.averageLength);
    }
    this.arenaUsed = offset;
    for (let id = 0; id < this.lexemes; id++) if (this.count[id] >= BITMAP_FROM) this.makeBitmap(id);
    this.pending = {
      size: 0,
      lexeme: new Uint32Array(0),
      slot: new Uint32Array(0),
      tenths: new Float32Array(0),
      lengths: new Uint32Array(0),
    };
    this.sealed = true;
  }

  private lexemeId(lexeme: string): number {
    let id = this.lexemeIds.get(lexeme);
    if (id === undefined) {
      id = this.lexemes++;
      this.lexemeIds.set(lexeme, id);
      for (const name of ['start', 'count', 'room', 'frequencyAtBuild'] as const) this[name] = grown(this[name], this.lexemes);
      if (this.sealed) this.start[id] = this.arenaUsed;
    }
    return id;
  }

  /** A posting after the build: into the range's room, or the range moves to the arena's end with twice the room. */
  private append(id: number, slot: number, factor: number): void {
    if (this.count[id] === this.room[id]) {
      const room = Math.max(4, this.room[id] * 2);
      this.slotsArena = grown(this.slotsArena, this.arenaUsed + room);
      this.factorsArena = grown(this.factorsArena, this.arenaUsed + room);
      const from = this.start[id];
      this.slotsArena.copyWithin(this.arenaUsed, from, from + this.count[id]);
      this.factorsArena.copyWithin(this.arenaUsed, from, from + this.count[id]);
      this.start[id] = this.arenaUsed;
      this.room[id] = room;
      this.arenaUsed += room;
    }
    const at = this.start[id] + this.count[id]++;
    this.slotsArena[at] = slot;
    this.factorsArena[at] = factor;
    const bitmap = this.bitmaps.get(id);
    if (bitmap) bitmap.add(slot);
    else if (this.count[id] >= BITMAP_FROM) this.makeBitmap(id);
  }

  private postingSlots(id: number): Uint32Array {
    return this.slotsArena.subarray(this.start[id], this.start[id] + this.count[id]);
  }

  private makeBitmap(id: number): void {
    const bitmap = new Bitmap(this.postingSlots(id));
    bitmap.runOptimize();
    bitmap.shrinkToFit();
    this.bitmaps.set(id, bitmap);
  }

  /** Slots with this lexeme: the kept bitmap of a common lexeme, a new one for a rare lexeme. */
  private slotBitmap(lexeme: string): Bitmap {
    const id = this.lexemeIds.get(lexeme);
    if (id === undefined) return EMPTY_BITMAP;
    return this.bitmaps.get(id) ?? new Bitmap(this.postingSlots(id));
  }

  /** Slots whose vector satisfies the query (`search_vector @@ to_tsquery`); may include removed slots. */
  match(query: LexemeQuery): Bitmap {
    if (query.length === 0) return new Bitmap();
    return intersectAll(query.map((group) => unionAll(group.map((lexeme) => this.slotBitmap(lexeme)))));
  }

  /**
   * BM25 scores of `slots` (each must match the query) for the query's distinct lexemes, in a
   * fixed lexeme order so equal documents get bit-equal scores. Postings are scattered into a
   * per-slot scratch array (stamped per call, never cleared) and read back for the slots, into
   * `out` (at least as long as `slots`).
   */
  score(query: LexemeQuery, slots: Uint32Array, slotCount: number, out = new Float64Array(slots.length)): Float64Array {
    if (this.scores.length < slotCount) {
      this.scores = new Float64Array(Math.max(slotCount, this.scores.length * 2));
      this.stamps = new Uint32Array(this.scores.length);
      this.stamp = 0;
    }
    const stamp = ++this.stamp;
    const { scores, stamps, slotsArena, factorsArena } = this;
    for (const lexeme of [...new Set(query.flat())].sort()) {
      const id = this.lexemeIds.get(lexeme);
      if (id === undefined) continue;
      const idf = inverseDocumentFrequency(this.documents, this.frequencyAtBuild[id]);
      for (let i = this.start[id], end = i + this.count[id]; i < end; i++) {
        const slot = slotsArena[i];
        if (stamps[slot] !== stamp) {
          stamps[slot] = stamp;
          scores[slot] = 0;
        }
        scores[slot] += idf * factorsArena[i];
      }
    }
    for (let i = 0; i < slots.length; i++) out[i] = stamps[slots[i]] === stamp ? scores[slots[i]] : 0;
    return out;
  }

  get lexemeCount(): number {
    return this.lexemes;
  }

  /** Bytes of the postings arena, the per-lexeme arrays and the bitmaps. */
  sizeInBytes(): number {
    let bytes = this.slotsArena.byteLength + this.factorsArena.byteLength + 4 * 4 * this.start.length;
    for (const b of this.bitmaps.values()) bytes += b.getSerializationSizeInBytes('croaring');
    return bytes;
  }
}
