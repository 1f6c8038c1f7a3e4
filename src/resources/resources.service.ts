import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import type { Locale } from '../common/i18n/locale.js';
import { parseNear, requireOnePlace, requirePostalCode } from '../common/place/place.js';
import type { CandidateCriteria, CandidateFacts } from './candidate-criteria.js';
import type { CandidateFact } from './directory-index/candidate-query.js';
import { DirectorySearch } from './directory-search.js';
import type { FacetValue, ResourceListResponse, ResourceResponse } from './dto/resource.response.js';
import type { FacetField, SearchResourcesQuery, SortOrder } from './dto/search-resources.query.js';
import { Freshness } from './freshness.js';
import { decodeCursor, encodeCursor, filtersFingerprint } from './page-cursor.js';
import { distanceKm, mapResource, mapVersionedResource, type VersionedResource, withVerificationAt } from './resource.mapper.js';
import type { ResourceReferralFacts } from './resource.row.js';
import type { ListedResource } from './resource-list.json.js';
import type { ResourceSearchCriteria } from './resource-search.criteria.js';
import { localizeResource } from './resource-texts.js';
import { ResourceErrors } from './resources.errors.js';
import { ResourcesRepository } from './resources.repository.js';
import { buildTsQuery } from './search-text.js';
import {
  type VerificationCutoffs,
  type VerificationPolicy,
  type VerificationStatus,
  verificationStatus,
  type VerifiedBy,
} from './verification.js';

export const DEFAULT_RADIUS_KM = 40;
export const DEFAULT_PAGE_SIZE = 20;

/** One search page: its rows (serialised by resourceListJson), page metadata and facets. */
export interface SearchResult {
  items: ListedResource[];
  page: ResourceListResponse['page'];
  facets?: ResourceListResponse['facets'];
}

/** A resource that can reach the couple, and how far its nearest location is (when searched near a point). */
export interface DirectoryCandidate {
  resource: ResourceResponse;
  distanceMeters: number | null;
}

/** Listings per verification status. */
export type StatusCounts = Record<VerificationStatus, number>;

/** A listing due for a check or stale (npm run curation:due). */
export interface DueListing {
  id: string;
  slug: string;
  name: string;
  kind: string;
  safetyLine: boolean;
  lastVerifiedAt: string | null;
  verifiedBy: VerifiedBy | null;
  status: VerificationStatus;
}

/** Every candidate of an intake, by position, with the facts asked for; rows decoded one by one. */
export interface DirectoryCandidates extends CandidateFacts {
  read(i: number): DirectoryCandidate;
}

@Injectable()
export class ResourcesService {
  /** Mapped safety lines per cached index answer (same array until the directory, or a line's verification status, changes). */
  private readonly safetyLineResponses = new WeakMap<readonly object[], readonly ResourceResponse[]>();

  constructor(
    private readonly repository: ResourcesRepository,
    private readonly directory: DirectorySearch,
    private readonly freshness: Freshness,
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
  searchResources(query: SearchResourcesQuery, locale: Locale = 'en'): SearchResult {
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

    const cutoffs = this.freshness.cutoffs();
    const result: SearchResult = {
      items: found.hits.map(({ id, distanceM }) => ({
        resource: localizeResource(this.directory.response(id, cutoffs), locale),
        ...(distanceM === null ? {} : { distanceKm: distanceKm(distanceM) }),
      })),
      page: { limit, nextCursor, total: found.total, totalExact: true },
    };
    if (facetResult) {
      const facets: Partial<Record<FacetField, FacetValue[]>> = Object.fromEntries(facetFields.map((f) => [f, []]));
      for (const { facet, value, count } of facetResult.counts) facets[facet]!.push({ value, count });
      result.facets = facets;
    }
    return result;
  }

  /** Any status: a deleted (inactive) resource is still readable, so links to it explain themselves. */
  async getResource(idOrSlug: string, locale: Locale = 'en'): Promise<VersionedResource> {
    const row = await this.repository.findByIdOrSlug(idOrSlug);
    if (!row) throw ResourceErrors.notFound(idOrSlug);
    const { resource, etag } = mapVersionedResource(row, this.freshness.cutoffs());
    return { resource: localizeResource(resource, locale), etag };
  }

  /**
   * Candidates for intake matching, from the index: every active resource that meets the hard
   * filters of the criteria, each with its kind, name, distance and which of `facts` hold (read
   * from the index's bitmaps); `read(i)` decodes one candidate's row into its response.
   */
  findCandidates(criteria: CandidateCriteria, facts: readonly CandidateFact[]): DirectoryCandidates {
    const found = this.directory.candidateFacts(criteria, facts);
    const cutoffs = this.freshness.cutoffs();
    return {
      ...found,
      id: (i) => found.id(i),
      name: (i) => found.name(i),
      read: (i) => ({
        resource: this.directory.response(found.id(i), cutoffs),
        distanceMeters: Number.isNaN(found.distances[i]) ? null : found.distances[i],
      }),
    };
  }

  /**
   * Every curated safety line that serves one of these areas (a country or region): active,
   * non-demo hotlines with a role that reports from the field do not suspend, each with its
   * verification status now. Which ones a person sees is the matching engine's choice (never a
   * stale one: chooseSafetyLines). Read from the directory index; the same array is returned until
   * the directory changes or a line's status does, so callers may memoise what they derive from it.
   */
  findSafetyLines(areas: string[]): readonly ResourceResponse[] {
    const rows = this.directory.safetyLines(areas);
    const cutoffs = this.freshness.cutoffs();
    let lines = this.safetyLineResponses.get(rows);
    const current = lines?.map((line) => withVerificationAt(line, cutoffs));
    if (!lines || current!.some((line, i) => line !== lines![i])) {
      lines = Object.freeze(current ?? rows.map((row) => Object.freeze(mapResource(row, cutoffs))));
      this.safetyLineResponses.set(rows, lines);
    }
    return lines;
  }

  /** The freshness policy in force (Environment). */
  verificationPolicy(): VerificationPolicy {
    return this.freshness.policy;
  }

  /** The freshness policy's cutoffs now (or at `at`), on the app's Clock. */
  verificationCutoffs(at?: Date): VerificationCutoffs {
    return this.freshness.cutoffs(at);
  }

  /** Active real listings by kind and verification status, and the safety lines among them, at the cutoffs. */
  async countByVerification(cutoffs: VerificationCutoffs): Promise<{ byKind: Map<string, StatusCounts>; safetyLines: StatusCounts }> {
    const byKind = new Map<string, StatusCounts>();
    const safetyLines: StatusCounts = { current: 0, due: 0, stale: 0 };
    for (const row of await this.repository.countByVerification(cutoffs)) {
      let counts = byKind.get(row.kind);
      if (!counts) byKind.set(row.kind, (counts = { current: 0, due: 0, stale: 0 }));
      counts[row.status] += row.count;
      if (row.safety_line) safetyLines[row.status] += row.count;
    }
    return { byKind, safetyLines };
  }

  /** Active real listings due for a check or stale at the cutoffs, the longest unchecked first (demo listings have nothing to verify). */
  async listDueForVerification(cutoffs: VerificationCutoffs): Promise<DueListing[]> {
    const rows = await this.repository.findDueForVerification(cutoffs);
    return rows.map((r) => {
      const at = r.last_verified_at === null ? null : new Date(r.last_verified_at);
      return {
        id: r.id,
        slug: r.slug,
        name: r.name,
        kind: r.kind,
        safetyLine: r.safety_line,
        lastVerifiedAt: at && at.toISOString(),
        verifiedBy: at ? r.verified_by : null,
        status: verificationStatus(at, r.safety_line, cutoffs),
      };
    });
  }

  /**
   * Holds a safety line back from every safety list (reports from the field), or lets it back (a
   * curator reviewed them), in the caller's transaction; call catchUpAfterCommit() once it commits.
   */
  setSafetyLineSuspended(tx: EntityManager, resourceId: string, suspended: boolean): Promise<boolean> {
    return this.repository.setSafetySuspended(tx, resourceId, suspended);
  }

  /** Read-your-writes after a caller's transaction that changed the directory committed. */
  catchUpAfterCommit(): Promise<void> {
    return this.directory.catchUpAfterWrite();
  }

  /** The id of the resource with this id or slug (any status); undefined when there is none. */
  async findId(idOrSlug: string): Promise<string | undefined> {
    return (await this.repository.findByIdOrSlug(idOrSlug))?.id;
  }

  /** Ids, slugs, names and kinds of these resources (any status), for lists that name them. */
  findSummaries(ids: string[]): Promise<{ id: string; slug: string; name: string; kind: string }[]> {
    return this.repository.findSummaries([...new Set(ids)]);
  }

  /** Ids of every active safety line (real hotline with a role). */
  findActiveSafetyLineIds(): Promise<string[]> {
    return this.repository.findActiveSafetyLineIds();
  }

  /** What a referral to the resource depends on, read in the caller's transaction; undefined when there is no such resource. */
  findReferralFacts(id: string, manager?: EntityManager): Promise<ResourceReferralFacts | undefined> {
    return this.repository.findReferralFacts(id, manager);
  }
}
