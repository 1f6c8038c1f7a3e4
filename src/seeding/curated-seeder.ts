import type { DataSource } from 'typeorm';
import { loadCuratedDataset } from '../../seeds/curated-dataset.js';
import { ResourcesRepository } from '../resources/resources.repository.js';

const DATASET = 'curated-directory';

/**
 * Upserts the curated directory (by slug) when its files changed since the last load.
 * Idempotent; a transaction-level advisory lock keeps concurrent starts from racing.
 */
export async function seedCuratedDirectory(dataSource: DataSource, force = false): Promise<{ applied: boolean; count: number }> {
  const dataset = loadCuratedDataset();
  return dataSource.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('mend:seed'))`);
    const [state] = await tx.query('SELECT checksum FROM seed_state WHERE name = $1', [DATASET]);
    if (!force && state?.checksum === dataset.checksum) return { applied: false, count: dataset.resources.length };
    await new ResourcesRepository(dataSource).upsertMany(dataset.resources, tx);
    await tx.query(
      `INSERT INTO seed_state (name, checksum) VALUES ($1, $2)
       ON CONFLICT (name) DO UPDATE SET checksum = EXCLUDED.checksum, applied_at = now()`,
      [DATASET, dataset.checksum],
    );
    return { applied: true, count: dataset.resources.length };
  });
}
