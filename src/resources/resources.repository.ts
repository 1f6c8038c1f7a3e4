import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

import { UUID_PATTERN } from '../common/uuid.js';
import type { LocationRow, ResourceReferralFacts, ResourceRow, ResourceWrite } from './resource.row.js';
import { LOCATIONS_JSON, RESOURCE_COLUMNS } from './resource-search.sql.js';
import {
  replaceLocations,
  RESOURCE_WRITE_COLUMNS,
  resourceWritePlaceholders,
  resourceWriteValues,
  upsertOrganization,
} from './resource-write.sql.js';
import type { VerificationCutoffs, VerificationStatus, VerifiedBy } from './verification.js';

/** Directory reads by key and writes, as plain parameterised SQL; searches run on the in-memory index (directory-search.ts). */
@Injectable()
export class ResourcesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async findByIdOrSlug(
    idOrSlug: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<(ResourceRow & { locations: LocationRow[] }) | undefined> {
    const isUuid = UUID_PATTERN.test(idOrSlug);
    const rows = await manager.query<(ResourceRow & { locations: LocationRow[] })[]>(
      `SELECT page.*, ${LOCATIONS_JSON} FROM (
         SELECT ${RESOURCE_COLUMNS} FROM resource r JOIN organization o ON o.id = r.organization_id
         WHERE ${isUuid ? 'r.id = $1::uuid' : 'r.slug = $1'}) page`,
      [idOrSlug],
    );
    return rows[0];
  }

  /**
   * Active real listings counted by kind and verification status at the cutoffs. The CASE is
   * verificationStatus() (verification.ts) in SQL, on the same cutoffs, so the count needs no row
   * in JavaScript; curation-stats.e2e-spec checks the two agree. Demo listings are left out: they
   * are fictional, so there is nothing to verify.
   */
  async countByVerification(
    c: VerificationCutoffs,
  ): Promise<{ kind: string; safety_line: boolean; status: VerificationStatus; count: number }[]> {
    return this.dataSource.query(
      `WITH listed AS (
         SELECT kind, (kind = 'hotline' AND line_roles <> '{}') AS safety_line, last_verified_at
         FROM resource WHERE status = 'active' AND NOT demo)
       SELECT kind, safety_line,
              CASE WHEN last_verified_at IS NULL THEN 'due'
                   WHEN last_verified_at <= CASE WHEN safety_line THEN $4::timestamptz ELSE $2::timestamptz END THEN 'stale'
                   WHEN last_verified_at <= CASE WHEN safety_line THEN $3::timestamptz ELSE $1::timestamptz END THEN 'due'
                   ELSE 'current' END AS status,
              count(*)::int AS count
       FROM listed GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
      [c.dueAtOrBefore, c.staleAtOrBefore, c.safetyLineDueAtOrBefore, c.safetyLineStaleAtOrBefore],
    );
  }

  /**
   * Active real listings due for a check or stale at the cutoffs (never verified included), the
   * longest unchecked first. For `npm run curation:due`; the status itself is computed by the caller.
   */
  async findDueForVerification(c: VerificationCutoffs): Promise<DueListingRow[]> {
    return this.dataSource.query(
      `SELECT id, slug, name, kind, (kind = 'hotline' AND line_roles <> '{}') AS safety_line, line_roles, last_verified_at, verified_by
       FROM resource
       WHERE status = 'active' AND NOT demo
         AND (last_verified_at IS NULL
              OR last_verified_at <= CASE WHEN kind = 'hotline' AND line_roles <> '{}' THEN $2::timestamptz ELSE $1::timestamptz END)
       ORDER BY last_verified_at ASC NULLS FIRST, name, id`,
      [c.dueAtOrBefore, c.safetyLineDueAtOrBefore],
    );
  }

  /**
   * Holds a safety line back from safety lists, or lets it back, in the caller's transaction.
   * Neither version nor updated_at changes: no fact of the listing did (a curator's If-Match stays
   * valid); the directory's trigger still logs the change, so every instance's index follows it.
   * Returns whether the flag changed.
   */
  async setSafetySuspended(tx: EntityManager, id: string, suspended: boolean): Promise<boolean> {
    const [rows] = await tx.query<[{ id: string }[], number]>(
      `UPDATE resource SET safety_suspended = $2 WHERE id = $1 AND safety_suspended <> $2 RETURNING id`,
      [id, suspended],
    );
    return rows.length > 0;
  }

  /** Ids, slugs, names and kinds of these resources (any status). */
  async findSummaries(ids: string[]): Promise<{ id: string; slug: string; name: string; kind: string }[]> {
    if (!ids.length) return [];
    return this.dataSource.query(`SELECT id, slug, name, kind FROM resource WHERE id = ANY($1::uuid[])`, [ids]);
  }

  /** Ids of the active safety lines (real hotlines with a role), anywhere. */
  async findActiveSafetyLineIds(): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM resource WHERE status = 'active' AND kind = 'hotline' AND NOT demo AND line_roles <> '{}'`,
    );
    return rows.map((r) => r.id);
  }

  /** What a referral to this resource depends on; undefined for an unknown id. */
  async findReferralFacts(id: string, manager: EntityManager = this.dataSource.manager): Promise<ResourceReferralFacts | undefined> {
    const [facts] = await manager.query<(ResourceReferralFacts | undefined)[]>(
      `SELECT status, kind, eligibility, specialties, requires_safe_relationship AS "requiresSafeRelationship", not_for_crisis AS "notForCrisis",
              accepting_new_clients AS "acceptingNewClients", wait_time_days AS "waitTimeDays"
       FROM resource WHERE id = $1`,
      [id],
    );
    return facts;
  }

  /** Marks these demo listings inactive (SEED_DEMO turned off); real listings are never touched. */
  async deactivateSeededDemo(slugs: string[], manager: EntityManager = this.dataSource.manager): Promise<number> {
    const rows: unknown[] = await manager.query(
      `UPDATE resource SET status = 'inactive', version = version + 1, updated_at = now()
       WHERE demo AND status = 'active' AND slug = ANY($1::text[]) RETURNING id`,
      [slugs],
    );
    return rows.length;
  }

  /**
   * Inserts or updates resources by slug (with their organization and locations), in one
   * transaction. Used by the seed loader; curation writes by id with a version check
   * (curation/resource-curation.repository.ts). A resource a curator has changed through the
   * API (it has audit rows) is left as the curator made it: re-seeding never undoes curation.
   * Returns how many rows were inserted or updated.
   */
  async upsertMany(resources: ResourceWrite[], manager: EntityManager = this.dataSource.manager): Promise<number> {
    const updates = RESOURCE_WRITE_COLUMNS.filter((c) => c !== 'slug')
      .map((c) => `${c} = EXCLUDED.${c}`)
      .join(', ');
    let written = 0;
    await manager.transaction(async (tx) => {
      for (const r of resources) {
        const organizationId = await upsertOrganization(tx, r);
        const rows: { id: string }[] = await tx.query(
          `INSERT INTO resource (${RESOURCE_WRITE_COLUMNS.join(', ')}) VALUES (${resourceWritePlaceholders()})
           ON CONFLICT (slug) DO UPDATE SET ${updates}, version = resource.version + 1, updated_at = now()
           WHERE NOT EXISTS (SELECT 1 FROM resource_audit a WHERE a.resource_id = resource.id)
           RETURNING id`,
          resourceWriteValues(r, organizationId),
        );
        if (!rows.length) continue; // curated since: keep the curator's version
        await replaceLocations(tx, rows[0].id, r.locations);
        written++;
      }
    });
    return written;
  }
}

/** A listing due for a check, as findDueForVerification returns it. */
export interface DueListingRow {
  id: string;
  slug: string;
  name: string;
  kind: string;
  safety_line: boolean;
  line_roles: string[];
  last_verified_at: Date | null;
  verified_by: VerifiedBy | null;
}
