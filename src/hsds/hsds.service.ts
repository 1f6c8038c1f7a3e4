import { Injectable } from '@nestjs/common';

import { UUID_PATTERN } from '../common/uuid.js';
import { DirectoryFeedService } from '../resources/directory-feed.service.js';
import { HSDS_DEFAULT_PER_PAGE, type HsdsPageQuery, type HsdsServicesQuery } from './dto/hsds.query.js';
import type {
  HsdsOrganizationPage,
  HsdsOrganizationResponse,
  HsdsPage,
  HsdsServicePage,
  HsdsServiceResponse,
} from './dto/hsds.response.js';
import { HsdsErrors } from './hsds.errors.js';
import { mapOrganizationSummary, mapService, mapServiceSummary } from './hsds.mapper.js';

/** The page fields of the HSDS API reference, for `size` items of page `page` out of `total`. */
export function hsdsPage(page: number, perPage: number, total: number, size: number): HsdsPage {
  const totalPages = Math.ceil(total / perPage);
  return {
    total_items: total,
    total_pages: totalPages,
    page_number: page,
    size,
    first_page: page === 1,
    last_page: page >= totalPages,
    empty: size === 0,
  };
}

/** The directory as an HSDS 3.0 feed: services and organizations, paged as the HSDS API reference pages them. */
@Injectable()
export class HsdsService {
  constructor(private readonly feed: DirectoryFeedService) {}

  async listServices(query: HsdsServicesQuery): Promise<HsdsServicePage> {
    const { page, perPage, offset } = paging(query);
    const filter = {
      ...(query.organization_id ? { organizationIds: [query.organization_id] } : {}),
      includeDemo: query.include_demo === true,
    };
    const [total, rows] = await Promise.all([
      this.feed.countResources(filter),
      this.feed.listResources(offset, perPage, query.full === true, filter),
    ]);
    const contents = rows.map(query.full ? mapService : mapServiceSummary);
    return { ...hsdsPage(page, perPage, total, contents.length), contents };
  }

  async getService(id: string): Promise<HsdsServiceResponse> {
    const row = UUID_PATTERN.test(id) ? await this.feed.findResource(id) : undefined;
    if (!row) throw HsdsErrors.serviceNotFound(id);
    return mapService(row);
  }

  async listOrganizations(query: HsdsPageQuery): Promise<HsdsOrganizationPage> {
    const { page, perPage, offset } = paging(query);
    const includeDemo = query.include_demo === true;
    const [total, rows] = await Promise.all([
      this.feed.countOrganizations(includeDemo),
      this.feed.listOrganizations(offset, perPage, includeDemo),
    ]);
    const contents = rows.map(mapOrganizationSummary);
    return { ...hsdsPage(page, perPage, total, contents.length), contents };
  }

  async getOrganization(id: string, fullServices: boolean, includeDemo = false): Promise<HsdsOrganizationResponse> {
    const organization = UUID_PATTERN.test(id) ? await this.feed.findOrganization(id) : undefined;
    if (!organization) throw HsdsErrors.organizationNotFound(id);
    const services = await this.feed.listResources(0, null, fullServices, { organizationIds: [id], includeDemo });
    return { ...mapOrganizationSummary(organization), services: services.map(fullServices ? mapService : mapServiceSummary) };
  }
}

function paging(query: HsdsPageQuery): { page: number; perPage: number; offset: number } {
  const page = query.page ?? 1;
  const perPage = query.per_page ?? HSDS_DEFAULT_PER_PAGE;
  return { page, perPage, offset: (page - 1) * perPage };
}
