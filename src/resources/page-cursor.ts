import { createHash } from 'node:crypto';

import { CursorCodec } from '../common/pagination/cursor-codec.js';
import { LOWERCASE_UUID_PATTERN } from '../common/uuid.js';
import { type SortOrder, SORTS } from './dto/search-resources.query.js';
import { ResourceErrors } from './resources.errors.js';

const INT4_MAX = 2_147_483_647;

/** Where a page of search results ends, bound to the sort and the filters it was made for. */
interface ResourceCursor {
  sort: SortOrder;
  /** The last row's sort key. */
  key: number | string;
  id: string;
  /** Fingerprint of the filters the cursor was made for (undefined in a forged one: it matches none). */
  filters: string | undefined;
  /** The total counted on the first page, and whether it is exact, so later pages need not count again. */
  total: number;
  totalExact: boolean;
}

export interface DecodedCursor {
  key: number | string;
  id: string;
  total: number;
  totalExact: boolean;
}

/** The key and id are cast in SQL (::int for fee, ::text, ::uuid): anything the cast would refuse is a bad cursor. */
function isSortKey(sort: SortOrder, key: unknown): key is number | string {
  if (sort === 'name') return typeof key === 'string' && key.length <= 300 && !key.includes('\u0000');
  if (typeof key !== 'number' || !Number.isFinite(key)) return false;
  return sort !== 'fee' || (Number.isInteger(key) && Math.abs(key) <= INT4_MAX);
}

/** Written as `{ s, k, i, f, t, x }`. */
const resourceCursors = new CursorCodec<ResourceCursor>({
  write: (c) => ({ s: c.sort, k: c.key, i: c.id, f: c.filters, t: c.total, x: c.totalExact }),
  read: (wire) => {
    const { s, k, i, f, t, x } = (wire ?? {}) as Record<string, unknown>;
    const valid =
      SORTS.includes(s as SortOrder) &&
      isSortKey(s as SortOrder, k) &&
      typeof i === 'string' &&
      LOWERCASE_UUID_PATTERN.test(i) &&
      Number.isInteger(t) &&
      (t as number) >= 0 &&
      typeof x === 'boolean';
    return valid
      ? {
          sort: s as SortOrder,
          key: k,
          id: i,
          filters: typeof f === 'string' ? f : undefined,
          total: t as number,
          totalExact: x,
        }
      : undefined;
  },
  invalid: ResourceErrors.cursorNotForSort,
});

export function filtersFingerprint(criteria: unknown): string {
  return createHash('sha256').update(JSON.stringify(criteria)).digest('base64url').slice(0, 10);
}

/** Opaque keyset cursor: the last row's sort key and id, bound to the sort and the filters. */
export function encodeCursor(
  sort: SortOrder,
  key: number | string,
  id: string,
  fingerprint: string,
  total: number,
  totalExact: boolean,
): string {
  return resourceCursors.encode({ sort, key, id, filters: fingerprint, total, totalExact });
}

export function decodeCursor(cursor: string, sort: SortOrder, fingerprint: string): DecodedCursor {
  const payload = resourceCursors.decode(cursor);
  if (payload.sort !== sort) throw ResourceErrors.cursorNotForSort();
  if (payload.filters !== fingerprint) throw ResourceErrors.cursorFiltersMismatch();
  return { key: payload.key, id: payload.id, total: payload.total, totalExact: payload.totalExact };
}
