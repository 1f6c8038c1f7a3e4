import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { FacetField } from './dto/search-resources.query.js';
import type { FacetCount, ResourceSearchCriteria, SearchPage } from './resource-search.criteria.js';
import type { LocationRow, ResourceRow, ResourceWrite } from './resource.row.js';
import { countSql, facetsSql, LOCATIONS_JSON, RESOURCE_COLUMNS, searchSql } from './resource-search.sql.js';

/** Every directory query, as plain parameterised SQL (search builders in resource-search.sql.ts). */
@Injectable()
export class ResourcesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async search(criteria: ResourceSearchCriteria, page: SearchPage): Promise<(ResourceRow & { sort_key: number | string; distance_m: number | null })[]> {
    const { text, values } = searchSql(criteria, page);
    return this.dataSource.query(text, values);
  }

  /** Matches counted up to `cap`: exact when below it, otherwise "at least cap". */
  async count(criteria: ResourceSearchCriteria, cap: number): Promise<{ total: number; exact: boolean }> {
    const { text, values } = countSql(criteria, cap);
    const [{ total }] = await this.dataSource.query(text, values);
    return total > cap ? { total: cap, exact: false } : { total, exact: true };
  }

  /** Facet counts and the exact total, from one pass over the matches. */
  async facets(criteria: ResourceSearchCriteria, fields: FacetField[]): Promise<{ total: number; counts: FacetCount[] }> {
    const { text, values } = facetsSql(criteria, fields);
    const rows: FacetCount[] = await this.dataSource.query(text, values);
    const totalRow = rows.find((r) => r.facet === ('' as FacetField));
    return { total: totalRow?.count ?? 0, counts: rows.filter((r) => r !== totalRow) };
  }

  async findByIdOrSlug(idOrSlug: string): Promise<(ResourceRow & { locations: LocationRow[] }) | undefined> {
    const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(idOrSlug);
    const rows = await this.dataSource.query(
      `SELECT page.*, ${LOCATIONS_JSON} FROM (
         SELECT ${RESOURCE_COLUMNS} FROM resource r JOIN organization o ON o.id = r.organization_id
         WHERE ${isUuid ? 'r.id = $1::uuid' : 'r.slug = $1'}) page`,
      [idOrSlug],
    );
    return rows[0];
  }

  /** Active hotlines by specialty (crisis_support, domestic_violence), for intake safety answers. */
  async findHotlines(specialties: string[]): Promise<(ResourceRow & { locations: LocationRow[] })[]> {
    return this.dataSource.query(
      `SELECT page.*, ${LOCATIONS_JSON} FROM (
         SELECT ${RESOURCE_COLUMNS} FROM resource r JOIN organization o ON o.id = r.organization_id
         WHERE r.status = 'active' AND r.kind = 'hotline' AND r.specialties && $1::text[]) page
       ORDER BY page.name`,
      [specialties],
    );
  }

  /**
   * Inserts or updates resources by slug (with their organization and locations), in one
   * transaction. Used by the seed loader, the synthetic generator's small path and curation.
   */
  async upsertMany(resources: ResourceWrite[], manager: EntityManager = this.dataSource.manager): Promise<number> {
    await manager.transaction(async (tx) => {
      for (const r of resources) {
        const [{ id: organizationId }] = await tx.query(
          `INSERT INTO organization (name, website) VALUES ($1, $2)
           ON CONFLICT (name) DO UPDATE SET website = COALESCE(EXCLUDED.website, organization.website), updated_at = now()
           RETURNING id`,
          [r.organizationName, r.organizationWebsite ?? null],
        );
        const [{ id }] = await tx.query(
          `INSERT INTO resource (slug, organization_id, name, description, url, phone, email, kind, formats, free,
             sliding_scale, fee_min, fee_max, currency, insurance_accepted, insurers, insurer_keys, no_insurance_needed,
             cost_notes, specialties, approaches, languages, audiences, credentials, payment_options, service_areas,
             location_regions, accepting_new_clients, wait_time_days, availability, joint_sessions, demo, source_url,
             last_verified_at, status, search_keywords, requires_safe_relationship)
           VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,$22,$23,$24,$25,$26,$27,$28,$29,$30,$31,$32,$33,$34,$35,$36,$37)
           ON CONFLICT (slug) DO UPDATE SET
             organization_id = EXCLUDED.organization_id, name = EXCLUDED.name, description = EXCLUDED.description,
             url = EXCLUDED.url, phone = EXCLUDED.phone, email = EXCLUDED.email, kind = EXCLUDED.kind,
             formats = EXCLUDED.formats, free = EXCLUDED.free, sliding_scale = EXCLUDED.sliding_scale,
             fee_min = EXCLUDED.fee_min, fee_max = EXCLUDED.fee_max, currency = EXCLUDED.currency,
             insurance_accepted = EXCLUDED.insurance_accepted, insurers = EXCLUDED.insurers,
             insurer_keys = EXCLUDED.insurer_keys, no_insurance_needed = EXCLUDED.no_insurance_needed,
             cost_notes = EXCLUDED.cost_notes, specialties = EXCLUDED.specialties, approaches = EXCLUDED.approaches,
             languages = EXCLUDED.languages, audiences = EXCLUDED.audiences, credentials = EXCLUDED.credentials,
             payment_options = EXCLUDED.payment_options, service_areas = EXCLUDED.service_areas,
             location_regions = EXCLUDED.location_regions, accepting_new_clients = EXCLUDED.accepting_new_clients,
             wait_time_days = EXCLUDED.wait_time_days, availability = EXCLUDED.availability,
             joint_sessions = EXCLUDED.joint_sessions, demo = EXCLUDED.demo, source_url = EXCLUDED.source_url,
             last_verified_at = EXCLUDED.last_verified_at, status = EXCLUDED.status,
             search_keywords = EXCLUDED.search_keywords, requires_safe_relationship = EXCLUDED.requires_safe_relationship, version = resource.version + 1, updated_at = now()
           RETURNING id`,
          [
            r.slug, organizationId, r.name, r.description, r.url ?? null, r.phone ?? null, r.email ?? null, r.kind,
            r.formats, r.free, r.slidingScale, r.feeMin ?? null, r.feeMax ?? null, r.currency, r.insuranceAccepted,
            r.insurers, r.insurers.map((i) => i.toLowerCase()), r.noInsuranceNeeded, r.costNotes ?? null,
            r.specialties, r.approaches, r.languages, r.audiences, r.credentials, r.paymentOptions, r.serviceAreas,
            [...new Set(r.locations.flatMap((l) => [l.region, l.country]))], r.acceptingNewClients,
            r.waitTimeDays ?? null, r.availability, r.jointSessions, r.demo, r.sourceUrl ?? null,
            r.lastVerifiedAt ?? null, r.status, r.searchKeywords, r.requiresSafeRelationship,
          ],
        );
        await tx.query('DELETE FROM resource_location WHERE resource_id = $1', [id]);
        for (const [position, l] of r.locations.entries()) {
          await tx.query(
            `INSERT INTO resource_location (resource_id, position, address, city, region, postal_code, country, latitude, longitude)
             VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)`,
            [id, position, l.address ?? null, l.city, l.region, l.postalCode ?? null, l.country, l.latitude, l.longitude],
          );
        }
      }
    });
    return resources.length;
  }
}
