import type { DataSource } from 'typeorm';
import { seedCuratedDirectory } from '../../src/seeding/curated-seeder.js';

/** Every e2e test file starts from the curated directory. */
export async function seedTemplate(dataSource: DataSource): Promise<void> {
  await seedCuratedDirectory(dataSource);
}
