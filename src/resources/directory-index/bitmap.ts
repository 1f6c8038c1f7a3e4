import roaring, { type RoaringBitmap32 } from 'roaring';

/**
 * CRoaring's 32-bit compressed bitmap. roaring is a CommonJS addon: Node's ESM loader does not
 * see its named exports, so the class is taken from the default export once, here.
 */
export const Bitmap = roaring.RoaringBitmap32;
export type Bitmap = RoaringBitmap32;

/** An empty bitmap shared by lookups of values nobody has; never mutated. */
export const EMPTY_BITMAP: Bitmap = new Bitmap();
EMPTY_BITMAP.freeze();

/** a ∧ b ∧ …, smallest first so the intermediate results shrink fast. */
export function intersectAll(bitmaps: readonly Bitmap[]): Bitmap {
  if (bitmaps.length === 0) throw new Error('intersectAll needs at least one bitmap');
  const sorted = [...bitmaps].sort((a, b) => a.size - b.size);
  const result = Bitmap.and(sorted[0], sorted[1] ?? sorted[0]);
  for (let i = 2; i < sorted.length && result.size > 0; i++) result.andInPlace(sorted[i]);
  return result;
}

/** a ∨ b ∨ … in one native call; a fresh bitmap, even for one input. */
export function unionAll(bitmaps: readonly Bitmap[]): Bitmap {
  if (bitmaps.length === 0) return new Bitmap();
  if (bitmaps.length === 1) return bitmaps[0].clone();
  return Bitmap.orMany(bitmaps);
}
