/** The microsecond UTC text of a timestamptz that keyset cursors carry (`YYYY-MM-DDTHH:MM:SS.ffffffZ`). */
const CURSOR_AT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

/** SQL for that text, from a timestamptz column: a JS Date would round to milliseconds and skip rows. */
export const cursorTimeSql = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** A real UTC instant in the cursor's format: it reads back as itself (no day 30 of February, no hour 24, no year 0). */
export function isCursorTime(text: string): boolean {
  if (!CURSOR_AT.test(text)) return false;
  const time = new Date(text);
  return !Number.isNaN(time.getTime()) && time.getUTCFullYear() >= 1 && time.toISOString().slice(0, 19) === text.slice(0, 19);
}
