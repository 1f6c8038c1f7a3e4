import { Injectable } from '@nestjs/common';

import { ResourceImportService } from '../resources/resource-import.service.js';
import { loadCuratedDataset } from './curated-dataset.js';
import { SeedStateRepository } from './seed-state.repository.js';

const DATASET = 'curated-directory';

/**
 * Upserts the curated directory (seeds/data, by slug) when its files changed since the last load.
 * Idempotent; the seed lock keeps concurrent starts from racing. Run at start-up (StartupSeeder),
 * by `npm run seed` and by the tests' template database.
 */
@Injectable()
export class CuratedSeeder {
  constructor(
    private readonly state: SeedStateRepository,
    private readonly resources: ResourceImportService,
  ) {}

  async seedCuratedDirectory({
    force = false,
    includeDemo,
  }: {
    force?: boolean;
    includeDemo: boolean;
  }): Promise<{ applied: boolean; count: number }> {
    const dataset = loadCuratedDataset(undefined, { includeDemo });
    const result = await this.state.withSeedLock(async (tx) => {
      if (!force && (await this.state.checksum(tx, DATASET)) === dataset.checksum)
        return { applied: false, count: dataset.resources.length };
      await this.resources.upsertBySlug(dataset.resources, tx);
      // Demo listings seeded earlier are withdrawn once SEED_DEMO is off: they are never presented as real.
      if (!includeDemo)
        await this.resources.withdrawDemoListings(
          loadCuratedDataset(undefined, { includeDemo: true })
            .resources.filter((r) => r.demo)
            .map((r) => r.slug),
          tx,
        );
      await this.state.recordChecksum(tx, DATASET, dataset.checksum);
      return { applied: true, count: dataset.resources.length };
    });
    if (result.applied) await this.resources.catchUpAfterCommit();
    return result;
  }
}
