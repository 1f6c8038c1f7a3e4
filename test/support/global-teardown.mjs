import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import pg from 'pg';

/** Suites skipped for a missing service (test/support/services.ts), listed where nobody can miss them. */
function reportSkips(runId) {
  const file = join(tmpdir(), `mend-test-skips-${runId}.log`);
  if (!existsSync(file)) return;
  const lines = [...new Set(readFileSync(file, 'utf8').split('\n').filter(Boolean))];
  rmSync(file, { force: true });
  console.log(
    `\nSkipped for a missing service (they run when it is there; CI=true requires them):\n${lines.map((l) => `  - ${l}`).join('\n')}`,
  );
}

/** Lists skipped suites, drops every database this run made (template and per-file clones), then stops the embedded server. */
export default async function globalTeardown() {
  if (process.env.MEND_TEST_RUN_ID) reportSkips(process.env.MEND_TEST_RUN_ID);
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
