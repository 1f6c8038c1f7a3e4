import type { EntityManager } from 'typeorm';

import { RESOURCE_FACT_COLUMNS, type ResourceFactColumn, type ResourceWrite } from './resource.row.js';
import { roundCoordinate } from './resource-search.sql.js';

/** `fee_min` → `feeMin`: a fact column's field in ResourceWrite. */
type FieldOf<C extends string> = C extends `${infer Head}_${infer Tail}` ? `${Head}${Capitalize<FieldOf<Tail>>}` : C;
const fieldOf = <C extends ResourceFactColumn>(column: C) =>
  column.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase()) as FieldOf<C>;
// Every fact column has its ResourceWrite field: a column added to the list fails to compile here until the write has it.
const EVERY_FACT_WRITTEN: [Exclude<FieldOf<ResourceFactColumn>, keyof ResourceWrite>] extends [never] ? true : never = true;
void EVERY_FACT_WRITTEN;

/**
 * The stored columns of one resource write, in one place, so the seed upsert (by slug) and
 * curation's insert and versioned update write exactly the same columns the same way: the facts
 * as given, then the organization and the derived columns, computed here: insurer_keys
 * (lower-cased insurers, for the insurance filter), location_regions (regions and countries of
 * the locations, for `serves`), search_keywords and verified_by (who made last_verified_at).
 */
export const RESOURCE_WRITE_COLUMNS = [
  ...RESOURCE_FACT_COLUMNS,
  'organization_id',
  'insurer_keys',
  'location_regions',
  'search_keywords',
  'verified_by',
] as const;

/** Bind values for RESOURCE_WRITE_COLUMNS, in the same order. */
export function resourceWriteValues(r: ResourceWrite, organizationId: string): unknown[] {
  const facts = RESOURCE_FACT_COLUMNS.map((column) =>
    // jsonb: sent as JSON text (pg would send a JS array as a PostgreSQL array).
    column === 'contact_channels' || column === 'translations' ? JSON.stringify(r[fieldOf(column)]) : (r[fieldOf(column)] ?? null),
  );
  return [
    ...facts,
    organizationId,
    r.insurers.map((i) => i.toLowerCase()),
    [...new Set(r.locations.flatMap((l) => [l.region, l.country]))],
    r.searchKeywords,
    // Who verified: only with a verification date; unsaid, a curator's (seed data, curation).
    r.lastVerifiedAt ? (r.verifiedBy ?? 'curator') : null,
  ];
}

/** `$first, $first+1, …` for the write columns. */
export function resourceWritePlaceholders(first = 1): string {
  return RESOURCE_WRITE_COLUMNS.map((_, i) => `$${first + i}`).join(', ');
}

/** The organization by name (created when new; a given website replaces the stored one). Returns its id. */
export async function upsertOrganization(
  tx: EntityManager,
  r: Pick<ResourceWrite, 'organizationName' | 'organizationWebsite'>,
): Promise<string> {
  const [{ id }] = await tx.query<[{ id: string }]>(
    `INSERT INTO organization (name, website) VALUES ($1, $2)
     ON CONFLICT (name) DO UPDATE SET website = COALESCE(EXCLUDED.website, organization.website), updated_at = now()
     RETURNING id`,
    [r.organizationName, r.organizationWebsite ?? null],
  );
  return id;
}

/** Replaces a resource's locations with the given ones, keeping their order. */
export async function replaceLocations(tx: EntityManager, resourceId: string, locations: ResourceWrite['locations']): Promise<void> {
  await tx.query('DELETE FROM resource_location WHERE resource_id = $1', [resourceId]);
  for (const [position, l] of locations.entries()) {
    await tx.query(
      `INSERT INTO resource_location (resource_id, position, address, city, region, postal_code, country, latitude, longitude)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)`,
      // Rounded as for search: the stored earth point is computed from them (see roundCoordinate).
      [
        resourceId,
        position,
        l.address ?? null,
        l.city,
        l.region,
        l.postalCode ?? null,
        l.country,
        roundCoordinate(l.latitude),
        roundCoordinate(l.longitude),
      ],
    );
  }
}
