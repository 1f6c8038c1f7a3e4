import { Test } from '@nestjs/testing';

import { ConfigModule } from '../../src/config/config.module.js';
import { validateEnvironment } from '../../src/config/environment.js';
import { DatabaseModule } from '../../src/database/database.module.js';
import { CuratedSeeder } from '../../src/seeding/curated-seeder.js';
import { SeedingModule } from '../../src/seeding/seeding.module.js';

const SILENT = { log() {}, error() {}, warn() {}, debug() {}, verbose() {} };

/**
 * Migrates the database at `url` and loads the curated directory through the app's own modules
 * (DatabaseModule runs the migrations, CuratedSeeder seeds). Every e2e test file starts from it,
 * demo listings included (the tests use them as traps too).
 */
export async function buildTemplate(url: string): Promise<void> {
  const env = validateEnvironment({ NODE_ENV: 'test', LOG_LEVEL: 'silent', SEED_ON_START: 'false', DB_POOL_SIZE: '2', DATABASE_URL: url });
  const context = await Test.createTestingModule({ imports: [ConfigModule.forRoot(env), DatabaseModule, SeedingModule] })
    .setLogger(SILENT)
    .compile();
  try {
    await context.get(CuratedSeeder).seedCuratedDirectory({ includeDemo: true });
  } finally {
    await context.close();
  }
}
