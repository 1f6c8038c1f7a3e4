import type { FacetField, SortOrder } from './dto/search-resources.query.js';
import type { ResourceSearchCriteria, SearchPage } from './resource-search.criteria.js';
import { SqlParams } from './sql-params.js';

/**
 * The directory search SQL, as pure builders (criteria in, text + bind values out), so the
 * repository and the benchmark's bare-pg floor run exactly the same statements.
 * Indexes used (migrations/1764090000000-directory.ts, checked with EXPLAIN): GIN on each
 * text[] filter column and on search_vector, GiST on ll_to_earth() for radius, partial
 * btree (name,id) / (fee_sort,id) for keyset pagination.
 */
export interface BuiltSql {
  text: string;
  values: unknown[];
}

// Columns each facet counts; arrays are unnested.
const FACET_COLUMNS: Record<FacetField, { column: string; array: boolean }> = {
  kind: { column: 'kind', array: false },
  format: { column: 'formats', array: true },
  specialty: { column: 'specialties', array: true },
  approach: { column: 'approaches', array: true },
  language: { column: 'languages', array: true },
  audience: { column: 'audiences', array: true },
  accessibility: { column: 'accessibility', array: true },
  credential: { column: 'credentials', array: true },
  payment: { column: 'payment_options', array: true },
  availability: { column: 'availability', array: true },
};

export const RESOURCE_COLUMNS = `
  r.id, r.slug, r.name, r.description, r.url, r.phone, r.email, r.kind, r.formats,
  r.free, r.sliding_scale, r.fee_min, r.fee_max, r.currency, r.fee_period, r.insurance_accepted, r.insurers,
  r.no_insurance_needed, r.cost_notes, r.specialties, r.approaches, r.languages, r.audiences,
  r.accessibility, r.credentials, r.payment_options, r.service_areas, r.accepting_new_clients, r.wait_time_days,
  r.availability, r.joint_sessions, r.requires_safe_relationship, r.not_for_crisis, r.eligibility, r.line_roles,
  r.contact_channels, r.translations, r.demo, r.source_url, r.last_verified_at, r.verified_by, r.safety_suspended, r.status, r.version,
  r.created_at, r.updated_at, o.name AS organization_name, o.website AS organization_website`;

export const LOCATIONS_JSON = `
  (SELECT coalesce(json_agg(json_build_object(
     'address', l.address, 'city', l.city, 'region', l.region, 'postalCode', l.postal_code,
     'country', l.country, 'latitude', l.latitude, 'longitude', l.longitude) ORDER BY l.position), '[]'::json)
   FROM resource_location l WHERE l.resource_id = page.id) AS locations`;

/** List criteria that match a resource sharing any value with the column (`&&`, GIN-indexed arrays). */
const OVERLAP_COLUMNS = {
  formats: 'formats',
  specialties: 'specialties',
  approaches: 'approaches',
  languages: 'languages',
  audiences: 'audiences',
  eligibility: 'eligibility',
  credentials: 'credentials',
  paymentOptions: 'payment_options',
  availability: 'availability',
} as const satisfies Partial<Record<keyof ResourceSearchCriteria, string>>;

/** Yes/no criteria that match the boolean column exactly. */
const EQUALS_COLUMNS = {
  free: 'free',
  slidingScale: 'sliding_scale',
  noInsuranceNeeded: 'no_insurance_needed',
  acceptingNewClients: 'accepting_new_clients',
  jointSessions: 'joint_sessions',
} as const satisfies Partial<Record<keyof ResourceSearchCriteria, string>>;

/** FROM + WHERE for the criteria (without pagination), shared by page, count and facets. */
function filtered(
  c: ResourceSearchCriteria,
  sql: SqlParams,
): { with: string; from: string; where: string[]; distance?: string; rank?: string } {
  const where = [`r.status = 'active'`];
  if (c.kinds?.length) where.push(`r.kind = ANY(${sql.param(c.kinds)}::text[])`);
  for (const [criterion, column] of Object.entries(OVERLAP_COLUMNS) as [keyof typeof OVERLAP_COLUMNS, string][]) {
    const values = c[criterion];
    if (values?.length) where.push(`r.${column} && ${sql.param(values)}::text[]`);
  }
  // A person searching for help never meets a program for people who use abuse by chance.
  // Every code asked for (`@>`, GIN-indexed): a Deaf couple needing ASL is not helped by a TTY-only practice.
  if (c.accessibility?.length) where.push(`r.accessibility @> ${sql.param(c.accessibility)}::text[]`);
  if (!c.eligibility?.includes('people_who_use_abuse')) where.push(`NOT ('people_who_use_abuse' = ANY(r.eligibility))`);
  where.push(`NOT (r.demo AND r.kind = 'hotline')`); // a fictional hotline is never listed where someone could call it
  for (const [criterion, column] of Object.entries(EQUALS_COLUMNS) as [keyof typeof EQUALS_COLUMNS, string][]) {
    const value = c[criterion];
    if (value !== undefined) where.push(`r.${column} = ${sql.param(value)}`);
  }
  if (c.ids) where.push(`r.id = ANY(${sql.param(c.ids)}::uuid[])`);
  if (c.maxFeeMinor !== undefined) {
    // Within budget: free, lowest fee at or under it, or sliding scale with no published minimum.
    where.push(`(r.free OR r.fee_min <= ${sql.param(c.maxFeeMinor)} OR (r.sliding_scale AND r.fee_min IS NULL))`);
  }
  if (c.insurerKey) where.push(`(r.insurance_accepted AND r.insurer_keys @> ARRAY[${sql.param(c.insurerKey)}]::text[])`);
  if (c.serves) {
    // Remote help needs a licence where the client is; in-person help needs to be there.
    const areas = c.serves.region === c.serves.country ? [c.serves.country] : [c.serves.region, c.serves.country];
    where.push(
      `((r.service_areas && ${sql.param(areas)}::text[] AND NOT (cardinality(r.formats) > 0 AND r.formats <@ ARRAY['in_person']))` +
        ` OR r.location_regions @> ARRAY[${sql.param(c.serves.region)}]::text[])`,
    );
  }
  let rank: string | undefined;
  if (c.tsQuery) {
    const tsq = `to_tsquery('english', ${sql.param(c.tsQuery)})`;
    where.push(`r.search_vector @@ ${tsq}`);
    rank = `ts_rank_cd(r.search_vector, ${tsq})::float8`;
  }
  let withClause = '';
  let from = 'resource r';
  let distance: string | undefined;
  if (c.near) {
    const nearby = nearbyCte(sql, c.near);
    withClause = `WITH ${nearby.cte}`;
    from = 'resource r JOIN nearby d ON d.resource_id = r.id';
    where.push(`d.meters <= ${nearby.radius}::float8`);
    distance = 'd.meters';
  }
  return { with: withClause, from, where, distance, rank };
}

/**
 * Degrees to 7 decimals (about 1 cm). Beyond being meaningless, subnormal values such as 5e-324
 * make PostgreSQL's float arithmetic in ll_to_earth fail with "value out of range: underflow".
 */
export function roundCoordinate(degrees: number): number {
  return Math.round(degrees * 1e7) / 1e7 || 0;
}

/**
 * `nearby`: each resource with a location inside the circle and its nearest distance (m).
 * Driven by the GiST index on the stored earth point; the box is then trimmed to the circle.
 */
export function nearbyCte(sql: SqlParams, near: { lat: number; lng: number; radiusMeters: number }): { cte: string; radius: string } {
  const point = `ll_to_earth(${sql.param(roundCoordinate(near.lat))}::float8, ${sql.param(roundCoordinate(near.lng))}::float8)`;
  const radius = sql.param(near.radiusMeters);
  return {
    radius,
    cte: `nearby AS (
      SELECT l.resource_id, min(earth_distance(${point}, l.earth)) AS meters
      FROM resource_location l
      WHERE earth_box(${point}, ${radius}::float8) @> l.earth
      GROUP BY l.resource_id)`,
  };
}

function sortKey(sort: SortOrder, f: { distance?: string; rank?: string }): { key: string; direction: 'ASC' | 'DESC' } {
  switch (sort) {
    case 'relevance':
      return { key: f.rank!, direction: 'DESC' };
    case 'distance':
      return { key: f.distance!, direction: 'ASC' };
    case 'fee':
      return { key: 'r.fee_sort', direction: 'ASC' };
    case 'name':
      return { key: 'r.name', direction: 'ASC' };
  }
}

export function searchSql(criteria: ResourceSearchCriteria, page: SearchPage): BuiltSql {
  const sql = new SqlParams();
  const f = filtered(criteria, sql);
  const { key, direction } = sortKey(page.sort, f);
  const where = [...f.where];
  if (page.after) {
    const k = sql.param(page.after.key);
    const id = sql.param(page.after.id);
    const cast = page.sort === 'name' ? 'text' : page.sort === 'fee' ? 'int' : 'float8';
    // Keyset: strictly after the last row of the previous page in (key, id) order; id breaks ties.
    where.push(
      direction === 'ASC'
        ? `(${key}, r.id) > (${k}::${cast}, ${id}::uuid)`
        : `(${key} < ${k}::${cast} OR (${key} = ${k}::${cast} AND r.id > ${id}::uuid))`,
    );
  }
  // The page is cut (ORDER BY … LIMIT) before the organization is joined, so a sort over many
  // matches (relevance, distance) carries no organization columns; organization_id is NOT NULL
  // with a foreign key, so the inner join keeps every row and the page is the same.
  const text = `
    ${f.with}
    SELECT page.*, ${LOCATIONS_JSON}
    FROM (
      SELECT ${RESOURCE_COLUMNS}, r.sort_key, r.distance_m
      FROM (
        SELECT r.*, ${key} AS sort_key, ${f.distance ?? 'NULL::float8'} AS distance_m
        FROM ${f.from}
        WHERE ${where.join(' AND ')}
        ORDER BY ${key} ${direction}, r.id ASC
        LIMIT ${sql.param(page.limit + 1)}
      ) r JOIN organization o ON o.id = r.organization_id
    ) page
    ORDER BY page.sort_key ${direction}, page.id ASC`;
  return { text, values: sql.values };
}

/**
 * Counts matches up to `cap + 1`: exact below the cap, "at least cap" above it. An exact
 * count of a broad filter reads every matching row (70 ms at 100k, 0.5 s at 1M); the capped
 * one stops early (under 10 ms at 1M).
 */
export function countSql(criteria: ResourceSearchCriteria, cap: number): BuiltSql {
  const sql = new SqlParams();
  const f = filtered(criteria, sql);
  return {
    text: `${f.with} SELECT count(*)::int AS total FROM (SELECT 1 FROM ${f.from} WHERE ${f.where.join(' AND ')} LIMIT ${sql.param(cap + 1)}) m`,
    values: sql.values,
  };
}

export function facetsSql(criteria: ResourceSearchCriteria, fields: FacetField[]): BuiltSql {
  const sql = new SqlParams();
  const f = filtered(criteria, sql);
  // One pass over the matching rows: each row yields its (facet, value) pairs, counted in one
  // aggregate. `part` keeps each requested field a group of its own, as separate queries would.
  // Part -1 yields one row per match: its count is the exact total, so no separate count runs.
  const parts = [`SELECT -1 AS part, '' AS facet, NULL::text AS value`].concat(
    fields.map((field, part) => {
      const { column, array } = FACET_COLUMNS[field];
      return array
        ? `SELECT ${part} AS part, '${field}' AS facet, v AS value FROM unnest(r.${column}) v`
        : `SELECT ${part} AS part, '${field}' AS facet, r.${column} AS value`;
    }),
  );
  const text = `
    ${f.with}
    SELECT m.facet, m.value, count(*)::int AS count
    FROM ${f.from} CROSS JOIN LATERAL (${parts.join(' UNION ALL ')}) m
    WHERE ${f.where.join(' AND ')}
    GROUP BY m.part, m.facet, m.value
    ORDER BY 1, 3 DESC, 2`;
  return { text, values: sql.values };
}
