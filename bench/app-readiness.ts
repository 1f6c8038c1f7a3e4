import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

import { log, startMend } from './bench-support.js';

/*
 * The app under test, started and waited for until ready, with what the benchmarks report about
 * its directory index (bench:search, bench:intake).
 */

/** A full GC on demand, without --expose-gc on the command line: index memory is read after one. */
function exposeGc(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

/** What a benchmark reports about the directory index: from /health/ready when the app says, else measured here. */
export interface IndexFigures {
  buildMs: number;
  rssMb: number;
  /** How the figures were obtained, for the report. */
  source: string;
}

const MiB = 2 ** 20;

/** Polls GET /health/ready until it answers 200 (the app answers 503 while its directory index builds). */
export async function waitForReady(baseUrl: string, timeoutMs: number): Promise<unknown> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const res = await fetch(`${baseUrl}/health/ready`).catch(() => undefined);
    if (res?.status === 200) return res.json();
    await res?.body?.cancel();
    if (performance.now() > deadline) throw new Error(`${baseUrl}/health/ready did not answer 200 within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * The directory index's entry of a readiness body (terminus: `info` / `details`, keyed by indicator),
 * found by name so the benchmark does not depend on its exact shape; undefined when the app has no index.
 */
export function indexOfReadiness(body: unknown): Record<string, unknown> | undefined {
  const groups =
    body && typeof body === 'object' ? [(body as Record<string, unknown>).info, (body as Record<string, unknown>).details] : [];
  for (const group of groups) {
    if (!group || typeof group !== 'object') continue;
    for (const [name, value] of Object.entries(group)) {
      if (/index|directory/i.test(name) && value && typeof value === 'object') return value as Record<string, unknown>;
    }
  }
  return undefined;
}

/** Build time (ms) and memory (MB) in an index entry, whatever they are called: `buildMs`, `rssMb`, `memoryBytes`… */
export function reportedIndexFigures(entry: Record<string, unknown>): { buildMs?: number; rssMb?: number } {
  const out: { buildMs?: number; rssMb?: number } = {};
  // Nested names count with their parents' (`build: { durationMs }` is a build time).
  const visit = (object: Record<string, unknown>, parents: string) => {
    for (const [key, value] of Object.entries(object)) {
      const name = `${parents}${key}`;
      if (value && typeof value === 'object' && !Array.isArray(value)) visit(value as Record<string, unknown>, `${name}.`);
      if (typeof value !== 'number') continue;
      if (out.buildMs === undefined && /build/i.test(name) && /ms$/i.test(name)) out.buildMs = value;
      else if (out.buildMs === undefined && /build/i.test(name) && /seconds$/i.test(name)) out.buildMs = value * 1000;
      else if (out.rssMb === undefined && /rss|memory|heap/i.test(name) && /mi?b$/i.test(name)) out.rssMb = value;
      else if (out.rssMb === undefined && /rss|memory|heap/i.test(name) && /bytes$/i.test(name)) out.rssMb = value / MiB;
    }
  };
  visit(entry, '');
  return out;
}

/**
 * startMend, then waits until /health/ready answers 200, and reports the directory index's build
 * time and memory: the app's own figures from the readiness body when it gives them; otherwise
 * measured in this process (time from app creation to ready, RSS growth over it after a full GC):
 * upper bounds, since they include the app's own start-up.
 */
export async function startMendReady(
  databaseUrl: string,
  settings: Record<string, string> = {},
  readyTimeoutMs = 600_000,
): Promise<Awaited<ReturnType<typeof startMend>> & { index: IndexFigures }> {
  const gc = exposeGc();
  gc();
  const rssBefore = process.memoryUsage().rss;
  const started = performance.now();
  const mend = await startMend(databaseUrl, settings);
  const readiness = await waitForReady(`http://127.0.0.1:${mend.port}`, readyTimeoutMs);
  const readyMs = performance.now() - started;
  gc();
  const rssGrowthMb = (process.memoryUsage().rss - rssBefore) / MiB;
  // Without an index entry in /health/ready (an app without an index, or one that does not report it), the
  // figures are measured here; the source says so, and for an app without an index they are its start-up.
  const reported = reportedIndexFigures(indexOfReadiness(readiness) ?? {});
  const index: IndexFigures = {
    buildMs: reported.buildMs ?? readyMs,
    rssMb: reported.rssMb ?? rssGrowthMb,
    source:
      `build time ${reported.buildMs !== undefined ? 'from /health/ready' : 'measured: app creation to ready, includes start-up'}, ` +
      `memory ${reported.rssMb !== undefined ? 'from /health/ready' : 'measured: RSS growth over start-up after a full GC, includes the app'}`,
  };
  log(`app ready after ${(readyMs / 1000).toFixed(1)} s; index: ${index.source}`);
  return { ...mend, index };
}
