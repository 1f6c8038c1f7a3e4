import { Bitmap, EMPTY_BITMAP, intersectAll, unionAll } from './bitmap.js';
import type { LexemeQuery } from './english-text.js';
import { scanTsVector, type LexemeOccurrences } from './tsvector.js';

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
 * query names them. Most lexemes are rare (numbers, names); a million bitmap objects would cost
 * native memory and garbage-collector time for nothing.
 */
const BITMAP_FROM = 64;

/** One lexeme's postings: slots ascending (appended), with the term factor of each. */
class Postings {
  private bitmap: Bitmap | undefined;
  slots = new Uint32Array(4);
  factors = new Float32Array(4);
  length = 0;
  /** Documents with this lexeme at build: frozen with the collection statistics. */
  frequencyAtBuild = 0;

  push(slot: number, factor: number): void {
    if (this.length === this.slots.length) {
      const capacity = Math.max(4, this.length * 2);
      const slots = new Uint32Array(capacity);
      slots.set(this.slots);
      this.slots = slots;
      const factors = new Float32Array(capacity);
      factors.set(this.factors);
      this.factors = factors;
    }
    this.slots[this.length] = slot;
    this.factors[this.length++] = factor;
    if (this.bitmap) this.bitmap.add(slot);
    else if (this.sealed && this.length >= BITMAP_FROM) this.makeBitmap();
  }

  private sealed = false;

  seal(): void {
    this.slots = this.slots.slice(0, this.length);
    this.factors = this.factors.slice(0, this.length);
    this.sealed = true;
    if (this.length >= BITMAP_FROM) this.makeBitmap();
  }

  /** The slots as a bitmap: kept for common lexemes, made per call for rare ones. */
  slotBitmap(): Bitmap {
    return this.bitmap ?? new Bitmap(this.slots.subarray(0, this.length));
  }

  bitmapBytes(): number {
    return this.bitmap?.getSerializationSizeInBytes('croaring') ?? 0;
  }

  private makeBitmap(): void {
    this.bitmap = new Bitmap(this.slots.subarray(0, this.length));
    this.bitmap.runOptimize();
    this.bitmap.shrinkToFit();
  }
}

/**
 * The inverted index of search_vector: per lexeme a bitmap (for matching, AND-ed with filters and
 * counted by facets) and postings with term factors (for ranking). Collection statistics — the
 * number of documents, their average length, each lexeme's document frequency — are frozen at
 * build, so scores (and keyset cursors over them) do not drift while the change feed trickles in;
 * the next full build refreshes them.
 */
export class TextIndex {
  private readonly postings = new Map<string, Postings>();
  private documents = 0;
  private averageLength = 1;
  private sealed = false;
  /** Until seal(): each slot's length, and postings hold weighted tenths instead of factors. */
  private lengths: number[] = [];
  private readonly scratchLexemes: string[] = [];
  private readonly scratchTenths: number[] = [];
  private scores = new Float64Array(0);
  private stamps = new Uint32Array(0);
  private stamp = 0;

  /** Indexes one document from its search_vector text. */
  add(slot: number, vector: string): void {
    const lexemes = this.scratchLexemes;
    const tenths = this.scratchTenths;
    let count = 0;
    let length = 0;
    scanTsVector(vector, (lexeme, a, b, c, d) => {
      lexemes[count] = lexeme;
      tenths[count++] = weightedTenths({ a, b, c, d });
      length += a + b + c + d;
    });
    if (!this.sealed) {
      this.lengths[slot] = length;
      this.documents++;
    }
    for (let i = 0; i < count; i++) {
      let p = this.postings.get(lexemes[i]);
      if (!p) {
        this.postings.set(lexemes[i], (p = new Postings()));
        if (this.sealed) p.seal();
      }
      p.push(slot, this.sealed ? termFactor(tenths[i], length, this.averageLength) : tenths[i]);
    }
    lexemes.length = 0;
  }

  seal(): void {
    if (this.sealed) return;
    let total = 0;
    for (const length of this.lengths) total += length ?? 0;
    this.averageLength = this.documents ? total / this.documents || 1 : 1;
    for (const p of this.postings.values()) {
      for (let i = 0; i < p.length; i++) p.factors[i] = termFactor(p.factors[i], this.lengths[p.slots[i]], this.averageLength);
      p.frequencyAtBuild = p.length;
      p.seal();
    }
    this.lengths = [];
    this.sealed = true;
  }

  /** Slots whose vector satisfies the query (`search_vector @@ to_tsquery`); may include removed slots. */
  match(query: LexemeQuery): Bitmap {
    if (query.length === 0) return new Bitmap();
    return intersectAll(query.map((group) => unionAll(group.map((lexeme) => this.postings.get(lexeme)?.slotBitmap() ?? EMPTY_BITMAP))));
  }

  /**
   * BM25 scores of `slots` (each must match the query) for the query's distinct lexemes, in a
   * fixed lexeme order so equal documents get bit-equal scores. Postings are scattered into a
   * per-slot scratch array (stamped per call, never cleared) and read back for the slots.
   */
  score(query: LexemeQuery, slots: Uint32Array, slotCount: number): Float64Array {
    if (this.scores.length < slotCount) {
      this.scores = new Float64Array(Math.max(slotCount, this.scores.length * 2));
      this.stamps = new Uint32Array(this.scores.length);
      this.stamp = 0;
    }
    const stamp = ++this.stamp;
    const { scores, stamps } = this;
    const lexemes = [...new Set(query.flat())].sort();
    for (const lexeme of lexemes) {
      const p = this.postings.get(lexeme);
      if (!p) continue;
      const idf = inverseDocumentFrequency(this.documents, p.frequencyAtBuild);
      const { slots: postingSlots, factors, length } = p;
      for (let i = 0; i < length; i++) {
        const slot = postingSlots[i];
        if (stamps[slot] !== stamp) {
          stamps[slot] = stamp;
          scores[slot] = 0;
        }
        scores[slot] += idf * factors[i];
      }
    }
    const out = new Float64Array(slots.length);
    for (let i = 0; i < slots.length; i++) out[i] = stamps[slots[i]] === stamp ? scores[slots[i]] : 0;
    return out;
  }

  get lexemeCount(): number {
    return this.postings.size;
  }

  /** Bytes of postings arrays and bitmaps. */
  sizeInBytes(): number {
    let bytes = 0;
    for (const p of this.postings.values()) bytes += p.slots.byteLength + p.factors.byteLength + p.bitmapBytes();
    return bytes;
  }
}
