import { Module } from '@nestjs/common';

import { ResourcesModule } from '../resources/resources.module.js';
import { CuratedSeeder } from './curated-seeder.js';
import { SeedStateRepository } from './seed-state.repository.js';
import { StartupSeeder } from './startup-seeder.js';

@Module({
  imports: [ResourcesModule],
  providers: [CuratedSeeder, SeedStateRepository, StartupSeeder],
  exports: [CuratedSeeder],
})
export class SeedingModule {}
