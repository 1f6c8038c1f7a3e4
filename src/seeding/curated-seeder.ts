import type { DataSource } from 'typeorm';
import { loadCuratedDataset } from './curated-dataset.js';
import { ResourcesRepository } from '../resources/resources.repository.js';

const DATASET = 'curated-directory';

/**
 * Upserts the curated directory (by slug) when its files changed since the last load.
 * Idempotent; a transaction-level advisory lock keeps concurrent starts from racing.
 */
export async function seedCuratedDirectory(
  dataSource: DataSource,
  { force = false, includeDemo }: { force?: boolean; includeDemo: boolean },
): Promise<{ applied: boolean; count: number }> {
  const dataset = loadCuratedDataset(undefined, { includeDemo });
  return dataSource.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('mend:seed'))`);
    const [state] = await tx.query('SELECT checksum FROM seed_state WHERE name = $1', [DATASET]);
    if (!force && state?.checksum === dataset.checksum) return { applied: false, count: dataset.resources.length };
    const repository = new ResourcesRepository(dataSource);
    await repository.upsertMany(dataset.resources, tx);
    // Demo listings seeded earlier are withdrawn once SEED_DEMO is off: they are never presented as real.
    if (!includeDemo) await repository.deactivateSeededDemo(loadCuratedDataset(undefined, { includeDemo: true }).resources.filter((r) => r.demo).map((r) => r.slug), tx);
    await tx.query(
      `INSERT INTO seed_state (name, checksum) VALUES ($1, $2)
       ON CONFLICT (name) DO UPDATE SET checksum = EXCLUDED.checksum, applied_at = now()`,
      [DATASET, dataset.checksum],
    );
    return { applied: true, count: dataset.resources.length };
  });
}
