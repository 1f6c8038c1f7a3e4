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
  } catch (error) {
    // Two processes creating it at once: the other one won.
    if ((error as { code?: string }).code !== '42P04') throw error;
  } finally {
    await client.end();
  }
}

/**
 * DATABASE_URL when set; otherwise start the embedded server and its `mend` database.
 * With `attach` (CLI commands), an embedded server another Mend process already runs on the
 * same data directory is used instead of refusing to start a second one.
 */
export async function resolveDatabase(
  env: Environment,
  log: (msg: string) => void,
  options: { attach?: boolean } = {},
): Promise<ResolvedDatabase> {
  if (env.DATABASE_URL) return { url: env.DATABASE_URL };
  // Loaded on demand: production images set DATABASE_URL and ship without the PostgreSQL binaries.
  const { startEmbeddedPostgres } = await import('./embedded-postgres.js');
  const embedded = await startEmbeddedPostgres({ dataDir: env.EMBEDDED_PG_DIR, port: env.EMBEDDED_PG_PORT, attach: options.attach, log });
  try {
    await ensureDatabaseExists(embedded.url(), EMBEDDED_DATABASE_NAME);
  } catch (error) {
    await embedded.stop();
    throw error;
  }
  return { url: embedded.url(EMBEDDED_DATABASE_NAME), embedded };
}

/**
 * The embedded quick start's API key secret: the random one kept in its data directory, unless
 * API_KEY_SECRET is given. Set on the validated Environment before anything reads it (every
 * reader depends on the database, which resolves first), so the app and the CLI agree on it.
 */
export function adoptEmbeddedSecret(env: Environment, resolved: ResolvedDatabase): void {
  if (resolved.embedded && !env.API_KEY_SECRET) env.API_KEY_SECRET = resolved.embedded.apiKeySecret;
}
