import { Batch, connect, type Connection, type SyntheticTarget, writeBatch } from './synthetic/batch.js';
import { Generator, SYNTHETIC_SLUG_PREFIX, SYNTHETIC_WEBSITE_PREFIX } from './synthetic/generator.js';
import { mulberry32, Random } from './synthetic/random.js';

/**
 * Synthetic directory rows for load tests and benchmarks: plausible combinations of the
 * taxonomy, fees in minor units, ~70% with one US location at a real ZIP code (clustered
 * around metro areas), all `demo = true` with slugs `synthetic-<n>`. Written with bulk
 * `INSERT … SELECT FROM unnest(…)` statements, one transaction per batch. The pieces are in
 * ./synthetic/: the seeded randomness, the vocabulary, the geography, the generator of rows
 * and the batch writer.
 */

export { SYNTHETIC_SLUG_PREFIX, SYNTHETIC_WEBSITE_PREFIX, type SyntheticTarget };

export interface SyntheticOptions {
  /** Rows per INSERT (and per transaction). Default 5000. */
  batchSize?: number;
  /** Seed of the pseudo-random generator, so two runs with the same seed produce the same rows. */
  seed?: number;
  /** Called after each committed batch with rows written so far. */
  onProgress?: (done: number, total: number) => void;
  /** Connections writing batches in parallel (default 2; PostgreSQL does most of the work). */
  concurrency?: number;
  /** Run VACUUM (ANALYZE) after loading (default), or only ANALYZE when false. */
  vacuum?: boolean;
}

export interface SyntheticResult {
  inserted: number;
  organizations: number;
  locations: number;
  firstNumber: number;
  lastNumber: number;
  seconds: number;
}

/** Removes every synthetic resource (and its locations) and the organizations left without resources. */
export async function removeSyntheticResources(target: SyntheticTarget): Promise<number> {
  const conn = await connect(target);
  try {
    await conn.query('BEGIN');
    await conn.query('SET LOCAL statement_timeout = 0');
    const [{ count }] = (await conn.query(
      `WITH gone AS (DELETE FROM resource WHERE slug LIKE '${SYNTHETIC_SLUG_PREFIX}%' RETURNING 1) SELECT count(*)::int AS count FROM gone`,
    )) as { count: number }[];
    await conn.query(
      `DELETE FROM organization o WHERE o.website LIKE '${SYNTHETIC_WEBSITE_PREFIX}%'
         AND NOT EXISTS (SELECT 1 FROM resource r WHERE r.organization_id = o.id)`,
    );
    await conn.query('COMMIT');
    return count;
  } catch (error) {
    await conn.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await conn.release();
  }
}

/**
 * Inserts `count` synthetic resources, numbered after any already present, in batches
 * (one transaction each, written by `concurrency` connections while the next batch is
 * generated), then VACUUM ANALYZE (visibility map and planner statistics, as autovacuum
 * would leave a settled table).
 */
export async function generateSyntheticResources(
  target: SyntheticTarget,
  count: number,
  options: SyntheticOptions = {},
): Promise<SyntheticResult> {
  const started = performance.now();
  const batchSize = options.batchSize ?? 5000;
  const seed = options.seed ?? 20_251_125;
  const rnd = new Random(mulberry32(seed));
  const generator = new Generator(rnd, new Random(mulberry32((seed ^ 0x0a11) >>> 0)));
  const connections: Connection[] = [];
  let organizations = 0;
  let locations = 0;
  let done = 0;
  try {
    for (let i = 0; i < Math.max(1, options.concurrency ?? 2); i++) connections.push(await connect(target));
    const [{ last }] = (await connections[0].query(
      `SELECT coalesce(max(substring(slug FROM ${SYNTHETIC_SLUG_PREFIX.length + 1})::int), 0) AS last
       FROM resource WHERE slug ~ '^${SYNTHETIC_SLUG_PREFIX}[0-9]+$'`,
    )) as { last: number }[];
    const first = last + 1;
    let next = first;
    const end = first + count;
    const build = (): Batch | undefined => {
      if (next >= end) return undefined;
      const batch = new Batch();
      while (batch.size < batchSize && next < end)
        next += generator.addOrganization(batch, next, Math.min(end - next, batchSize - batch.size));
      return batch;
    };

    // Each connection writes one batch at a time; the next batch is generated while they work.
    const idle = [...connections];
    const writing = new Set<Promise<void>>();
    try {
      for (let batch = build(); batch; batch = build()) {
        while (!idle.length) await Promise.race(writing);
        const conn = idle.pop()!;
        const b = batch;
        const write: Promise<void> = writeBatch(conn, b).then(() => {
          organizations += b.orgId.length;
          locations += b.locResourceId.length;
          done += b.size;
          options.onProgress?.(done, count);
          idle.push(conn);
          writing.delete(write);
        });
        writing.add(write);
      }
      await Promise.all(writing);
    } catch (error) {
      await Promise.allSettled(writing);
      throw error;
    }
    const conn = connections[0];
    await conn.query('SET statement_timeout = 0');
    await conn.query(
      options.vacuum === false
        ? 'ANALYZE resource, resource_location, organization'
        : 'VACUUM (ANALYZE) resource, resource_location, organization',
    );
    await conn.query('RESET statement_timeout');
    return {
      inserted: done,
      organizations,
      locations,
      firstNumber: first,
      lastNumber: end - 1,
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    for (const conn of connections) await conn.release();
  }
}
