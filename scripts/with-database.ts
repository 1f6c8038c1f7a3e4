import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { validateEnvironment } from '../src/config/environment.js';
import { dataSourceOptions } from '../src/database/data-source-options.js';
import { resolveDatabase } from '../src/database/database-url.js';
import { runMigrations } from '../src/database/migrate.js';

/**
 * For CLI scripts: the same database the app would use (DATABASE_URL, or the embedded
 * server under EMBEDDED_PG_DIR), migrated, for the duration of `fn`.
 */
export async function withDatabase<T>(fn: (dataSource: DataSource) => Promise<T>, migrate = true): Promise<T> {
  const env = validateEnvironment(process.env);
  const resolved = await resolveDatabase(env, (msg) => console.error(msg));
  const dataSource = await new DataSource(dataSourceOptions(resolved.url, 4)).initialize();
  try {
    if (migrate) {
      const applied = await runMigrations(dataSource);
      if (applied.length) console.error(`Applied migrations: ${applied.join(', ')}`);
    }
    return await fn(dataSource);
  } finally {
    await dataSource.destroy();
    await resolved.embedded?.stop();
  }
}
