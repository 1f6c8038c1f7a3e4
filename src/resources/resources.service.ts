import { Injectable } from '@nestjs/common';
import { ProblemException } from '../common/problem/problem.js';
import type { ResourceListResponse, ResourceResponse, FacetValue } from './dto/resource.response.js';
import type { FacetField, SearchResourcesQuery, SortOrder } from './dto/search-resources.query.js';
import { decodeCursor, encodeCursor, filtersFingerprint } from './page-cursor.js';
import { resolvePostalCode } from './postal-codes.js';
import type { ResourceSearchCriteria } from './resource-search.criteria.js';
import { mapResource } from './resource.mapper.js';
import { ResourcesRepository } from './resources.repository.js';
import { buildTsQuery } from './search-text.js';

export const DEFAULT_RADIUS_KM = 40;
export const DEFAULT_PAGE_SIZE = 20;

export interface SearchResult {
  body: ResourceListResponse;
  nextCursor: string | null;
}

@Injectable()
export class ResourcesService {
  constructor(private readonly repository: ResourcesRepository) {}

  /** Turns validated query parameters into repository criteria (units, place, text). */
  toCriteria(query: SearchResourcesQuery): ResourceSearchCriteria {
    const criteria: ResourceSearchCriteria = {
      kinds: query.kind,
      formats: query.format,
      specialties: query.specialty,
      approaches: query.approach,
      languages: query.language,
      audiences: query.audience,
      credentials: query.credential,
      paymentOptions: query.payment,
      availability: query.availability,
      free: query.free,
      slidingScale: query.slidingScale,
      noInsuranceNeeded: query.noInsuranceNeeded,
      acceptingNewClients: query.acceptingNewClients,
      jointSessions: query.jointSessions,
    };
    if (query.maxFee !== undefined) criteria.maxFeeMinor = Math.round(query.maxFee * 100);
    if (query.insurance?.trim()) criteria.insurerKey = query.insurance.trim().toLowerCase();
    if (query.serves) criteria.serves = { region: query.serves, country: query.serves.slice(0, 2) };
    if (query.q !== undefined) {
      criteria.tsQuery = buildTsQuery(query.q);
      if (!criteria.tsQuery) throw ProblemException.badRequest('q', 'empty_query', 'q has no searchable words.');
    }
    if (query.near && query.postalCode) {
      throw ProblemException.badRequest('near', 'conflicting_place', 'Give either near or postalCode, not both.');
    }
    if ((query.radiusKm !== undefined || query.country !== undefined) && !query.near && !query.postalCode) {
      throw ProblemException.badRequest(query.radiusKm !== undefined ? 'radiusKm' : 'country', 'place_required', 'radiusKm and country need near or postalCode.');
    }
    const radiusMeters = (query.radiusKm ?? DEFAULT_RADIUS_KM) * 1000;
    if (query.near) {
      const [lat, lng] = query.near.split(',').map((v) => Number(v.trim()));
      if (!(Math.abs(lat) <= 90 && Math.abs(lng) <= 180)) {
        throw ProblemException.badRequest('near', 'out_of_range', 'near must have a latitude within ±90 and a longitude within ±180.');
      }
      criteria.near = { lat, lng, radiusMeters };
    } else if (query.postalCode) {
      const country = query.country ?? 'US';
      const point = resolvePostalCode(query.postalCode, country);
      if (!point) {
        throw ProblemException.badRequest('postalCode', 'unknown_postal_code', `postalCode ${query.postalCode} is not a known ${country} postal code.`);
      }
      criteria.near = { lat: point.lat, lng: point.lng, radiusMeters };
    }
    return criteria;
  }

  private sortFor(query: SearchResourcesQuery, criteria: ResourceSearchCriteria): SortOrder {
    const sort = query.sort ?? (criteria.tsQuery ? 'relevance' : criteria.near ? 'distance' : 'name');
    if (sort === 'relevance' && !criteria.tsQuery) throw ProblemException.badRequest('sort', 'sort_needs_q', 'sort=relevance needs q.');
    if (sort === 'distance' && !criteria.near) throw ProblemException.badRequest('sort', 'sort_needs_place', 'sort=distance needs near or postalCode.');
    return sort;
  }

  async searchResources(query: SearchResourcesQuery): Promise<SearchResult> {
    const criteria = this.toCriteria(query);
    const sort = this.sortFor(query, criteria);
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const fingerprint = filtersFingerprint({ criteria, sort });
    const after = query.cursor ? decodeCursor(query.cursor, sort, fingerprint) : undefined;
    const facetFields = (query.facets ?? []) as FacetField[];

    const [rows, total, facetRows] = await Promise.all([
      this.repository.search(criteria, { sort, limit, after }),
      this.repository.count(criteria),
      this.repository.facets(criteria, facetFields),
    ]);
    const pageRows = rows.slice(0, limit);
    const last = pageRows[pageRows.length - 1];
    const nextCursor = rows.length > limit && last ? encodeCursor(sort, last.sort_key, last.id, fingerprint) : null;

    const body: ResourceListResponse = {
      data: pageRows.map((row) => mapResource(row, row.distance_m)),
      page: { limit, nextCursor, total },
    };
    if (facetFields.length) {
      const facets: Partial<Record<FacetField, FacetValue[]>> = Object.fromEntries(facetFields.map((f) => [f, []]));
      for (const { facet, value, count } of facetRows) facets[facet]!.push({ value, count });
      body.facets = facets;
    }
    return { body, nextCursor };
  }

  async getResource(idOrSlug: string): Promise<ResourceResponse> {
    const row = await this.repository.findByIdOrSlug(idOrSlug);
    if (!row) throw ProblemException.notFound(`Resource ${idOrSlug}`);
    return mapResource(row);
  }
}
