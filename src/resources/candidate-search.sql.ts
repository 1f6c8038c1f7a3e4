import type { CandidateCriteria } from './candidate-criteria.js';
import { type BuiltSql, LOCATIONS_JSON, nearbyCte, RESOURCE_COLUMNS } from './resource-search.sql.js';
import { SqlParams } from './sql-params.js';

/**
 * Candidates that meet every hard constraint, in one statement: in-person help within
 * the radius (GiST on ll_to_earth), remote help licensed where the couple is (GIN on
 * service_areas), or self-guided help anyone can use; then kind, specialty, budget and
 * language filters. Ranking happens in the pure matching module (src/intake/matching). Pure:
 * criteria in, text + bind values out.
 */
export function candidatesSql(c: CandidateCriteria): BuiltSql {
  const sql = new SqlParams();
  const filters = [`r.status = 'active'`, `r.kind <> 'hotline'`, `r.kind = ANY(${sql.param(c.kinds)}::text[])`];
  if (c.excludeRequiresSafeRelationship) filters.push('NOT r.requires_safe_relationship');
  if (c.excludeNotForCrisis) filters.push('NOT r.not_for_crisis');
  if (c.excludeEligibility.length) filters.push(`NOT (r.eligibility && ${sql.param(c.excludeEligibility)}::text[])`);
  if (c.requireEligibility) filters.push(`r.eligibility @> ARRAY[${sql.param(c.requireEligibility)}]::text[]`);
  if (c.specialtiesAny) filters.push(`r.specialties && ${sql.param(c.specialtiesAny)}::text[]`);
  if (c.budget) {
    const sliding = c.budget.slidingScaleAboveBudget ? 'r.sliding_scale' : '(r.sliding_scale AND r.fee_min IS NULL)';
    // Directories are free to search; a fee for a whole program is not a per-session fee; with
    // insurance named, a provider that takes insurance may cost little (ranking says which plan).
    const insured = c.budget.insuranceAccepted ? ' OR r.insurance_accepted' : '';
    const program = c.budget.maxFeeMinor > 0 ? ` OR r.fee_period IN ('per_program', 'one_time')` : ''; // $0 means free options only
    filters.push(`(r.free OR r.kind = 'directory'${program} OR r.fee_min <= ${sql.param(c.budget.maxFeeMinor)} OR ${sliding}${insured})`);
  }
  if (c.languages.length) filters.push(`r.languages && ${sql.param(c.languages)}::text[]`);

  // Ways a resource can reach the couple, other than being near them.
  const reach: string[] = [`r.kind = 'self_guided'`];
  if (c.inPerson && !c.point && c.region) {
    reach.push(`('in_person' = ANY(r.formats) AND r.location_regions @> ARRAY[${sql.param(c.region)}]::text[])`);
  }
  if (c.remoteFormats.length) {
    const areas = [c.region, c.country].filter((a): a is string => !!a);
    // With no place at all, only services licensed for a whole country, never one state's local practice.
    const licensed = areas.length
      ? ` AND r.service_areas && ${sql.param(areas)}::text[]`
      : ` AND EXISTS (SELECT 1 FROM unnest(r.service_areas) area WHERE length(area) = 2)`;
    reach.push(`(r.formats && ${sql.param(c.remoteFormats)}::text[]${licensed})`);
  }
  const limit = sql.param(c.limit ?? null); // LIMIT NULL: every candidate
  const fitOrder = `(r.kind = ANY(${sql.param(c.preferKinds)}::text[])) DESC, (r.specialties && ${sql.param(c.preferSpecialties)}::text[]) DESC`;

  // Candidates are chosen on narrow keys and only the winners are widened with every column and
  // their organization (sorting thousands of 1.6 KB rows and hashing every organization cost more
  // than the rest). Order: nearest first, then accepting new clients, then id.
  let chosen: string;
  let withClause = '';
  if (c.inPerson && c.point) {
    // Split near and far so that the far part can walk resource_active_accepting_idx and stop at
    // the limit instead of sorting every match; the near part is small (the GiST box).
    const cte = nearbyCte(sql, { ...c.point, radiusMeters: c.radiusMeters });
    withClause = `WITH ${cte.cte}`;
    const nearReach = [`(d.meters <= ${cte.radius}::float8 AND 'in_person' = ANY(r.formats))`, ...reach];
    chosen = `
        SELECT * FROM (
          (SELECT r.id, d.meters AS distance_m, r.accepting_new_clients AS accepting
             FROM nearby d JOIN resource r ON r.id = d.resource_id
            WHERE ${filters.join(' AND ')} AND (${nearReach.join(' OR ')})
            ORDER BY d.meters, ${fitOrder}, r.accepting_new_clients DESC, r.id LIMIT ${limit})
          UNION ALL
          (SELECT r.id, NULL::float8, r.accepting_new_clients FROM resource r
            WHERE ${filters.join(' AND ')} AND (${reach.join(' OR ')})
              AND r.id NOT IN (SELECT resource_id FROM nearby)
            ORDER BY ${fitOrder}, r.accepting_new_clients DESC, r.id LIMIT ${limit})
        ) u
        ORDER BY distance_m ASC NULLS LAST, accepting DESC, id LIMIT ${limit}`;
  } else {
    chosen = `
        SELECT r.id, NULL::float8 AS distance_m FROM resource r
        WHERE ${filters.join(' AND ')} AND (${reach.join(' OR ')})
        ORDER BY ${fitOrder}, r.accepting_new_clients DESC, r.id LIMIT ${limit}`;
  }
  const text = `
      ${withClause}
      SELECT page.*, ${LOCATIONS_JSON} FROM (
        SELECT ${RESOURCE_COLUMNS}, k.distance_m
        FROM (${chosen}) k
        JOIN resource r ON r.id = k.id
        JOIN organization o ON o.id = r.organization_id) page`;
  return { text, values: sql.values };
}
