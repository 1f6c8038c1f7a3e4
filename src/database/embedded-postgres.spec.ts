import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import { afterAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';

import { cachedBinaries, installedBinaries, placeDataDirectory } from './embedded/binaries.js';
import { CREDENTIALS_FILE } from './embedded/credentials.js';
import { explain } from './embedded/explain-failure.js';
import { recoverStalePostmaster } from './embedded/postmaster.js';
import { type EmbeddedServer, EmbeddedStartError, findFreePort, startEmbeddedPostgres } from './embedded-postgres.js';

// As root the postmaster runs as `postgres`: the parent must be enterable by it.
const scratch = mkdtempSync(join(tmpdir(), 'mend-embedded-spec-'));
chmodSync(scratch, 0o711);
let n = 0;
const newDir = () => join(scratch, `d${++n}`);
const started: EmbeddedServer[] = [];
const start = async (options: Parameters<typeof startEmbeddedPostgres>[0]) => {
  const server = await startEmbeddedPostgres(options);
  started.push(server);
  return server;
};
afterAll(async () => {
  for (const s of started.reverse()) await s.stop();
  rmSync(scratch, { recursive: true, force: true });
});

async function query(url: string, sql: string): Promise<unknown[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

/** An error thrown by `fn`, for assertions on its kind and paragraph. */
async function failureOf(fn: () => Promise<unknown>): Promise<Error> {
  try {
    await fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a failure');
}

describe('recoverStalePostmaster', () => {
  const dataDir = () => mkdtempSync(join(tmpdir(), 'mend-pid-'));

  it('does nothing without a postmaster.pid', async () => {
    const messages: string[] = [];
    expect(await recoverStalePostmaster(dataDir(), (m) => messages.push(m))).toBeUndefined();
    expect(messages).toEqual([]);
  });

  it('removes a postmaster.pid whose process is gone, and says so', async () => {
    const dir = dataDir();
    writeFileSync(join(dir, 'postmaster.pid'), '999999999\n/data\n');
    const messages: string[] = [];
    await recoverStalePostmaster(dir, (m) => messages.push(m));
    expect(existsSync(join(dir, 'postmaster.pid'))).toBe(false);
    expect(messages[0]).toMatch(/stale/i);
  });

  it('leaves a live server whose parent is alive (another running Mend) alone, and reports its pid and port', async () => {
    const dir = dataDir();
    writeFileSync(join(dir, 'postmaster.pid'), `${process.pid}\n/data\n1700000000\n54321\n`); // alive, parent alive
    expect(await recoverStalePostmaster(dir, () => undefined)).toEqual({ pid: process.pid, parent: process.ppid, port: 54321 });
    expect(existsSync(join(dir, 'postmaster.pid'))).toBe(true);
  });
});

describe('startEmbeddedPostgres', () => {
  it('makes a random password and API key secret per data directory, kept there owner-only, and keeps them across restarts', async () => {
    const dataDir = newDir();
    const first = await start({ dataDir });
    const file = join(first.dataDir, CREDENTIALS_FILE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { password: string; apiKeySecret: string; port: number };
    expect(saved.port).toBe(first.port);
    expect(saved.password).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(saved.apiKeySecret).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(saved.password).not.toBe('mend-embedded');
    expect(first.apiKeySecret).toBe(saved.apiKeySecret);
    expect(new URL(first.url()).password).toBe(saved.password);
    expect(await query(first.url(), 'SELECT 1 AS one')).toEqual([{ one: 1 }]);
    // The old constant no longer opens it.
    const wrong = new URL(first.url());
    wrong.password = 'mend-embedded';
    expect((await failureOf(() => query(wrong.toString(), 'SELECT 1'))).message).toMatch(/password authentication failed/);
    await first.stop();

    const other = await start({ dataDir: newDir() });
    expect(other.apiKeySecret).not.toBe(first.apiKeySecret);
    await other.stop();

    const again = await start({ dataDir });
    expect(again.apiKeySecret).toBe(saved.apiKeySecret);
    expect(await query(again.url(), 'SELECT 2 AS two')).toEqual([{ two: 2 }]);
    await again.stop();
  });

  it('initialises the cluster in the C locale, whatever locale the shell has', async () => {
    const shellLocale = process.env.LC_ALL;
    process.env.LC_ALL = 'C.UTF-8'; // would win over LANG; inherited by initdb
    try {
      const server = await start({ dataDir: newDir() });
      expect(await query(server.url(), `SELECT datcollate, datctype FROM pg_database WHERE datname = 'postgres'`)).toEqual([
        { datcollate: 'C', datctype: 'C' },
      ]);
      await server.stop();
    } finally {
      if (shellLocale === undefined) delete process.env.LC_ALL;
      else process.env.LC_ALL = shellLocale;
    }
  });

  it('rotates the old fixed password of a data directory made before passwords were generated', async () => {
    const dataDir = newDir();
    const first = await start({ dataDir });
    await query(first.url(), `ALTER ROLE postgres PASSWORD 'mend-embedded'`); // as older versions left it
    await first.stop();
    rmSync(join(first.dataDir, CREDENTIALS_FILE));
    const messages: string[] = [];
    const again = await start({ dataDir, log: (m) => messages.push(m) });
    const saved = JSON.parse(readFileSync(join(again.dataDir, CREDENTIALS_FILE), 'utf8')) as { password: string };
    expect(saved.password).not.toBe('mend-embedded');
    expect(statSync(join(again.dataDir, CREDENTIALS_FILE)).mode & 0o777).toBe(0o600);
    expect(await query(again.url(), 'SELECT 1 AS one')).toEqual([{ one: 1 }]);
    const old = new URL(again.url());
    old.password = 'mend-embedded';
    expect((await failureOf(() => query(old.toString(), 'SELECT 1'))).message).toMatch(/password authentication failed/);
    expect(messages.some((m) => /old fixed password/.test(m))).toBe(true);
    await again.stop();
  });

  it('lets a second process attach to the running server, and refuses (one paragraph with a fix) without attach', async () => {
    const dataDir = newDir();
    // The server is owned by a live parent: this jest worker.
    const owner = await start({ dataDir });
    const attached = await start({ dataDir, attach: true });
    expect(attached.attached).toBe(true);
    expect(attached.port).toBe(owner.port);
    expect(attached.apiKeySecret).toBe(owner.apiKeySecret);
    await attached.stop(); // leaves the owner's server running
    expect(await query(owner.url(), 'SELECT 1 AS one')).toEqual([{ one: 1 }]);

    const refused = await failureOf(() => start({ dataDir }));
    expect(refused).toBeInstanceOf(EmbeddedStartError);
    expect(refused.message).toMatch(/already in use by PostgreSQL pid \d+/);
    expect(refused.message).toMatch(/Fix: /);
    expect(refused.message).not.toMatch(/\n/);
    await owner.stop();
  });

  it('takes another port when the free port it found is taken before PostgreSQL binds it', async () => {
    const taken = await listenAnywhere();
    const takenPort = (taken.address() as { port: number }).port;
    const offered: number[] = [];
    const server = await start({
      dataDir: newDir(),
      pickPort: async () => {
        const port = offered.length === 0 ? takenPort : await findFreePort();
        offered.push(port);
        return port;
      },
    });
    taken.close();
    expect(offered.length).toBe(2);
    expect(server.port).toBe(offered[1]);
    expect(await query(server.url(), 'SELECT 1 AS one')).toEqual([{ one: 1 }]);
    await server.stop();
  });

  it('explains a configured port that another program holds, with the setting to change', async () => {
    const taken = await listenAnywhere();
    const port = (taken.address() as { port: number }).port;
    try {
      const error = await failureOf(() => start({ dataDir: newDir(), port }));
      expect(error).toBeInstanceOf(EmbeddedStartError);
      expect(error.message).toContain(`127.0.0.1:${port}`);
      expect(error.message).toMatch(/EMBEDDED_PG_PORT/);
    } finally {
      taken.close();
    }
  });

  it('explains binaries it may not run (no unhandled error event, no stack)', async () => {
    const real = installedBinaries();
    const copy = join(scratch, 'broken-binaries');
    cpSync(real.dir, copy, { recursive: true, verbatimSymlinks: true });
    chmodSync(join(copy, 'bin', 'initdb'), 0o644);
    chmodSync(join(copy, 'bin', 'postgres'), 0o644);
    // As root the cache would be used: point it at a folder of its own.
    const error = await failureOf(() =>
      start({ dataDir: newDir(), binaries: { version: 'broken', dir: copy }, cacheRoot: join(scratch, 'cache-broken') }),
    );
    expect(error).toBeInstanceOf(EmbeddedStartError);
    expect(error.message).toMatch(/initdb failed: permission denied/);
    expect(error.message).toMatch(/npm install/);
  });

  it('refuses a non-empty folder that holds no cluster instead of mixing files into it', async () => {
    const dataDir = newDir();
    mkdirSync(dataDir);
    writeFileSync(join(dataDir, 'notes.txt'), 'mine');
    const error = await failureOf(() => start({ dataDir }));
    expect(error).toBeInstanceOf(EmbeddedStartError);
    expect(error.message).toContain(`${dataDir} is not empty`);
    expect(readFileSync(join(dataDir, 'notes.txt'), 'utf8')).toBe('mine');
  });
});

describe('explain', () => {
  const run = (output: string) => ({ output, code: 1 });
  it.each([
    ['a full disk', 'FATAL:  could not write to file "pg_wal/xlogtemp.1": No space left on device', /disk is full .*Fix: free some space/],
    [
      'a folder the user may not use',
      'initdb: error: could not change permissions of directory "/x": Permission denied',
      /may not use .*Fix: give the folder/,
    ],
    [
      'another major version',
      'FATAL:  database files are incompatible with server',
      /another PostgreSQL major version.*Fix: move it aside/,
    ],
    [
      'a lock held by another postmaster',
      'FATAL:  lock file "postmaster.pid" already exists',
      /Another PostgreSQL already runs.*Fix: stop/,
    ],
    ['anything else', 'FATAL:  something new', /exit code 1\): FATAL: {2}something new\. Fix: /],
  ])('explains %s in one paragraph with a fix', (_name, output, expected) => {
    const error = explain('start', '/bin/postgres', '/data/pg', run(output), 'user "postgres"');
    expect(error).toBeInstanceOf(EmbeddedStartError);
    expect(error.message).toMatch(expected);
    expect(error.message).not.toMatch(/\n/);
  });
});

describe('as root: binaries and data where the postgres user can reach them', () => {
  it('places a data directory under an unreachable parent in the root data folder, the same place every time', () => {
    const privateParent = join(scratch, 'private-clone');
    mkdirSync(privateParent, { recursive: true });
    chmodSync(privateParent, 0o700);
    const ids = { uid: 54_321, gid: 54_321 }; // a user who owns nothing here
    const rootData = join(scratch, 'var-lib-mend');
    const configured = join(privateParent, '.data', 'postgres');
    const placed = placeDataDirectory(configured, ids, rootData);
    expect(dirname(dirname(placed))).toBe(rootData);
    expect(placed.endsWith('/postgres')).toBe(true);
    expect(statSync(dirname(placed)).mode & 0o777).toBe(0o755);
    expect(placeDataDirectory(configured, ids, rootData)).toBe(placed);
    // Reachable parents keep the configured place; a normal user always does.
    expect(placeDataDirectory(join(scratch, 'open', 'pg'), ids, rootData)).toBe(join(scratch, 'open', 'pg'));
    expect(placeDataDirectory(configured, undefined, rootData)).toBe(configured);
  });

  it('caches the binaries once per version, readable by everyone, and rebuilds a cache of another version', () => {
    const cacheRoot = join(scratch, 'cache');
    const messages: string[] = [];
    const real = installedBinaries();
    const cached = cachedBinaries(real, cacheRoot, (m) => messages.push(m));
    expect(cached.dir.startsWith(cacheRoot)).toBe(true);
    expect(statSync(join(cached.dir, 'bin', 'postgres')).mode & 0o005).toBe(0o005);
    expect(statSync(cacheRoot).mode & 0o777).toBe(0o755);
    expect(readFileSync(join(cached.dir, '.mend-version'), 'utf8').trim()).toBe(real.version);
    expect(messages).toHaveLength(1);
    cachedBinaries(real, cacheRoot, (m) => messages.push(m));
    expect(messages).toHaveLength(1); // reused
    writeFileSync(join(cached.dir, '.mend-version'), '0.0.0\n');
    cachedBinaries(real, cacheRoot, (m) => messages.push(m));
    expect(messages).toHaveLength(2); // rebuilt
    expect(readFileSync(join(cached.dir, '.mend-version'), 'utf8').trim()).toBe(real.version);
  });
});

function listenAnywhere(): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer().on('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}
