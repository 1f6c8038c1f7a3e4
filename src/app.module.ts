import { Module } from '@nestjs/common';
import { ConfigModule } from './config/config.module.js';
import { DatabaseModule } from './database/database.module.js';
import { HealthModule } from './health/health.module.js';
import { ResourcesModule } from './resources/resources.module.js';
import { SeedingModule } from './seeding/seeding.module.js';
import { TaxonomyModule } from './taxonomy/taxonomy.module.js';

@Module({
  imports: [ConfigModule, DatabaseModule, HealthModule, TaxonomyModule, ResourcesModule, SeedingModule],
})
export class AppModule {}
