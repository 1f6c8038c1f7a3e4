import { rmSync } from 'node:fs';
import pg from 'pg';

/** Drops every database this run made (template and per-file clones), then stops the embedded server. */
export default async function globalTeardown() {
  const serverUrl = process.env.MEND_TEST_SERVER_URL;
  const runId = process.env.MEND_TEST_RUN_ID;
  if (serverUrl && runId && !globalThis.__MEND_EMBEDDED__) {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      const { rows } = await client.query('SELECT datname FROM pg_database WHERE datname LIKE $1', [`mend\\_%${runId}%`]);
      for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    } finally {
      await client.end();
    }
  }
  await globalThis.__MEND_EMBEDDED__?.stop();
  if (globalThis.__MEND_EMBEDDED_DIR__) rmSync(globalThis.__MEND_EMBEDDED_DIR__, { recursive: true, force: true });
}
