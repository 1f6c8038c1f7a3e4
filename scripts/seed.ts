import { seedCuratedDirectory } from '../src/seeding/curated-seeder.js';
import { withDatabase } from './with-database.js';

/** `npm run seed`: upserts the curated directory (seeds/data) by slug, whether or not it changed. */
await withDatabase(async (dataSource) => {
  const { count } = await seedCuratedDirectory(dataSource, true);
  console.log(`Upserted ${count} curated resources.`);
});
