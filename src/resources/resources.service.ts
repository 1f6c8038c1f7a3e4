import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { parseNear, requireOnePlace, requirePostalCode } from '../common/place/place.js';
import type { CandidateCriteria, CandidateFacts } from './candidate-criteria.js';
import type { CandidateFact } from './directory-index/candidate-query.js';
import { DirectorySearch } from './directory-search.js';
import type { FacetValue, ResourceListResponse, ResourceResponse } from './dto/resource.response.js';
import type { FacetField, SearchResourcesQuery, SortOrder } from './dto/search-resources.query.js';
import { decodeCursor, encodeCursor, filtersFingerprint } from './page-cursor.js';
import { mapResource, mapVersionedResource, type VersionedResource } from './resource.mapper.js';
import type { ResourceReferralFacts } from './resource.row.js';
import type { ResourceSearchCriteria } from './resource-search.criteria.js';
import { ResourceErrors } from './resources.errors.js';
import { ResourcesRepository } from './resources.repository.js';
import { buildTsQuery } from './search-text.js';

export const DEFAULT_RADIUS_KM = 40;
export const DEFAULT_PAGE_SIZE = 20;

export interface SearchResult {
  body: ResourceListResponse;
  nextCursor: string | null;
}

/** A resource that can reach the couple, and how far its nearest location is (when searched near a point). */
export interface DirectoryCandidate {
  resource: ResourceResponse;
  distanceMeters: number | null;
}

/** Every candidate of an intake, by position, with the facts asked for; rows decoded one by one. */
export interface DirectoryCandidates extends CandidateFacts {
  read(i: number): DirectoryCandidate;
}

@Injectable()
export class ResourcesService {
  /** Mapped safety lines per cached index answer (same array until the directory changes). */
  private readonly safetyLineResponses = new WeakMap<readonly object[], readonly ResourceResponse[]>();

  constructor(
    private readonly repository: ResourcesRepository,
    private readonly directory: DirectorySearch,
  ) {}

  /** Turns validated query parameters into repository criteria (units, place, text). */
  toCriteria(query: SearchResourcesQuery): ResourceSearchCriteria {
    const criteria: ResourceSearchCriteria = {
      kinds: query.kind,
      formats: query.format,
      specialties: query.specialty,
      approaches: query.approach,
      languages: query.language,
      audiences: query.audience,
      accessibility: query.accessibility,
      eligibility: query.eligibility,
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
      if (!criteria.tsQuery) throw ResourceErrors.emptyQuery();
    }
    requireOnePlace(query);
    if ((query.radiusKm !== undefined || query.country !== undefined) && !query.near && !query.postalCode) {
      throw ResourceErrors.placeRequired(query.radiusKm !== undefined ? 'radiusKm' : 'country');
    }
    const radiusMeters = (query.radiusKm ?? DEFAULT_RADIUS_KM) * 1000;
    if (query.near) {
      criteria.near = { ...parseNear(query.near), radiusMeters };
    } else if (query.postalCode) {
      const { lat, lng } = requirePostalCode(query.postalCode, query.country ?? 'US');
      criteria.near = { lat, lng, radiusMeters };
    }
    return criteria;
  }

  private sortFor(query: SearchResourcesQuery, criteria: ResourceSearchCriteria): SortOrder {
    const sort = query.sort ?? (criteria.tsQuery ? 'relevance' : criteria.near ? 'distance' : 'name');
    if (sort === 'relevance' && !criteria.tsQuery) throw ResourceErrors.sortNeedsQ();
    if (sort === 'distance' && !criteria.near) throw ResourceErrors.sortNeedsPlace();
    return sort;
  }

  /** GET /v1/resources, answered from the in-memory index: ids and sort keys, exact total, facets, rows. */
  searchResources(query: SearchResourcesQuery): SearchResult {
    const criteria = this.toCriteria(query);
    const sort = this.sortFor(query, criteria);
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const fingerprint = filtersFingerprint({ criteria, sort });
    const after = query.cursor ? decodeCursor(query.cursor, sort, fingerprint) : undefined;
    const facetFields = (query.facets ?? []) as FacetField[];

    // Synchronous from here on: the page, its total, its facets and its rows come from one state of the index.
    const found = this.directory.search(criteria, { sort, limit, after });
    const facetResult = facetFields.length ? this.directory.facets(criteria, facetFields) : undefined;
    const last = found.hits[found.hits.length - 1];
    const nextCursor = found.hasMore && last ? encodeCursor(sort, last.sortKey, last.id, fingerprint, found.total, true) : null;

    const body: ResourceListResponse = {
      data: found.hits.map((hit) => this.directory.response(hit.id, hit.distanceM)),
      page: { limit, nextCursor, total: found.total, totalExact: true },
    };
    if (facetResult) {
      const facets: Partial<Record<FacetField, FacetValue[]>> = Object.fromEntries(facetFields.map((f) => [f, []]));
      for (const { facet, value, count } of facetResult.counts) facets[facet]!.push({ value, count });
      body.facets = facets;
    }
    return { body, nextCursor };
  }

  /** Any status: a deleted (inactive) resource is still readable, so links to it explain themselves. */
  async getResource(idOrSlug: string): Promise<VersionedResource> {
    const row = await this.repository.findByIdOrSlug(idOrSlug);
    if (!row) throw ResourceErrors.notFound(idOrSlug);
    return mapVersionedResource(row);
  }

  /**
   * Candidates for intake matching, from the index: every active resource that meets the hard
   * filters of the criteria, each with its kind, name, distance and which of `facts` hold (read
   * from the index's bitmaps); `read(i)` decodes one candidate's row into its response.
   */
  findCandidates(criteria: CandidateCriteria, facts: readonly CandidateFact[]): DirectoryCandidates {
    const found = this.directory.candidateFacts(criteria, facts);
    return {
      ...found,
      id: (i) => found.id(i),
      name: (i) => found.name(i),
      read: (i) => ({
        resource: this.directory.response(found.id(i)),
        distanceMeters: Number.isNaN(found.distances[i]) ? null : found.distances[i],
      }),
    };
  }

  /**
   * Every curated safety line that serves one of these areas (a country or region): active,
   * non-demo hotlines with a role. Which ones a person sees is the matching engine's choice.
   * Read from the directory index; the same array is returned until the directory changes.
   */
  findSafetyLines(areas: string[]): readonly ResourceResponse[] {
    const rows = this.directory.safetyLines(areas);
    let lines = this.safetyLineResponses.get(rows);
    if (!lines) {
      lines = Object.freeze(rows.map((row) => mapResource(row)));
      this.safetyLineResponses.set(rows, lines);
    }
    return lines;
  }

  /** What a referral to the resource depends on, read in the caller's transaction; undefined when there is no such resource. */
  findReferralFacts(id: string, manager?: EntityManager): Promise<ResourceReferralFacts | undefined> {
    return this.repository.findReferralFacts(id, manager);
  }
}
