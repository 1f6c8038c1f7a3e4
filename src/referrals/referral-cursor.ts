import { CursorCodec } from '../common/pagination/cursor-codec.js';
import { isCursorTime } from '../common/pagination/cursor-time.js';
import { LOWERCASE_UUID_PATTERN } from '../common/uuid.js';

/** Where a page of referrals ends: the last referral's created_at (microsecond text) and id. */
export interface ReferralCursor {
  createdAt: string;
  id: string;
}

/** Written as `[createdAt, id]`. */
export const referralCursors = new CursorCodec<ReferralCursor>({
  write: ({ createdAt, id }) => [createdAt, id],
  read: (wire) => {
    if (!Array.isArray(wire)) return undefined;
    const [createdAt, id] = wire as unknown[];
    // Exactly what write() is given (the microsecond text of created_at, a UUID): both are cast
    // in SQL, and text that Date.parse takes (`1`, February 30, year 0) PostgreSQL refuses.
    return typeof createdAt === 'string' && isCursorTime(createdAt) && typeof id === 'string' && LOWERCASE_UUID_PATTERN.test(id)
      ? { createdAt, id }
      : undefined;
  },
});
