import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { parseCliArgs, usageError } from './cli-args.js';

/**
 * `npm run fuzz -- [--runs 2000] [--seed 42] [--only resources]`: the long property-based fuzz
 * run of every operation in docs/openapi.json (test/fuzz/api.fuzz.e2e-spec.ts, which `npm test`
 * runs small with a fixed seed). It runs under jest for the same embedded PostgreSQL (or
 * DATABASE_URL's server) and template database as the tests, then prints the requests tried per
 * operation and in total. Environment variables FUZZ_RUNS, FUZZ_SEED and FUZZ_ONLY work too.
 * Without a seed a new one is drawn, and printed so a failing run can be replayed.
 */
const USAGE = `Usage: npm run fuzz -- [--runs 2000] [--seed 42] [--only resources]

Property-based fuzzing of every operation in docs/openapi.json (FUZZ_RUNS, FUZZ_SEED and FUZZ_ONLY work too).

  --runs <n>     Requests per operation (default 2000).
  --seed <n>     Replay a run (a new seed is drawn and printed otherwise).
  --only <text>  Only operations whose path or id contains this text.`;
const { values } = parseCliArgs(
  {
    options: {
      runs: { type: 'string', default: process.env.FUZZ_RUNS ?? '2000' },
      seed: { type: 'string', default: process.env.FUZZ_SEED },
      only: { type: 'string', default: process.env.FUZZ_ONLY },
    },
  },
  USAGE,
);
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) usageError('--runs must be a positive whole number (requests per operation).', USAGE);
const seed = values.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(values.seed);
if (!Number.isInteger(seed)) usageError('--seed must be a whole number.', USAGE);

const dir = mkdtempSync(join(tmpdir(), 'mend-fuzz-'));
const reportFile = join(dir, 'report.json');
console.error(
  `Fuzzing every operation of docs/openapi.json: ${runs} requests each, seed ${seed}${values.only ? `, only "${values.only}"` : ''}.`,
);
const result = spawnSync(
  process.execPath,
  ['--experimental-vm-modules', 'node_modules/jest/bin/jest.js', '--runTestsByPath', 'test/fuzz/api.fuzz.e2e-spec.ts'],
  {
    stdio: 'inherit',
    env: {
      ...process.env,
      FUZZ_RUNS: String(runs),
      FUZZ_SEED: String(seed),
      FUZZ_REPORT: reportFile,
      FUZZ_PROGRESS: '1',
      ...(values.only ? { FUZZ_ONLY: values.only } : {}),
    },
  },
);

interface Report {
  operations: {
    key: string;
    requests: number;
    helperRequests: number;
    skipped?: string;
    failure?: string;
    byStatus: Record<string, number>;
  }[];
  setupRequests: number;
}
try {
  const report = JSON.parse(readFileSync(reportFile, 'utf8')) as Report;
  const width = Math.max(...report.operations.map((o) => o.key.length));
  console.log(`\nRequests tried per operation (seed ${seed}):`);
  for (const o of report.operations) {
    const state = o.skipped ? `skipped: ${o.skipped}` : o.failure ? 'FAILED' : 'ok';
    console.log(`  ${o.key.padEnd(width)}  ${String(o.requests).padStart(7)}  ${state}`);
  }
  const total = report.operations.reduce((sum, o) => sum + o.requests, 0);
  const helpers = report.setupRequests + report.operations.reduce((sum, o) => sum + o.helperRequests, 0);
  console.log(
    `  ${'total'.padEnd(width)}  ${String(total).padStart(7)}  over ${report.operations.length} operations (+ ${helpers} setup and ETag look-up requests)`,
  );
  const failed = report.operations.filter((o) => o.failure);
  if (failed.length)
    console.log(`\n${failed.length} operation(s) failed; replay with: npm run fuzz -- --seed ${seed} --runs ${runs} --only "<operation>"`);
} catch (error) {
  console.error(`No fuzz report was written (${(error as Error).message}); see the jest output above.`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
process.exitCode = result.status ?? 1;
