import Fastify from 'fastify';
import pg from 'pg';

import { createValidationPipe } from '../src/common/problem/validation.js';
import { Environment } from '../src/config/environment.js';
import { findFreePort } from '../src/database/embedded-postgres.js';
import { type FacetField, SearchResourcesQuery, type SortOrder } from '../src/resources/dto/search-resources.query.js';
import { decodeCursor, encodeCursor, filtersFingerprint } from '../src/resources/page-cursor.js';
import { mapResource } from '../src/resources/resource.mapper.js';
import type { ResourceRow } from '../src/resources/resource.row.js';
import type { ResourceSearchCriteria, SearchPage } from '../src/resources/resource-search.criteria.js';
import { type BuiltSql, countSql, facetsSql, searchSql } from '../src/resources/resource-search.sql.js';
import { ResourcesService } from '../src/resources/resources.service.js';
import { verificationCutoffs, verificationPolicy } from '../src/resources/verification.js';

// bench/search.ts's previous SQL path: its mix prepared as the app prepares a request, and the bare
// Fastify + pg server that answers it with the statements the previous service ran.

/** The previous SQL path's count cap (page.totalExact = false above it); the app it replaced sent no more. */
export const PREVIOUS_TOTAL_CAP = 1000;
/** SearchResourcesQuery's default page size. */
const DEFAULT_PAGE_SIZE = 20;
// ---------------------------------------------------------------------------------------------
// The mix, normalised exactly as the app does it (validation pipe → toCriteria → default sort)

export interface Prepared {
  criteria: ResourceSearchCriteria;
  sort: SortOrder;
  limit: number;
  facets: FacetField[];
  fingerprint: string;
  /** From the URL's cursor: where the page starts and the total carried from the first page. */
  after?: { key: number | string; id: string; total: number; totalExact: boolean };
}

function rawQuery(path: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of new URL(path, 'http://bench').searchParams) {
    const prev = out[key];
    out[key] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
  }
  return out;
}

export async function prepare(path: string): Promise<Prepared> {
  const pipe = createValidationPipe();
  const query = (await pipe.transform(rawQuery(path), { type: 'query', metatype: SearchResourcesQuery })) as SearchResourcesQuery;
  // toCriteria is the service's own (it reads no state, so no instance is constructed).
  const criteria = (Object.create(ResourcesService.prototype) as ResourcesService).toCriteria(query);
  // The service's default sort; an app that sorted otherwise would fail the comparison below.
  const sort: SortOrder = query.sort ?? (criteria.tsQuery ? 'relevance' : criteria.near ? 'distance' : 'name');
  const fingerprint = filtersFingerprint({ criteria, sort });
  return {
    criteria,
    sort,
    limit: query.limit ?? DEFAULT_PAGE_SIZE,
    facets: (query.facets ?? []) as FacetField[],
    fingerprint,
    after: query.cursor ? decodeCursor(query.cursor, sort, fingerprint) : undefined,
  };
}

/** The statements the previous SQL path ran for a request: the page, then the facet pass or a capped count (none after page 1). */
export function statements(p: Prepared): { label: string; sql: BuiltSql }[] {
  const out = [{ label: 'search', sql: searchSql(p.criteria, { sort: p.sort, limit: p.limit, after: p.after }) }];
  if (p.facets.length) out.push({ label: 'facets', sql: facetsSql(p.criteria, p.facets) });
  else if (!p.after) out.push({ label: 'count', sql: countSql(p.criteria, PREVIOUS_TOTAL_CAP) });
  return out;
}

export interface FacetRow {
  facet: string;
  value: string;
  count: number;
}

/** facetsSql's rows as the response's `facets` object: values in the SQL's order (count desc, then value). */
export function facetObject(fields: FacetField[], rows: FacetRow[]): Record<string, { value: string; count: number }[]> {
  const facets: Record<string, { value: string; count: number }[]> = Object.fromEntries(fields.map((f) => [f, []]));
  for (const r of rows) if (r.facet !== '') facets[r.facet].push({ value: r.value, count: r.count });
  return facets;
}

// ---------------------------------------------------------------------------------------------
// The SQL path: bare Fastify + pg, the previous service's statements, rows mapped as the app maps them

export async function startSqlPath(
  databaseUrl: string,
  prepared: Map<string, Prepared>,
  timeoutSeconds: number,
): Promise<{ close: () => Promise<void>; port: number }> {
  // The app's pool size (DB_POOL_SIZE default); the statement timeout is the load's own, so a slow
  // statement shows up as slow rather than as an error where the load would still wait for it.
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10, statement_timeout: timeoutSeconds * 1000 });
  const app = Fastify({ logger: false });
  app.get('/v1/resources', async (request, reply) => {
    const p = prepared.get(request.url);
    if (!p) return reply.code(404).send({ error: 'not in the mix' });
    // Built per request, as the previous service did; the total comes from the facet pass, a capped
    // count, or (on later pages) the cursor.
    const page: SearchPage = { sort: p.sort, limit: p.limit, after: p.after };
    const [rows, aggregate] = await Promise.all([
      pool.query<ResourceRow & { sort_key: number | string; distance_m: number | null }>(searchSql(p.criteria, page)),
      p.facets.length
        ? pool.query<FacetRow>(facetsSql(p.criteria, p.facets))
        : p.after
          ? undefined
          : pool.query<{ total: number }>(countSql(p.criteria, PREVIOUS_TOTAL_CAP)),
    ]);
    let total: number;
    let totalExact: boolean;
    if (p.facets.length) {
      total = (aggregate!.rows as FacetRow[]).find((r) => r.facet === '')?.count ?? 0;
      totalExact = true;
    } else if (p.after) {
      ({ total, totalExact } = p.after);
    } else {
      const counted = (aggregate!.rows[0] as { total: number }).total;
      total = Math.min(counted, PREVIOUS_TOTAL_CAP);
      totalExact = counted <= PREVIOUS_TOTAL_CAP;
    }
    const pageRows = rows.rows.slice(0, p.limit);
    const last = pageRows[pageRows.length - 1];
    const nextCursor =
      rows.rows.length > p.limit && last ? encodeCursor(p.sort, last.sort_key, last.id, p.fingerprint, total, totalExact) : null;
    return {
      data: pageRows.map((row) =>
        mapResource(row, verificationCutoffs({ policy: verificationPolicy(new Environment()), now: new Date() }), row.distance_m),
      ),
      page: { limit: p.limit, nextCursor, total, totalExact },
      ...(p.facets.length ? { facets: facetObject(p.facets, aggregate!.rows as FacetRow[]) } : {}),
    };
  });
  app.addHook('onClose', async () => pool.end());
  const port = await findFreePort();
  await app.listen({ port, host: '127.0.0.1' });
  return { close: () => app.close(), port };
}
