import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer } from 'node:http';

import pg from 'pg';

import { findFreePort } from '../src/database/embedded-postgres.js';
import { machine, machineLine } from './machine.js';

/**
 * `DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres REDIS_URL=redis://127.0.0.1:6379 npm run scale:demo`
 *
 * Two Mend API processes on one PostgreSQL database and one Redis, as a scaled-out deployment
 * runs, showing that: rate limits are shared, idempotency holds across instances, each webhook
 * event is delivered once, and a scheduled purge runs on one instance only. Uses a scratch
 * database (dropped at the end) and a fresh Redis key namespace.
 */
const serverUrl = process.env.DATABASE_URL;
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
if (!serverUrl) {
  console.error('Set DATABASE_URL (a PostgreSQL server both instances share) and optionally REDIS_URL.');
  process.exit(2);
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const scratch = `mend_scale_${randomBytes(4).toString('hex')}`;
const scratchUrl = Object.assign(new URL(serverUrl), { pathname: `/${scratch}` }).toString();

async function sql<T = Record<string, unknown>>(text: string, values: unknown[] = [], url = scratchUrl): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, values)).rows as T[];
  } finally {
    await client.end();
  }
}

const children: ChildProcess[] = [];

/** A setup request that must succeed: anything else stops the demo with the answer, instead of passing vacuously later. */
async function must(step: string, response: Promise<Response>, expected: number): Promise<Response> {
  const res = await response;
  if (res.status !== expected)
    throw new Error(`setup failed: ${step} answered ${res.status} (expected ${expected}): ${(await res.text()).slice(0, 300)}`);
  return res;
}
const checks: Record<string, boolean> = {};
const facts: Record<string, unknown> = {};

const auth = (k: string) => ({ authorization: `Bearer ${k}`, 'content-type': 'application/json' });
/** The intake the referral checks refer to. */
type Intake = { id: string; matches: { resource: { id: string } }[] };

/** A scratch database, migrated, with one expired intake; two instances on it, both ready. Returns their base URLs and environment. */
async function startInstances(): Promise<{ bases: string[]; env: NodeJS.ProcessEnv }> {
  await sql(`CREATE DATABASE "${scratch}"`, [], serverUrl);
  const env = {
    ...process.env,
    DATABASE_URL: scratchUrl,
    REDIS_URL: redisUrl,
    HOST: '127.0.0.1',
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
    DEMO_PARTNER: 'false',
    API_KEY_SECRET: randomBytes(32).toString('hex'),
    RATE_LIMIT_REDIS_PREFIX: `mend-scale:${randomBytes(4).toString('hex')}`,
    RETENTION_CRON: '*/2 * * * * *', // every 2 s here, so the demo sees both instances fire
    WEBHOOK_TEST_ALLOWED_CIDRS: '127.0.0.1/32', // the demo's own local webhook receiver
  };
  // An intake already past retention, before the instances start: the first claimed purge removes it.
  execFileSync('node', ['dist/scripts/migration-run.js'], { env, stdio: 'ignore' });
  await sql(
    `INSERT INTO intake (answers, safety_level, recommendation, expires_at) VALUES ('{}', 'none', 'couples_counseling', now() - interval '1 day')`,
  );
  const bases: string[] = [];
  for (let i = 0; i < 2; i++) {
    const port = await findFreePort();
    children.push(spawn('node', ['dist/src/main.js'], { env: { ...env, PORT: String(port) }, stdio: ['ignore', 'ignore', 'inherit'] }));
    bases.push(`http://127.0.0.1:${port}`);
  }
  for (const base of bases) {
    let ready = false;
    for (let i = 0; i < 150 && !ready; i++) {
      ready = await fetch(`${base}/health/ready`).then(
        (r) => r.ok,
        () => false,
      );
      if (!ready) await sleep(200);
    }
    if (!ready) throw new Error(`setup failed: ${base}/health/ready never answered 200`);
  }
  return { bases, env };
}

/** One rate limit across both instances (Redis). */
async function checkSharedRateLimit(bases: string[], limited: string): Promise<void> {
  const statuses: number[] = [];
  for (let i = 0; i < 40; i++) statuses.push((await fetch(`${bases[i % 2]}/v1/taxonomy`, { headers: auth(limited) })).status);
  facts.rateLimit = {
    limitPerMinute: 30,
    sent: 40,
    ok: statuses.filter((s) => s === 200).length,
    limited: statuses.filter((s) => s === 429).length,
  };
  checks.rateLimitShared = statuses.filter((s) => s === 200).length === 30;
}

/** Idempotency across instances: the same key sent to both at once creates one referral. */
async function checkIdempotency(bases: string[], key: string): Promise<Intake> {
  const intake = (await (
    await must(
      'POST /v1/intakes',
      fetch(`${bases[0]}/v1/intakes`, {
        method: 'POST',
        headers: auth(key),
        body: JSON.stringify({ concerns: ['lying'], willingness: 'both', region: 'US-OH' }),
      }),
      201,
    )
  ).json()) as Intake;
  const body = JSON.stringify({ intakeId: intake.id, resourceId: intake.matches[0].resource.id, clientReference: 'scale-idem' });
  const idem = randomUUID();
  const burst = await Promise.all(
    Array.from({ length: 10 }, (_, i) =>
      fetch(`${bases[i % 2]}/v1/referrals`, { method: 'POST', headers: { ...auth(key), 'idempotency-key': idem }, body }).then(
        async (r) => ({ status: r.status, id: r.status === 201 ? ((await r.json()) as { id: string }).id : undefined }),
      ),
    ),
  );
  const stored = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM referral WHERE client_reference = 'scale-idem'`);
  facts.idempotency = { requests: 10, statuses: burst.map((b) => b.status), referralsStored: stored[0].n };
  checks.idempotencyAcrossInstances = stored[0].n === 1 && new Set(burst.filter((b) => b.id).map((b) => b.id)).size === 1;
  return intake;
}

/** Webhooks: both instances drain the outbox; each event arrives once. */
async function checkWebhooks(bases: string[], key: string, intake: Intake): Promise<void> {
  const received = new Map<string, number>();
  const receiver = createServer((req, res) => {
    const id = String(req.headers['mend-event-id']);
    received.set(id, (received.get(id) ?? 0) + 1);
    req.resume().on('end', () => res.writeHead(204).end());
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', () => r()));
  const hook = `http://127.0.0.1:${(receiver.address() as { port: number }).port}/hook`;
  await must(
    'PUT /v1/partners/me/webhook',
    fetch(`${bases[0]}/v1/partners/me/webhook`, { method: 'PUT', headers: auth(key), body: JSON.stringify({ url: hook }) }),
    200,
  );
  for (let i = 0; i < 30; i++) {
    await must(
      `POST /v1/referrals #${i}`,
      fetch(`${bases[i % 2]}/v1/referrals`, {
        method: 'POST',
        headers: auth(key),
        body: JSON.stringify({ intakeId: intake.id, resourceId: intake.matches[0].resource.id, clientReference: `scale-${i}` }),
      }),
      201,
    );
  }
  let pending = Infinity;
  for (let i = 0; i < 60 && pending > 0; i++) {
    await sleep(500);
    pending = (await sql<{ n: number }>(`SELECT count(*)::int AS n FROM webhook_outbox WHERE state <> 'delivered'`))[0].n;
  }
  await sleep(3000); // let both dispatchers run again: nothing may be sent twice
  receiver.close();
  const events = (await sql<{ n: number }>(`SELECT count(*)::int AS n FROM webhook_outbox`))[0].n;
  facts.webhooks = { events, received: received.size, duplicates: [...received.values()].filter((n) => n > 1).length };
  // At least the 30 referral.created events: zero delivered must never pass as "each delivered once".
  checks.eachWebhookOnce =
    events >= 30 && received.size >= 1 && pending === 0 && received.size === events && [...received.values()].every((n) => n === 1);
}

/** A scheduled purge fires on both instances every 2 s; one claims the hour and runs it. */
async function checkPurge(): Promise<void> {
  await sleep(3000);
  const claims = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM scheduled_job_run WHERE job = 'purge-expired-intakes'`);
  const expired = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM intake WHERE expires_at < now()`);
  facts.purge = { claimsThisHour: claims[0].n, expiredLeft: expired[0].n };
  checks.purgeRunsOnce = claims[0].n === 1 && expired[0].n === 0;
}

async function main(): Promise<void> {
  const { bases, env } = await startInstances();
  const keyOf = (name: string, limit: number) =>
    /mend_sk_test_\w+/.exec(
      execFileSync('node', ['dist/scripts/partner-create.js', '--name', name, '--rate-limit', String(limit), '--test'], {
        env,
        encoding: 'utf8',
      }),
    )![0];
  const limited = keyOf('limited', 30);
  const key = keyOf('busy', 100000);
  await checkSharedRateLimit(bases, limited);
  const intake = await checkIdempotency(bases, key);
  await checkWebhooks(bases, key, intake);
  await checkPurge();
}

let ok = false;
try {
  await main();
  ok = Object.keys(checks).length === 4 && Object.values(checks).every(Boolean);
} catch (error) {
  console.error(error);
} finally {
  for (const child of children) child.kill('SIGTERM');
  await sleep(1500);
  await sql(`DROP DATABASE IF EXISTS "${scratch}" WITH (FORCE)`, [], serverUrl).catch(() => undefined);
}
for (const [name, passed] of Object.entries(checks)) console.log(`${passed ? 'PASS' : 'FAIL'}  ${name}`);
console.log(machineLine());
console.log(JSON.stringify({ demo: 'scale', instances: 2, machine: machine(), ...facts, checks }));
process.exit(ok ? 0 : 1);
