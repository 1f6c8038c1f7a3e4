import { LOWERCASE_UUID_PATTERN } from '../uuid.js';
import { CursorCodec } from './cursor-codec.js';
import { isCursorTime } from './cursor-time.js';

/** Where a page of rows ordered by (created_at, id) ends: the last row's created_at (microsecond text) and id. */
export interface CreatedAtCursor {
  createdAt: string;
  id: string;
}

/**
 * Written as `[createdAt, id]`: the wire format of referral and report cursors already handed out.
 * Only exactly what write() is given is read back (the microsecond text of created_at, a UUID):
 * both are cast in SQL, and text that Date.parse takes (`1`, February 30, year 0) PostgreSQL refuses.
 */
export const createdAtCursors = new CursorCodec<CreatedAtCursor>({
  write: ({ createdAt, id }) => [createdAt, id],
  read: (wire) => {
    if (!Array.isArray(wire)) return undefined;
    const [createdAt, id] = wire as unknown[];
    return typeof createdAt === 'string' && isCursorTime(createdAt) && typeof id === 'string' && LOWERCASE_UUID_PATTERN.test(id)
      ? { createdAt, id }
      : undefined;
  },
});
