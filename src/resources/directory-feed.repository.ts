import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

import type { ResourceRow } from './resource.row.js';
import { LOCATIONS_JSON, RESOURCE_COLUMNS } from './resource-search.sql.js';

/** A resource row with its organization's id (feeds link resources to organizations by id). */
export type FeedResourceRow = ResourceRow & { organization_id: string };

export interface FeedOrganizationRow {
  id: string;
  name: string;
  website: string | null;
}

export interface FeedFilter {
  organizationIds?: string[];
  /** Fictional demo listings are left out of every feed unless asked for. */
  includeDemo?: boolean;
}

/**
 * The directory as a feed (HSDS API and export). Every resource is published, inactive ones too
 * (a feed has a status for that); organizations only while some resource belongs to them (an
 * organization is shared by name, so a renamed one can be left without resources). Pages are
 * ordered by name then id, a total order, so offset pages neither repeat nor skip while data is still.
 */
@Injectable()
export class DirectoryFeedRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async countResources(filter: FeedFilter = {}): Promise<number> {
    const [{ count }] = await this.dataSource.query<[{ count: number }]>(
      `SELECT count(*)::int AS count FROM resource r WHERE ($1::uuid[] IS NULL OR r.organization_id = ANY($1::uuid[])) AND ($2 OR NOT r.demo)`,
      [filter.organizationIds ?? null, filter.includeDemo === true],
    );
    return count;
  }

  /** A page of resources; with `withLocations` each row carries its locations in order. */
  async listResources(offset: number, limit: number | null, withLocations: boolean, filter: FeedFilter = {}): Promise<FeedResourceRow[]> {
    return this.dataSource.query<FeedResourceRow[]>(
      `SELECT page.*${withLocations ? `, ${LOCATIONS_JSON}` : ''} FROM (
         SELECT ${RESOURCE_COLUMNS}, o.id AS organization_id
         FROM resource r JOIN organization o ON o.id = r.organization_id
         WHERE ($1::uuid[] IS NULL OR r.organization_id = ANY($1::uuid[])) AND ($4 OR NOT r.demo)
         ORDER BY r.name, r.id LIMIT $2 OFFSET $3) page
       ORDER BY page.name, page.id`,
      [filter.organizationIds ?? null, limit, offset, filter.includeDemo === true],
    );
  }

  async findResource(id: string): Promise<FeedResourceRow | undefined> {
    const rows = await this.dataSource.query<FeedResourceRow[]>(
      `SELECT page.*, ${LOCATIONS_JSON} FROM (
         SELECT ${RESOURCE_COLUMNS}, o.id AS organization_id
         FROM resource r JOIN organization o ON o.id = r.organization_id WHERE r.id = $1::uuid) page`,
      [id],
    );
    return rows[0];
  }

  async countOrganizations(includeDemo = false): Promise<number> {
    const [{ count }] = await this.dataSource.query<[{ count: number }]>(
      `SELECT count(*)::int AS count FROM organization o WHERE EXISTS (SELECT 1 FROM resource r WHERE r.organization_id = o.id AND ($1 OR NOT r.demo))`,
      [includeDemo],
    );
    return count;
  }

  async listOrganizations(offset: number, limit: number | null, includeDemo = false): Promise<FeedOrganizationRow[]> {
    return this.dataSource.query<FeedOrganizationRow[]>(
      `SELECT o.id, o.name, o.website FROM organization o
       WHERE EXISTS (SELECT 1 FROM resource r WHERE r.organization_id = o.id AND ($3 OR NOT r.demo))
       ORDER BY o.name, o.id LIMIT $1 OFFSET $2`,
      [limit, offset, includeDemo],
    );
  }

  async findOrganization(id: string): Promise<FeedOrganizationRow | undefined> {
    const rows = await this.dataSource.query<FeedOrganizationRow[]>(
      `SELECT o.id, o.name, o.website FROM organization o
       WHERE o.id = $1::uuid AND EXISTS (SELECT 1 FROM resource r WHERE r.organization_id = o.id)`,
      [id],
    );
    return rows[0];
  }
}
