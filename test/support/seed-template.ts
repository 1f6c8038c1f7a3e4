import type { DataSource } from 'typeorm';
import { seedCuratedDirectory } from '../../src/seeding/curated-seeder.js';

/** Every e2e test file starts from the curated directory, demo listings included (the tests use them as traps too). */
export async function seedTemplate(dataSource: DataSource): Promise<void> {
  await seedCuratedDirectory(dataSource, { includeDemo: true });
}
