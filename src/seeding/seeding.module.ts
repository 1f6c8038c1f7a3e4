import { Injectable, Logger, Module, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ConfigModule } from '../config/config.module.js';
import { Environment } from '../config/environment.js';
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
    const { applied, count } = await seedCuratedDirectory(this.dataSource);
    if (applied) this.logger.log(`Loaded the curated directory: ${count} resources`);
  }
}

@Module({ imports: [ConfigModule], providers: [StartupSeeder] })
export class SeedingModule {}
