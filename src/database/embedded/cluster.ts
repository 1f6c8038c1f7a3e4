import { type ChildProcess, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import { explain, type RunResult } from './explain-failure.js';
import { POSTGRES_USER, type SystemIds } from './run-as.js';

/*
 * The cluster in a data directory: made by initdb on first use, and its superuser password
 * rotated when it is the old fixed one.
 */

function runToEnd(file: string, args: string[], ids: Partial<SystemIds>): Promise<RunResult> {
  return new Promise((done) => {
    let output = '';
    let child: ChildProcess;
    try {
      child = spawn(file, args, { ...ids, stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (error) {
      done({ output, code: null, spawnError: error as NodeJS.ErrnoException });
      return;
    }
    child.stdout?.on('data', (c: Buffer) => (output += c.toString('utf8')));
    child.stderr?.on('data', (c: Buffer) => (output += c.toString('utf8')));
    child.on('error', (error: NodeJS.ErrnoException) => done({ output, code: null, spawnError: error }));
    child.on('close', (code) => done({ output, code }));
  });
}

/** initdb into `dataDir` (owned by `ids` when running as root), with `password` for the superuser. */
export async function initialiseCluster(
  initdb: string,
  dataDir: string,
  password: string,
  ids: SystemIds | undefined,
  runAs: string,
  log: (msg: string) => void,
): Promise<void> {
  try {
    mkdirSync(dirname(dataDir), { recursive: true }); // parents by the umask: `postgres` must enter them
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    if (ids) chownSync(dataDir, ids.uid, ids.gid);
  } catch (error) {
    throw explain('create its data folder', initdb, dataDir, { output: String((error as Error).message), code: null }, runAs);
  }
  // The password reaches initdb through a file only its user can read, removed right after.
  const secrets = mkdtempSync(join(tmpdir(), 'mend-initdb-'));
  const pwfile = join(secrets, 'pw');
  try {
    writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
    if (ids) {
      chownSync(secrets, ids.uid, ids.gid);
      chownSync(pwfile, ids.uid, ids.gid);
    }
    // The C locale whatever the shell's: the same sorting on every machine, and English messages, which explain() reads.
    const result = await runToEnd(
      initdb,
      [
        `--pgdata=${dataDir}`,
        '--auth=scram-sha-256',
        `--username=${POSTGRES_USER}`,
        `--pwfile=${pwfile}`,
        '--encoding=UTF8',
        '--no-sync',
        '--locale=C',
      ],
      ids ?? {},
    );
    if (result.code !== 0) {
      // initdb removes what it made on failure; make sure a half-made cluster cannot be mistaken for one.
      if (!existsSync(join(dataDir, 'PG_VERSION'))) rmSync(dataDir, { recursive: true, force: true });
      throw explain('initialise its data folder', initdb, dataDir, result, runAs);
    }
  } finally {
    rmSync(secrets, { recursive: true, force: true });
  }
  log(`Initialised an embedded PostgreSQL cluster in ${dataDir}`);
}

export async function rotateLegacyPassword(url: string, password: string, log: (msg: string) => void): Promise<void> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const literal = `'${password.replace(/'/g, "''")}'`;
    await client.query(`ALTER ROLE ${POSTGRES_USER} PASSWORD ${literal}`);
  } finally {
    await client.end();
  }
  log(
    "Replaced the embedded database's old fixed password with a random one (kept in the data folder, owner-only). API keys made with the old development secret must be made again (npm run partner:create).",
  );
}
