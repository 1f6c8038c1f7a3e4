import { CursorCodec } from '../common/pagination/cursor-codec.js';
import { isCursorTime } from '../common/pagination/cursor-time.js';
import { LOWERCASE_UUID_PATTERN } from '../common/uuid.js';

/** Where a page of reports ends: the last report's created_at (microsecond text) and id. */
export interface ReportCursor {
  createdAt: string;
  id: string;
}

/** Written as `[createdAt, id]`; both are cast in SQL, so only exactly that is read back. */
export const reportCursors = new CursorCodec<ReportCursor>({
  write: ({ createdAt, id }) => [createdAt, id],
  read: (wire) => {
    if (!Array.isArray(wire)) return undefined;
    const [createdAt, id] = wire as unknown[];
    return typeof createdAt === 'string' && isCursorTime(createdAt) && typeof id === 'string' && LOWERCASE_UUID_PATTERN.test(id)
      ? { createdAt, id }
      : undefined;
  },
});
