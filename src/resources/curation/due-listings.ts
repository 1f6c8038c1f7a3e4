import type { DueListing } from '../resources.service.js';

/** The columns `npm run curation:due` prints, in order. */
const COLUMNS = ['status', 'lastVerifiedAt', 'verifiedBy', 'kind', 'safetyLine', 'slug', 'name', 'id'] as const;

const cell = (listing: DueListing, column: (typeof COLUMNS)[number]): string => {
  const value = listing[column];
  if (column === 'lastVerifiedAt') return value ? String(value).slice(0, 10) : 'never';
  if (column === 'safetyLine') return value ? 'yes' : '';
  return value === null ? '' : String(value);
};

/** RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled. */
const csvField = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

/**
 * The listings due for re-verification (and stale ones) as `npm run curation:due` prints them: a
 * table aligned for a terminal, or CSV (`--csv`) with a header row, one listing per line.
 */
export function formatDueListings(listings: DueListing[], format: 'table' | 'csv', asOf: Date): string {
  const rows = listings.map((listing) => COLUMNS.map((column) => cell(listing, column)));
  if (format === 'csv') return [COLUMNS.join(','), ...rows.map((row) => row.map(csvField).join(','))].join('\n') + '\n';
  if (!rows.length) return `No listing is due for verification (as of ${asOf.toISOString().slice(0, 10)}).\n`;
  const widths = COLUMNS.map((column, i) => Math.max(column.length, ...rows.map((row) => row[i].length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  const stale = listings.filter((l) => l.status === 'stale').length;
  return (
    [line(COLUMNS), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n') +
    `\n\n${listings.length} listings due for verification as of ${asOf.toISOString().slice(0, 10)} (${stale} stale).\n`
  );
}
