import { seedDemoListings } from '../src/config/environment.js';
import { seedCuratedDirectory } from '../src/seeding/curated-seeder.js';
import { withDatabase } from './with-database.js';

/** `npm run seed`: upserts the curated directory (seeds/data) by slug, whether or not it changed. */
await withDatabase(async (dataSource, env) => {
  const includeDemo = seedDemoListings(env);
  const { count } = await seedCuratedDirectory(dataSource, { force: true, includeDemo });
  console.log(`Upserted ${count} curated resources (${includeDemo ? 'with' : 'without'} demo listings; set SEED_DEMO to choose).`);
});
