import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';

import { Environment, seedDemoListings } from '../config/environment.js';
import { CuratedSeeder } from './curated-seeder.js';

/** Loads the curated directory at start-up when SEED_ON_START (only if its files changed). */
@Injectable()
export class StartupSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger('Seed');
  constructor(
    private readonly env: Environment,
    private readonly seeder: CuratedSeeder,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.env.SEED_ON_START) return;
    const includeDemo = seedDemoListings(this.env);
    const { applied, count } = await this.seeder.seedCuratedDirectory({ includeDemo });
    if (applied)
      this.logger.log(`Loaded the curated directory: ${count} resources (${includeDemo ? 'with' : 'without'} demo listings; SEED_DEMO)`);
  }
}
