import { Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import type { EntityManager } from 'typeorm';

import { parseNear, requireOnePlace, requirePostalCode } from '../common/place/place.js';
import { Environment } from '../config/environment.js';
import type { CandidateCriteria } from './candidate-criteria.js';
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
/** Totals above this are reported as "at least" (page.totalExact = false). */
export const TOTAL_COUNT_CAP = 1000;

type FacetResult = Awaited<ReturnType<ResourcesRepository['facets']>>;

export interface SearchResult {
  body: ResourceListResponse;
  nextCursor: string | null;
}

/** A resource that can reach the couple, and how far its nearest location is (when searched near a point). */
export interface DirectoryCandidate {
  resource: ResourceResponse;
  distanceMeters: number | null;
}

@Injectable()
export class ResourcesService {
  private readonly facetCache?: LRUCache<string, Promise<FacetResult>>;

  constructor(
    private readonly repository: ResourcesRepository,
    env: Environment,
  ) {
    if (env.SEARCH_FACET_CACHE_SECONDS > 0) {
      this.facetCache = new LRUCache({ max: 1000, ttl: env.SEARCH_FACET_CACHE_SECONDS * 1000 });
    }
  }

  /** Turns validated query parameters into repository criteria (units, place, text). */
  toCriteria(query: SearchResourcesQuery): ResourceSearchCriteria {
    const criteria: ResourceSearchCriteria = {
      kinds: query.kind,
      formats: query.format,
      specialties: query.specialty,
      approaches: query.approach,
      languages: query.language,
      audiences: query.audience,
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

  async searchResources(query: SearchResourcesQuery): Promise<SearchResult> {
    const criteria = this.toCriteria(query);
    const sort = this.sortFor(query, criteria);
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const fingerprint = filtersFingerprint({ criteria, sort });
    const after = query.cursor ? decodeCursor(query.cursor, sort, fingerprint) : undefined;
    const facetFields = (query.facets ?? []) as FacetField[];

    // The total costs a pass over the matches, so it is counted once: exactly inside the facet
    // pass when facets are asked for, capped otherwise, and carried in the cursor to later pages.
    const [rows, counted, facetResult] = await Promise.all([
      this.repository.search(criteria, { sort, limit, after }),
      after || facetFields.length ? undefined : this.repository.count(criteria, TOTAL_COUNT_CAP),
      facetFields.length ? this.cachedFacets(criteria, facetFields) : undefined,
    ]);
    const { total, exact } = facetResult
      ? { total: facetResult.total, exact: true }
      : after
        ? { total: after.total, exact: after.totalExact }
        : counted!;
    const pageRows = rows.slice(0, limit);
    const last = pageRows[pageRows.length - 1];
    const nextCursor = rows.length > limit && last ? encodeCursor(sort, last.sort_key, last.id, fingerprint, total, exact) : null;

    const body: ResourceListResponse = {
      data: pageRows.map((row) => mapResource(row, row.distance_m)),
      page: { limit, nextCursor, total, totalExact: exact },
    };
    if (facetResult) {
      const facets: Partial<Record<FacetField, FacetValue[]>> = Object.fromEntries(facetFields.map((f) => [f, []]));
      for (const { facet, value, count } of facetResult.counts) facets[facet]!.push({ value, count });
      body.facets = facets;
    }
    return { body, nextCursor };
  }

  /**
   * Facets over a broad filter read every match (137 ms at 100k resources), and filter UIs
   * ask for the same ones again and again: they are kept for SEARCH_FACET_CACHE_SECONDS,
   * the same freshness the responses already promise with Cache-Control: max-age=60.
   */
  private cachedFacets(criteria: ResourceSearchCriteria, fields: FacetField[]) {
    if (!this.facetCache) return this.repository.facets(criteria, fields);
    const key = filtersFingerprint({ criteria, fields });
    const hit = this.facetCache.get(key);
    if (hit) return hit;
    const pending = this.repository.facets(criteria, fields);
    this.facetCache.set(key, pending);
    pending.catch(() => this.facetCache?.delete(key)); // never cache a failure
    return pending;
  }

  /** Any status: a deleted (inactive) resource is still readable, so links to it explain themselves. */
  async getResource(idOrSlug: string): Promise<VersionedResource> {
    const row = await this.repository.findByIdOrSlug(idOrSlug);
    if (!row) throw ResourceErrors.notFound(idOrSlug);
    return mapVersionedResource(row);
  }

  /** Candidates for intake matching: every hard filter of the criteria met, in fit order, at most criteria.limit. */
  async findCandidates(criteria: CandidateCriteria): Promise<DirectoryCandidate[]> {
    const rows = await this.repository.findCandidates(criteria);
    return rows.map((row) => ({ resource: mapResource(row), distanceMeters: row.distance_m }));
  }

  /**
   * Every curated safety line that serves one of these areas (a country or region): active,
   * non-demo hotlines with a role. Which ones a person sees is the matching engine's choice.
   */
  async findSafetyLines(areas: string[]): Promise<ResourceResponse[]> {
    const rows = await this.repository.findSafetyLines(areas);
    return rows.map((row) => mapResource(row));
  }

  /** What a referral to the resource depends on, read in the caller's transaction; undefined when there is no such resource. */
  findReferralFacts(id: string, manager?: EntityManager): Promise<ResourceReferralFacts | undefined> {
    return this.repository.findReferralFacts(id, manager);
  }
}
