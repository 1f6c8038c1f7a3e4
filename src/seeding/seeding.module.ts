import { Injectable, Logger, Module, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Environment, seedDemoListings } from '../config/environment.js';
import { seedCuratedDirectory } from './curated-seeder.js';

@Injectable()
export class StartupSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger('Seed');
  constructor(
    private readonly env: Environment,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.env.SEED_ON_START) return;
    const includeDemo = seedDemoListings(this.env);
    const { applied, count } = await seedCuratedDirectory(this.dataSource, { includeDemo });
    if (applied) this.logger.log(`Loaded the curated directory: ${count} resources (${includeDemo ? 'with' : 'without'} demo listings; SEED_DEMO)`);
  }
}

@Module({ providers: [StartupSeeder] })
export class SeedingModule {}
