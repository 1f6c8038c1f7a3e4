import pg from 'pg';
import type { Environment } from '../config/environment.js';
import type { EmbeddedServer } from './embedded-postgres.js';

export const EMBEDDED_DATABASE_NAME = 'mend';

export interface ResolvedDatabase {
  url: string;
  embedded?: EmbeddedServer;
}

export async function ensureDatabaseExists(serverUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

/** DATABASE_URL when set; otherwise start (or reuse) the embedded server and its `mend` database. */
export async function resolveDatabase(env: Environment, log: (msg: string) => void): Promise<ResolvedDatabase> {
  if (env.DATABASE_URL) return { url: env.DATABASE_URL };
  // Loaded on demand: production images set DATABASE_URL and ship without the PostgreSQL binaries.
  const { startEmbeddedPostgres } = await import('./embedded-postgres.js');
  const embedded = await startEmbeddedPostgres({ dataDir: env.EMBEDDED_PG_DIR, port: env.EMBEDDED_PG_PORT, log });
  await ensureDatabaseExists(embedded.url(), EMBEDDED_DATABASE_NAME);
  return { url: embedded.url(EMBEDDED_DATABASE_NAME), embedded };
}
