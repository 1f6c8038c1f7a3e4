import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { parseArgs } from 'node:util';

import pg from 'pg';

import { findFreePort } from '../src/database/embedded-postgres.js';
import { machine, machineLine } from './machine.js';

/**
 * `DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run fault:db`
 *
 * Runs referral traffic (each request with its own Idempotency-Key) against a real Mend
 * process while this machine's PostgreSQL server is stopped and started again
 * (`pg_ctlcluster <version> main stop|start`), and checks that:
 *  - during the outage requests get 503 problem+json quickly (no hangs, no other 5xx) and
 *    /health/ready says not ready;
 *  - after the restart the API recovers by itself within 5 s;
 *  - every referral acknowledged with 201 is in the database, and retrying the failed requests
 *    with their same Idempotency-Key creates each missing referral exactly once.
 * Needs root (pg_ctlcluster) and a scratch database on DATABASE_URL's server (created, then dropped).
 */
const { values: args } = parseArgs({
  options: {
    before: { type: 'string', default: '5' },
    outage: { type: 'string', default: '10' },
    after: { type: 'string', default: '10' },
    connections: { type: 'string', default: '8' },
  },
});
const serverUrl = process.env.DATABASE_URL;
if (!serverUrl) {
  console.error('Set DATABASE_URL to the local PostgreSQL server (the one pg_ctlcluster controls).');
  process.exit(2);
}
const BEFORE_MS = Number(args.before) * 1000;
const OUTAGE_MS = Number(args.outage) * 1000;
const AFTER_MS = Number(args.after) * 1000;
const CONNECTIONS = Number(args.connections);
const REQUEST_TIMEOUT_MS = 8000;
const RECOVERY_TARGET_MS = 5000;
const version = readdirSync('/etc/postgresql').sort().pop()!;
const log = (msg: string) => console.error(`[fault] ${new Date().toISOString().slice(11, 23)} ${msg}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function cluster(action: 'stop' | 'start'): void {
  execFileSync('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', action, ...(action === 'stop' ? ['-m', 'fast'] : [])], {
    stdio: 'inherit',
  });
}

async function admin<T>(fn: (c: pg.Client) => Promise<T>, url = serverUrl!): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const scratch = `mend_fault_${randomBytes(4).toString('hex')}`;
const scratchUrl = (() => {
  const u = new URL(serverUrl);
  u.pathname = `/${scratch}`;
  return u.toString();
})();

let api: ChildProcess | undefined;

/** One POST /v1/referrals as the traffic sent it: its key, status (or why none), latency and start time. */
type Attempt = {
  idempotencyKey: string;
  clientReference: string;
  status: number | 'timeout' | 'network';
  ms: number;
  at: number;
  referralId?: string;
  problem?: boolean;
};

/** The referral the traffic creates again and again: an intake matched once. */
interface Target {
  intakeId: string;
  resourceId: string;
}

/** The API under test: where it listens, the partner's headers, and what to refer. */
interface RunningApi {
  base: string;
  headers: Record<string, string>;
  target: Target;
}

/** A scratch database, a test partner's key, the API started on it and ready, and one intake to refer from. */
async function startApi(): Promise<RunningApi> {
  await admin((c) => c.query(`CREATE DATABASE "${scratch}"`));
  const port = await findFreePort();
  const base = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    DATABASE_URL: scratchUrl,
    PORT: String(port),
    HOST: '127.0.0.1',
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
    DEMO_PARTNER: 'false',
    RATE_LIMIT_ANON_PER_MINUTE: '1000000',
    API_KEY_SECRET: randomBytes(32).toString('hex'),
  };
  const created = execFileSync('node', ['dist/scripts/partner-create.js', '--name', 'fault-test', '--rate-limit', '100000', '--test'], {
    env,
    encoding: 'utf8',
  });
  const key = /mend_sk_test_\w+/.exec(created)![0];
  api = spawn('node', ['dist/src/main.js'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  for (
    let i = 0;
    i < 100 &&
    !(await fetch(`${base}/health/ready`).then(
      (r) => r.ok,
      () => false,
    ));
    i++
  )
    await sleep(200);
  const headers = { authorization: `Bearer ${key}`, 'content-type': 'application/json' };
  const intake: { id: string; matches: { resource: { id: string } }[] } = (await (
    await fetch(`${base}/v1/intakes`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ concerns: ['lying'], willingness: 'both', region: 'US-OH' }),
    })
  ).json()) as never;
  const target = { intakeId: intake.id, resourceId: intake.matches[0].resource.id };
  return { base, headers, target };
}

/** POST /v1/referrals with this Idempotency-Key; never throws (a timeout or network error is the attempt's status). */
async function createReferral(mend: RunningApi, idempotencyKey: string, clientReference: string): Promise<Attempt> {
  const { base, headers, target } = mend;
  const t0 = Date.now();
  try {
    const res = await fetch(`${base}/v1/referrals`, {
      method: 'POST',
      headers: { ...headers, 'idempotency-key': idempotencyKey },
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      body: JSON.stringify({ ...target, clientReference }),
    });
    const body = (await res.json().catch(() => ({}))) as { id?: string };
    return {
      idempotencyKey,
      clientReference,
      status: res.status,
      ms: Date.now() - t0,
      at: t0,
      referralId: res.status === 201 ? body.id : undefined,
      problem: /problem\+json/.test(res.headers.get('content-type') ?? ''),
    };
  } catch (e) {
    return {
      idempotencyKey,
      clientReference,
      status: (e as Error).name === 'TimeoutError' ? 'timeout' : 'network',
      ms: Date.now() - t0,
      at: t0,
    };
  }
}

/**
 * Referral traffic on CONNECTIONS workers and a readiness probe, for BEFORE + OUTAGE + AFTER, while
 * PostgreSQL is stopped after BEFORE and started again OUTAGE later.
 */
async function runWithOutage(mend: RunningApi) {
  const { base } = mend;
  const attempts: Attempt[] = [];
  const readiness: { at: number; status: number | 'down' }[] = [];
  let stopAt = Infinity;
  let startAt = Infinity;
  let seq = 0;
  const start = Date.now();
  const end = start + BEFORE_MS + OUTAGE_MS + AFTER_MS;
  const workers = Array.from({ length: CONNECTIONS }, async () => {
    while (Date.now() < end) {
      const n = seq++;
      attempts.push(await createReferral(mend, randomUUID(), `fault-${n}`));
    }
  });
  const prober = (async () => {
    while (Date.now() < end) {
      const at = Date.now();
      const status = await fetch(`${base}/health/ready`, { signal: AbortSignal.timeout(3000) }).then(
        (r) => r.status,
        () => 'down' as const,
      );
      readiness.push({ at, status });
      await sleep(250);
    }
  })();
  const fault = (async () => {
    await sleep(BEFORE_MS);
    log(`stopping PostgreSQL ${version}/main`);
    stopAt = Date.now();
    cluster('stop');
    await sleep(OUTAGE_MS);
    log(`starting PostgreSQL ${version}/main`);
    cluster('start');
    startAt = Date.now();
  })();
  await Promise.all([...workers, prober, fault]);
  return { attempts, readiness, stopAt, startAt, sent: seq };
}

/** Every unacknowledged request retried with its own Idempotency-Key (waiting out orphaned claims), and some acknowledged ones replayed. */
async function retryAndReplay(mend: RunningApi, attempts: Attempt[]) {
  // Retry everything that was not acknowledged, with the same Idempotency-Key.
  const unacknowledged = attempts.filter((a) => a.status !== 201);
  const retried: Attempt[] = [];
  for (const a of unacknowledged) {
    let r = await createReferral(mend, a.idempotencyKey, a.clientReference);
    for (let i = 0; i < 45 && r.status === 409; i++) {
      await sleep(1000); // a claim orphaned by the outage goes stale after 30 s
      r = await createReferral(mend, a.idempotencyKey, a.clientReference);
    }
    retried.push(r);
  }
  // Replaying some acknowledged ones must return the same referral, not a new one.
  const replays = await Promise.all(
    attempts
      .filter((a) => a.status === 201)
      .slice(0, 20)
      .map((a) => createReferral(mend, a.idempotencyKey, a.clientReference).then((r) => r.referralId === a.referralId)),
  );
  return { retried, replays };
}

async function main(): Promise<boolean> {
  const mend = await startApi();
  const { attempts, readiness, stopAt, startAt, sent: seq } = await runWithOutage(mend);
  const { retried, replays } = await retryAndReplay(mend, attempts);

  const rows = await admin(
    (c) =>
      c
        .query(`SELECT id, client_reference FROM referral WHERE client_reference LIKE 'fault-%'`)
        .then((r) => r.rows as { id: string; client_reference: string }[]),
    scratchUrl,
  );
  const inDb = new Set(rows.map((r) => r.id));
  const perReference = new Map<string, number>();
  for (const r of rows) perReference.set(r.client_reference, (perReference.get(r.client_reference) ?? 0) + 1);

  const during = attempts.filter((a) => a.at >= stopAt && a.at < startAt);
  const acked = attempts.filter((a) => a.status === 201);
  const firstOkAfterStart = attempts.filter((a) => a.at >= startAt && a.status === 201).sort((a, b) => a.at - b.at)[0];
  const firstReadyAfterStart = readiness.filter((r) => r.at >= startAt && r.status === 200).sort((a, b) => a.at - b.at)[0];
  const recoveryMs = firstOkAfterStart ? firstOkAfterStart.at + firstOkAfterStart.ms - startAt : Infinity;
  const statusCounts = (list: Attempt[]) =>
    list.reduce<Record<string, number>>((m, a) => ((m[String(a.status)] = (m[String(a.status)] ?? 0) + 1), m), {});

  const checks = {
    outageAnswered503: during.length > 0 && during.every((a) => a.status === 503 || a.status === 201),
    outage503AreProblemJson: during.filter((a) => a.status === 503).every((a) => a.problem),
    noHangs: attempts.every((a) => a.status !== 'timeout'),
    // A refused or reset connection is only acceptable while PostgreSQL is down (the API itself must stay up).
    noNetworkErrorsOutsideOutage:
      attempts.every((a) => a.status !== 'network' || (a.at >= stopAt && a.at < startAt)) && retried.every((r) => r.status !== 'network'),
    no5xxOtherThan503: attempts.every((a) => typeof a.status !== 'number' || a.status < 500 || a.status === 503),
    readinessSaidNotReady: readiness.some((r) => r.at >= stopAt && r.at < startAt && r.status === 503),
    recoveredWithin5s: recoveryMs <= RECOVERY_TARGET_MS,
    everyAcknowledgedReferralStored: acked.length > 0 && acked.every((a) => inDb.has(a.referralId!)),
    retriesSucceeded: retried.every((r) => r.status === 201),
    noDuplicates: [...perReference.values()].every((n) => n === 1) && perReference.size === seq,
    replaysReturnTheSameReferral: replays.every(Boolean),
  };
  const report = {
    fault: 'db-restart',
    postgres: version,
    requests: attempts.length,
    acknowledged: acked.length,
    statusCounts: statusCounts(attempts),
    duringOutage: { requests: during.length, statusCounts: statusCounts(during), maxMs: Math.max(0, ...during.map((a) => a.ms)) },
    recoveryMs,
    readyAgainMs: firstReadyAfterStart ? firstReadyAfterStart.at - startAt : null,
    retried: retried.length,
    retryStatusCounts: statusCounts(retried),
    referralsInDb: rows.length,
    checks,
  };
  for (const [name, ok] of Object.entries(checks)) console.log(`${ok ? 'PASS' : 'FAIL'}  ${name}`);
  console.log(machineLine());
  console.log(JSON.stringify({ ...report, machine: machine() }));
  return Object.values(checks).every(Boolean);
}

let passed = false;
try {
  passed = await main();
} catch (error) {
  console.error(error);
} finally {
  try {
    cluster('start');
  } catch {
    /* already running */
  }
  api?.kill('SIGTERM');
  await sleep(1500);
  await admin((c) => c.query(`DROP DATABASE IF EXISTS "${scratch}" WITH (FORCE)`)).catch((error: unknown) =>
    log(`could not drop ${scratch}: ${String(error)}`),
  );
}
process.exit(passed ? 0 : 1);
