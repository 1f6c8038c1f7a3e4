import type { ResourceRow } from '../resource.row.js';

/**
 * One resource as the in-memory directory index needs it: the row the directory queries
 * return (with its locations), plus the derived columns PostgreSQL computes and filters on.
 * Produced by the index loader (full build and incremental refresh from the change feed),
 * consumed by DirectoryIndex. Inactive rows are loaded too, so an update can remove them.
 */
export interface IndexRow extends ResourceRow {
  /** Lower-cased insurer names (resource.insurer_keys). */
  insurer_keys: string[];
  /** Regions of the resource's locations (resource.location_regions). */
  location_regions: string[];
  /** Sort key for `sort=fee`: 0 when free, else fee_min, else 2147483647 (resource.fee_sort). */
  fee_sort: number;
  /** resource.search_vector::text, PostgreSQL's own lexemes with positions and weights. */
  search_vector: string;
}
