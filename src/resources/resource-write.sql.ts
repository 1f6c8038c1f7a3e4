import type { EntityManager } from 'typeorm';

import type { ResourceWrite } from './resource.row.js';
import { roundCoordinate } from './resource-search.sql.js';

/**
 * The stored columns of one resource write, in one place, so the seed upsert (by slug) and
 * curation's insert and versioned update write exactly the same columns the same way.
 * Derived columns are computed here: insurer_keys (lower-cased insurers, for the insurance
 * filter) and location_regions (regions and countries of the locations, for `serves`).
 */
export const RESOURCE_WRITE_COLUMNS = [
  'slug',
  'organization_id',
  'name',
  'description',
  'url',
  'phone',
  'email',
  'kind',
  'formats',
  'free',
  'sliding_scale',
  'fee_min',
  'fee_max',
  'currency',
  'insurance_accepted',
  'insurers',
  'insurer_keys',
  'no_insurance_needed',
  'cost_notes',
  'specialties',
  'approaches',
  'languages',
  'audiences',
  'credentials',
  'payment_options',
  'service_areas',
  'location_regions',
  'accepting_new_clients',
  'wait_time_days',
  'availability',
  'joint_sessions',
  'demo',
  'source_url',
  'last_verified_at',
  'status',
  'search_keywords',
  'requires_safe_relationship',
  'not_for_crisis',
  'eligibility',
  'line_roles',
  'contact_channels',
  'fee_period',
  'accessibility',
] as const;

/** Bind values for RESOURCE_WRITE_COLUMNS, in the same order. */
export function resourceWriteValues(r: ResourceWrite, organizationId: string): unknown[] {
  return [
    r.slug,
    organizationId,
    r.name,
    r.description,
    r.url ?? null,
    r.phone ?? null,
    r.email ?? null,
    r.kind,
    r.formats,
    r.free,
    r.slidingScale,
    r.feeMin ?? null,
    r.feeMax ?? null,
    r.currency,
    r.insuranceAccepted,
    r.insurers,
    r.insurers.map((i) => i.toLowerCase()),
    r.noInsuranceNeeded,
    r.costNotes ?? null,
    r.specialties,
    r.approaches,
    r.languages,
    r.audiences,
    r.credentials,
    r.paymentOptions,
    r.serviceAreas,
    [...new Set(r.locations.flatMap((l) => [l.region, l.country]))],
    r.acceptingNewClients,
    r.waitTimeDays ?? null,
    r.availability,
    r.jointSessions,
    r.demo,
    r.sourceUrl ?? null,
    r.lastVerifiedAt ?? null,
    r.status,
    r.searchKeywords,
    r.requiresSafeRelationship,
    r.notForCrisis,
    r.eligibility,
    r.lineRoles,
    JSON.stringify(r.contactChannels),
    r.feePeriod,
    r.accessibility,
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
