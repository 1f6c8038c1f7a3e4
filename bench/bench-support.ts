import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';

import type { INestApplication } from '@nestjs/common';
import { Presets, SingleBar } from 'cli-progress';
import pg from 'pg';
import { DataSource } from 'typeorm';

import { generateSyntheticResources, SYNTHETIC_SLUG_PREFIX } from '../seeds/synthetic.js';
import { createApp } from '../src/app.setup.js';
import { type Environment, validateEnvironment } from '../src/config/environment.js';
import { dataSourceOptions } from '../src/database/data-source-options.js';
import { type EmbeddedServer, findFreePort, startEmbeddedPostgres } from '../src/database/embedded-postgres.js';
import { runMigrations } from '../src/database/migrate.js';
import { DirectoryChangeFeed } from '../src/resources/directory-index/change-feed.js';
import type { LoadRequest, LoadResult } from './load-worker.js';

/**
 * What the benchmarks (bench/search.ts, bench/intake.ts) share: the scratch database, the
 * synthetic load, the in-process app, the forked load generator and the exact percentiles.
 */

export const log = (msg: string) => console.error(`[bench] ${msg}`);
export const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;
export const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

// ---------------------------------------------------------------------------------------------
// Cleanup: every resource a run makes is released in reverse order, also on Ctrl-C.

export const cleanups: (() => Promise<unknown>)[] = [];
export async function cleanup(): Promise<void> {
  while (cleanups.length) {
    const step = cleanups.pop()!;
    await step().catch((error: unknown) => log(`cleanup step failed: ${String(error)}`));
  }
}
process.once('SIGINT', () => {
  log('interrupted: cleaning up');
  void cleanup().finally(() => process.exit(130));
});

export interface Scratch {
  url: string;
  label: string;
  /** The server's own URL (maintenance database), for admin queries. */
  serverUrl: string;
  name: string;
}

export function withDatabaseName(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** A new `mend_bench_<hex>` on DATABASE_URL's server, or on a throwaway embedded server; dropped at cleanup unless `keep`. */
export async function createScratchDatabase(options: { keep: boolean }): Promise<Scratch> {
  let serverUrl = process.env.DATABASE_URL;
  let label = 'PostgreSQL server at DATABASE_URL';
  if (!serverUrl) {
    // As root, the postmaster runs as `postgres`: it must be able to enter the parent directory.
    const parent = mkdtempSync('/var/tmp/mend-bench-');
    chmodSync(parent, 0o711);
    cleanups.push(() => rm(parent, { recursive: true, force: true }));
    const embedded: EmbeddedServer = await startEmbeddedPostgres({ dataDir: join(parent, 'pg'), ephemeral: true, log });
    cleanups.push(() => embedded.stop());
    serverUrl = embedded.url();
    label = 'embedded PostgreSQL (fresh, ephemeral)';
  }
  const name = `mend_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${quoteIdent(name)}`);
    const { rows } = await admin.query<{ server_version: string }>('SHOW server_version');
    label += `, PostgreSQL ${rows[0].server_version}`;
  } finally {
    await admin.end();
  }
  if (!options.keep) {
    const server = serverUrl;
    cleanups.push(async () => {
      const client = new pg.Client({ connectionString: server });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
        log(`dropped scratch database ${name}`);
      } finally {
        await client.end();
      }
    });
  }
  const url = withDatabaseName(serverUrl, name);
  log(`scratch database ${name} on the ${label}${options.keep ? ` (kept: ${url.replace(/:[^:@/]*@/, ':***@')})` : ''}`);
  return { url, label, serverUrl, name };
}

/**
 * The scratch directory a benchmark measures: a new database loaded with `count` synthetic rows,
 * or (`reuse`) one an earlier `--keep` run left on DATABASE_URL's server, checked to hold that
 * many, so a 1M run can be repeated without its load. A reused database is never dropped.
 */
export async function prepareScratchDirectory(options: {
  keep: boolean;
  reuse?: string;
  count: number;
  batchSize: number;
}): Promise<Scratch> {
  if (!options.reuse) {
    const scratch = await createScratchDatabase({ keep: options.keep });
    await loadScratchDirectory(scratch.url, options.count, options.batchSize);
    return scratch;
  }
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) throw new Error('--reuse needs DATABASE_URL: the embedded server of a run does not outlive it');
  if (!/^mend_bench_[0-9a-f]{8}$/.test(options.reuse)) throw new Error('--reuse takes the name of a kept scratch database (mend_bench_…)');
  const url = withDatabaseName(serverUrl, options.reuse);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ synthetic: string; version: string }>(
      `SELECT (SELECT count(*) FROM resource WHERE starts_with(slug, $1)) AS synthetic, current_setting('server_version') AS version`,
      [SYNTHETIC_SLUG_PREFIX],
    );
    const synthetic = Number(rows[0].synthetic);
    if (synthetic !== options.count)
      throw new Error(`${options.reuse} holds ${synthetic} synthetic resources, not --count ${options.count}`);
    const label = `PostgreSQL server at DATABASE_URL, PostgreSQL ${rows[0].version}`;
    log(`reusing scratch database ${options.reuse} on the ${label} (${synthetic} synthetic resources; not dropped)`);
    return { url, label, serverUrl, name: options.reuse };
  } finally {
    await client.end();
  }
}

/**
 * Migrations, then `count` synthetic resources (progress bar on stderr, VACUUM ANALYZE at the end).
 * `after` runs on the same DataSource before it is closed (e.g. to upsert the curated seed data).
 */
export async function loadScratchDirectory(
  databaseUrl: string,
  count: number,
  batchSize: number,
  after?: (dataSource: DataSource) => Promise<void>,
): Promise<void> {
  const dataSource = await new DataSource(dataSourceOptions(databaseUrl, 2)).initialize();
  cleanups.push(() => dataSource.destroy());
  await runMigrations(dataSource);

  const bar = new SingleBar(
    { stream: process.stderr, format: '[bench] synthetic |{bar}| {percentage}% | {value}/{total} | ETA {eta_formatted}', hideCursor: true },
    Presets.shades_classic,
  );
  bar.start(count, 0);
  const loaded = await generateSyntheticResources(dataSource, count, { batchSize, onProgress: (done) => bar.update(done) });
  bar.stop();
  log(
    `loaded ${loaded.inserted} resources, ${loaded.locations} locations, ${loaded.organizations} organizations in ${loaded.seconds.toFixed(1)} s (incl. VACUUM ANALYZE)`,
  );
  if (after) await after(dataSource);
  await dataSource.destroy();
  cleanups.pop();
}

/**
 * The real Mend app, in-process, on the settings in the environment like main.ts, with the bench's
 * own on top (logging silent, no seeding on start) and then `settings` (a benchmark's options).
 */
export async function startMend(
  databaseUrl: string,
  settings: Record<string, string> = {},
): Promise<{ close: () => Promise<void>; port: number; app: INestApplication; env: Environment }> {
  const port = await findFreePort();
  const env = validateEnvironment({
    ...process.env,
    DATABASE_URL: databaseUrl,
    LOG_LEVEL: 'silent',
    SEED_ON_START: 'false',
    PORT: String(port),
    HOST: '127.0.0.1',
    NODE_ENV: 'production',
    // Production needs a key secret; the load must not be throttled by the per-IP limit it measures around.
    API_KEY_SECRET: randomBytes(32).toString('hex'),
    RATE_LIMIT_ANON_PER_MINUTE: '1000000',
    ...settings,
  });
  const app = await createApp(env);
  await app.listen({ port: env.PORT, host: env.HOST });
  // Measure the serving app, not its start-up: the directory index builds in the background.
  await app.get(DirectoryChangeFeed).refreshNow();
  return { close: () => app.close(), port, app, env };
}

// ---------------------------------------------------------------------------------------------
// Load

/** Forks a load worker (default bench/load-worker.js) with `request` as its argument and waits for its one message. */
export function runLoad<Req = LoadRequest, Res = LoadResult>(
  request: Req,
  worker: URL = new URL('./load-worker.js', import.meta.url),
  workerArgs: string[] = [],
): Promise<Res> {
  return new Promise((resolve, reject) => {
    const child = fork(worker, [...workerArgs, JSON.stringify(request)], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    let answered = false;
    child.once('message', (message: Res | { error: string }) => {
      answered = true;
      if (message && typeof message === 'object' && 'error' in message) reject(new Error(`autocannon: ${message.error}`));
      else resolve(message);
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      if (!answered) reject(new Error(`load generator exited with code ${code} without a result`));
    });
  });
}

/** Nearest-rank percentile of an ascending array. */
export function percentile(sorted: Float64Array, p: number): number {
  if (!sorted.length) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))];
}

export interface Summary {
  target: string;
  rps: number;
  ok: number;
  p50: number;
  p95: number;
  p99: number;
  byPath: { path: string; n: number; p50: number; p95: number; p99: number }[];
  result: LoadResult;
}

export function summarise(target: string, result: LoadResult): Summary {
  const all = new Float64Array(result.byPath.flatMap((s) => s.latenciesMs)).sort();
  return {
    target,
    rps: result.ok / result.durationSeconds,
    ok: result.ok,
    p50: percentile(all, 50),
    p95: percentile(all, 95),
    p99: percentile(all, 99),
    byPath: result.byPath.map((s) => {
      const sorted = new Float64Array(s.latenciesMs).sort();
      return { path: s.path, n: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99) };
    }),
    result,
  };
}

export function assertAllOk(target: string, result: LoadResult): void {
  if (result.non2xx === 0 && result.errors === 0 && result.timeouts === 0) return;
  const detail = result.byPath
    .filter((s) => Object.keys(s.statuses).some((code) => !code.startsWith('2')))
    .map((s) => `    ${s.path}: ${JSON.stringify(s.statuses)}`)
    .join('\n');
  throw new Error(
    `${target}: ${result.non2xx} non-2xx responses, ${result.errors} errors, ${result.timeouts} timeouts during the load ` +
      `(latency figures would exclude them, so the run is void).\n${detail}`,
  );
}

/** Runs a benchmark's main(), reports a failure, always cleans up, and exits with its status. */
export async function runBenchmark(main: () => Promise<void>): Promise<never> {
  try {
    await main();
  } catch (error) {
    console.error(`[bench] FAILED: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  } finally {
    await cleanup();
  }
  // Nest's schedulers or pools left behind must not keep a finished benchmark alive.
  process.exit(process.exitCode ?? 0);
}
