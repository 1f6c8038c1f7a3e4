import { randomBytes } from 'node:crypto';

import pg from 'pg';

import { buildTemplate } from './seed-template.js';

// Serialises template creation across jest workers (any constant distinct from the app's locks).
const TEMPLATE_LOCK_KEY = 744_209_999;

function serverUrl(): string {
  const url = process.env.MEND_TEST_SERVER_URL;
  if (!url) throw new Error('MEND_TEST_SERVER_URL is not set: run tests through `npm test` (jest global setup).');
  return url;
}

export function databaseUrl(server: string, database: string): string {
  const url = new URL(server);
  url.pathname = `/${database}`;
  return url.toString();
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * The run's template: migrated and seeded once (the first test file to arrive builds it,
 * under an advisory lock), then cloned by every test file with CREATE DATABASE … TEMPLATE.
 */
async function ensureTemplate(client: pg.Client): Promise<string> {
  const template = `mend_tpl_${process.env.MEND_TEST_RUN_ID}`;
  await client.query('SELECT pg_advisory_lock($1)', [TEMPLATE_LOCK_KEY]);
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [template]);
    if (rowCount) return template;
    const building = `${template}_building`;
    await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(building)}`);
    await client.query(`CREATE DATABASE ${quoteIdent(building)}`);
    await buildTemplate(databaseUrl(serverUrl(), building));
    await client.query(`ALTER DATABASE ${quoteIdent(building)} RENAME TO ${quoteIdent(template)}`);
    return template;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [TEMPLATE_LOCK_KEY]);
  }
}

/** A fresh database for one test file: a clone of the migrated, seeded template. */
export async function createTestDatabase(): Promise<string> {
  return withAdmin(async (client) => {
    const template = await ensureTemplate(client);
    const name = `mend_t_${process.env.MEND_TEST_RUN_ID}_${randomBytes(4).toString('hex')}`;
    await client.query(`CREATE DATABASE ${quoteIdent(name)} TEMPLATE ${quoteIdent(template)}`);
    return databaseUrl(serverUrl(), name);
  });
}
