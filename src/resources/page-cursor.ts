import { createHash } from 'node:crypto';
import { CommonErrors } from '../common/problem/common.errors.js';
import type { SortOrder } from './dto/search-resources.query.js';
import { ResourceErrors } from './resources.errors.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const INT4_MAX = 2_147_483_647;

interface CursorPayload {
  s: SortOrder;
  k: number | string;
  i: string;
  /** Fingerprint of the filters the cursor was made for. */
  f: string;
  /** The total counted on the first page, and whether it is exact, so later pages need not count again. */
  t: number;
  x: boolean;
}

export interface DecodedCursor {
  key: number | string;
  id: string;
  total: number;
  totalExact: boolean;
}

export function filtersFingerprint(criteria: unknown): string {
  return createHash('sha256').update(JSON.stringify(criteria)).digest('base64url').slice(0, 10);
}

/** Opaque keyset cursor: the last row's sort key and id, bound to the sort and the filters. */
export function encodeCursor(sort: SortOrder, key: number | string, id: string, fingerprint: string, total: number, totalExact: boolean): string {
  const payload: CursorPayload = { s: sort, k: key, i: id, f: fingerprint, t: total, x: totalExact };
  return Buffer.from(JSON.stringify(payload)).toString('base64url');
}

export function decodeCursor(cursor: string, sort: SortOrder, fingerprint: string): DecodedCursor {
  let payload: CursorPayload;
  try {
    payload = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw CommonErrors.invalidCursor();
  }
  // The key and id are cast in SQL (::int for fee, ::text, ::uuid): anything the cast would
  // refuse is a bad cursor (400), not a database error (500).
  const validKey =
    typeof payload?.k === 'number'
      ? Number.isFinite(payload.k) && (sort !== 'fee' || (Number.isInteger(payload.k) && Math.abs(payload.k) <= INT4_MAX))
      : typeof payload?.k === 'string' && payload.k.length <= 300 && !payload.k.includes('\u0000');
  const validId = typeof payload?.i === 'string' && UUID.test(payload.i);
  const validTotal = Number.isInteger(payload?.t) && payload.t >= 0 && typeof payload?.x === 'boolean';
  if (!validKey || !validId || !validTotal || payload.s !== sort || typeof payload.k !== (sort === 'name' ? 'string' : 'number')) {
    throw ResourceErrors.cursorNotForSort();
  }
  if (payload.f !== fingerprint) {
    throw ResourceErrors.cursorFiltersMismatch();
  }
  return { key: payload.k, id: payload.i, total: payload.t, totalExact: payload.x };
}
