import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

/** seed_state: the checksum of each dataset as last loaded, so a start loads it only when it changed. */
@Injectable()
export class SeedStateRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** `work` in one transaction holding the seed lock (transaction-level advisory lock), so concurrent starts do not race. */
  withSeedLock<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext('mend:seed'))`);
      return work(tx);
    });
  }

  async checksum(tx: EntityManager, dataset: string): Promise<string | undefined> {
    const [state] = await tx.query<({ checksum: string } | undefined)[]>('SELECT checksum FROM seed_state WHERE name = $1', [dataset]);
    return state?.checksum;
  }

  async recordChecksum(tx: EntityManager, dataset: string, checksum: string): Promise<void> {
    await tx.query(
      `INSERT INTO seed_state (name, checksum) VALUES ($1, $2)
       ON CONFLICT (name) DO UPDATE SET checksum = EXCLUDED.checksum, applied_at = now()`,
      [dataset, checksum],
    );
  }
}
