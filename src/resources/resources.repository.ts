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
