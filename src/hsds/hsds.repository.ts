import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { LOCATIONS_JSON, RESOURCE_COLUMNS } from '../resources/resource-search.sql.js';
import type { ResourceRow } from '../resources/resource.row.js';

/** A resource row with its organization's id (HSDS links services to organizations by id). */
export type HsdsServiceRow = ResourceRow & { organization_id: string };

export interface HsdsOrganizationRow {
  id: string;
  name: string;
  website: string | null;
}

export interface ServiceFilter {
  organizationIds?: string[];
  /** Fictional demo listings are left out of every feed unless asked for. */
  includeDemo?: boolean;
}

/**
 * The HSDS feed's reads. Every resource is published, inactive ones too (HSDS has a status
 * for that); organizations only while some resource belongs to them (an organization is
 * shared by name, so a renamed one can be left without resources). Pages are ordered by
 * name then id, a total order, so offset pages neither repeat nor skip while data is still.
 */
@Injectable()
export class HsdsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async countServices(filter: ServiceFilter = {}): Promise<number> {
    const [{ count }] = await this.dataSource.query(
      `SELECT count(*)::int AS count FROM resource r WHERE ($1::uuid[] IS NULL OR r.organization_id = ANY($1::uuid[])) AND ($2 OR NOT r.demo)`,
      [filter.organizationIds ?? null, filter.includeDemo === true],
    );
    return count;
  }

  /** A page of services; with `withLocations` each row carries its locations in order. */
  async listServices(offset: number, limit: number | null, withLocations: boolean, filter: ServiceFilter = {}): Promise<HsdsServiceRow[]> {
    return this.dataSource.query(
      `SELECT page.*${withLocations ? `, ${LOCATIONS_JSON}` : ''} FROM (
         SELECT ${RESOURCE_COLUMNS}, o.id AS organization_id
         FROM resource r JOIN organization o ON o.id = r.organization_id
         WHERE ($1::uuid[] IS NULL OR r.organization_id = ANY($1::uuid[])) AND ($4 OR NOT r.demo)
         ORDER BY r.name, r.id LIMIT $2 OFFSET $3) page
       ORDER BY page.name, page.id`,
      [filter.organizationIds ?? null, limit, offset, filter.includeDemo === true],
    );
  }

  async findService(id: string): Promise<HsdsServiceRow | undefined> {
    const rows = await this.dataSource.query(
      `SELECT page.*, ${LOCATIONS_JSON} FROM (
         SELECT ${RESOURCE_COLUMNS}, o.id AS organization_id
         FROM resource r JOIN organization o ON o.id = r.organization_id WHERE r.id = $1::uuid) page`,
      [id],
    );
    return rows[0];
  }

  async countOrganizations(includeDemo = false): Promise<number> {
    const [{ count }] = await this.dataSource.query(
      `SELECT count(*)::int AS count FROM organization o WHERE EXISTS (SELECT 1 FROM resource r WHERE r.organization_id = o.id AND ($1 OR NOT r.demo))`,
      [includeDemo],
    );
    return count;
  }

  async listOrganizations(offset: number, limit: number | null, includeDemo = false): Promise<HsdsOrganizationRow[]> {
    return this.dataSource.query(
      `SELECT o.id, o.name, o.website FROM organization o
       WHERE EXISTS (SELECT 1 FROM resource r WHERE r.organization_id = o.id AND ($3 OR NOT r.demo))
       ORDER BY o.name, o.id LIMIT $1 OFFSET $2`,
      [limit, offset, includeDemo],
    );
  }

  async findOrganization(id: string): Promise<HsdsOrganizationRow | undefined> {
    const rows = await this.dataSource.query(
      `SELECT o.id, o.name, o.website FROM organization o
       WHERE o.id = $1::uuid AND EXISTS (SELECT 1 FROM resource r WHERE r.organization_id = o.id)`,
      [id],
    );
    return rows[0];
  }
}
