import { seedDemoListings } from '../src/config/environment.js';
import { CuratedSeeder } from '../src/seeding/curated-seeder.js';
import { SeedingModule } from '../src/seeding/seeding.module.js';
import { withApplicationContext } from './with-database.js';

/** `npm run seed`: upserts the curated directory (seeds/data) by slug, whether or not it changed. */
await withApplicationContext(SeedingModule, async (app, env) => {
  const includeDemo = seedDemoListings(env);
  const { count } = await app.get(CuratedSeeder).seedCuratedDirectory({ force: true, includeDemo });
  console.log(`Upserted ${count} curated resources (${includeDemo ? 'with' : 'without'} demo listings; set SEED_DEMO to choose).`);
});
