// Plain JS on purpose: jest loads global setup with Node's own ESM loader, which cannot
// import this repository's TypeScript. It provides a PostgreSQL server for the run; the
// migrated template database is built lazily by the first test file (test-database.ts).
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import ts from 'typescript';

/** Newest modification time (ms) of the files under `dir` (recursively), 0 when there are none. */
function newest(dir, filter = () => true) {
  if (!existsSync(dir)) return 0;
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) latest = Math.max(latest, newest(path, filter));
    else if (filter(entry.name)) latest = Math.max(latest, statSync(path).mtimeMs);
  }
  return latest;
}

/** Oldest modification time of the files under `dir`, 0 when there are none. */
function oldest(dir) {
  if (!existsSync(dir)) return 0;
  let earliest = Infinity;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    earliest = Math.min(earliest, entry.isDirectory() ? oldest(path) || Infinity : statSync(path).mtimeMs);
  }
  return earliest === Infinity ? 0 : earliest;
}

/**
 * The app serves the widget's browser code from dist/widget: compile it when a source (or its
 * tsconfig) is newer than the oldest output, or there is no output yet, so the tests serve what
 * the source says, from a fresh clone too, without rebuilding on every run.
 */
export function widgetIsStale(root = process.cwd()) {
  const built = oldest(join(root, 'dist/widget'));
  if (!built) return true;
  const sources = Math.max(
    newest(join(root, 'src/widget/client'), (n) => n.endsWith('.ts')),
    statSync(join(root, 'tsconfig.widget.json')).mtimeMs,
  );
  return sources > built;
}

/**
 * src/database/embedded-postgres.ts and the steps it imports from ./embedded/ (Node built-ins
 * only) as plain JS, beside node_modules so their imports resolve: the tests start their server
 * with exactly the app's code.
 */
async function loadEmbeddedLauncher() {
  const database = join(process.cwd(), 'src/database');
  const sources = [
    'embedded-postgres.ts',
    ...readdirSync(join(database, 'embedded'))
      .filter((n) => n.endsWith('.ts') && !n.endsWith('.spec.ts'))
      .map((n) => join('embedded', n)),
  ];
  const out = join(process.cwd(), 'node_modules/.cache/mend-test', `embedded-postgres-${process.pid}`);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(join(out, 'embedded'), { recursive: true });
  // Under node_modules no package.json of ours applies: say the .js files are ES modules.
  writeFileSync(join(out, 'package.json'), '{ "type": "module" }\n');
  for (const source of sources) {
    const { outputText } = ts.transpileModule(readFileSync(join(database, source), 'utf8'), {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
      fileName: join(database, source),
    });
    writeFileSync(join(out, source.replace(/\.ts$/, '.js')), outputText);
  }
  return import(join(out, 'embedded-postgres.js'));
}

export default async function globalSetup() {
  if (widgetIsStale()) {
    execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.widget.json'], { stdio: 'inherit' });
  }
  const runId = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  process.env.MEND_TEST_RUN_ID = runId;
  if (process.env.DATABASE_URL) {
    process.env.MEND_TEST_SERVER_URL = process.env.DATABASE_URL;
    console.log(`\nTests use the PostgreSQL server at DATABASE_URL (run ${runId}).`);
  } else {
    const { startEmbeddedPostgres, EmbeddedStartError } = await loadEmbeddedLauncher();
    // Under the OS temp dir: as root the postmaster runs as `postgres`, which must reach the directory.
    const parent = mkdtempSync(join(tmpdir(), 'mend-test-'));
    chmodSync(parent, 0o711); // mkdtemp makes it 0700
    const messages = [];
    let server;
    try {
      server = await startEmbeddedPostgres({
        dataDir: join(parent, 'pg'),
        ephemeral: true,
        settings: { fsync: 'off', max_connections: '300' },
        log: (m) => messages.push(m),
      });
    } catch (error) {
      // One paragraph, no stack: the same explanation the app gives.
      if (error instanceof EmbeddedStartError) throw Object.assign(new Error(error.message), { stack: error.message });
      throw error;
    }
    for (const m of messages.filter((m) => /cached|kept in/.test(m))) console.log(m);
    globalThis.__MEND_EMBEDDED__ = server;
    globalThis.__MEND_EMBEDDED_DIR__ = parent;
    process.env.MEND_TEST_SERVER_URL = server.url('postgres');
    console.log(`\nTests use an embedded PostgreSQL on port ${server.port} (run ${runId}).`);
  }
  // Each test file gets its own DATABASE_URL; none may fall back to the developer's database.
  delete process.env.DATABASE_URL;
}
