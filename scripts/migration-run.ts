import { withDatabase } from './with-database.js';

/** `npm run migration:run`: applies pending migrations (the app also does this at start-up). */
await withDatabase(async (dataSource) => {
  const pending = await dataSource.showMigrations();
  console.log(pending ? 'Migrations still pending.' : 'Database schema is up to date.');
});
