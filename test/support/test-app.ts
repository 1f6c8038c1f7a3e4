import 'reflect-metadata';

import type { INestApplicationContext, Type } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { SchedulerRegistry } from '@nestjs/schedule';
import { Test } from '@nestjs/testing';
import request from 'supertest';

import { AppModule } from '../../src/app.module.js';
import { configureApp, createAdapter } from '../../src/app.setup.js';
import { Clock } from '../../src/common/clock.js';
import { type Environment, validateEnvironment } from '../../src/config/environment.js';
import { PartnersService } from '../../src/partners/partners.service.js';
import type { Scope } from '../../src/partners/scopes.js';
import { DirectoryChangeFeed } from '../../src/resources/directory-index/change-feed.js';
import { ContractRecorder } from './contract.js';
import { createTestDatabase } from './test-database.js';

export interface TestPartner {
  partnerId: string;
  secretKey: string;
  publishableKey: string;
  /** Authorization header value for the secret key. */
  auth: string;
}

export interface TestApp {
  app: NestFastifyApplication;
  http: () => ReturnType<typeof request>;
  env: Environment;
  databaseUrl: string;
  /** Closes the app, then fails if any response it sent broke docs/openapi.json. */
  close: () => Promise<void>;
  contract: ContractRecorder;
  /** A new partner with a secret key (given scopes, default all but admin) and a publishable key. */
  createPartner: (options?: { name?: string; origins?: string[]; scopes?: Scope[]; rateLimitPerMinute?: number }) => Promise<TestPartner>;
}

/**
 * Scheduling off in tests: every cron job and interval is stopped the moment it is registered
 * (synchronously, before any of its timers can fire), so a live RETENTION_CRON tick at xx:00 can
 * never take the hourly slot a test is about to claim, and webhooks are delivered only when a
 * test calls WebhookDispatcher.deliverDue(). Tests call the jobs' methods themselves.
 */
class NoSchedulingRegistry extends SchedulerRegistry {
  override addCronJob(name: string, job: Parameters<SchedulerRegistry['addCronJob']>[1]): void {
    (job as { stop: () => unknown }).stop();
    super.addCronJob(name, job);
  }

  override addInterval<T = unknown>(name: string, intervalId: T): void {
    clearInterval(intervalId as Parameters<typeof clearInterval>[0]);
    super.addInterval(name, intervalId);
  }
}

/**
 * Resolves once the app's directory index holds every directory change committed before the call
 * (building it first, if needed). Tests that write rows with SQL call it before they search.
 */
export function waitForDirectoryIndex(app: INestApplicationContext): Promise<void> {
  return app.get(DirectoryChangeFeed).refreshNow();
}

/** The real HTTP app (same configureApp as production) on its own database. */
export async function createTestApp(
  overrides: Record<string, string> = {},
  extraModules: Type[] = [],
  options: { databaseUrl?: string; waitForIndex?: boolean; clock?: Clock } = {},
): Promise<TestApp> {
  // Several apps may share one database to act as instances of one deployment.
  const url = options.databaseUrl ?? (await createTestDatabase());
  // Generous per-IP limits by default (every test request comes from 127.0.0.1): suites that test
  // rate limiting set their own.
  const generous = '1000000';
  const env = validateEnvironment({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    SEED_ON_START: 'false',
    RATE_LIMIT_ANON_PER_MINUTE: generous,
    RATE_LIMIT_KEY_LOOKUPS_PER_MINUTE: generous,
    RATE_LIMIT_WIDGET_FRAME_PER_MINUTE: generous,
    PUBLISHABLE_KEY_PER_IP_PER_MINUTE: generous,
    PUBLISHABLE_KEY_WRITES_PER_IP_PER_MINUTE: generous,
    RATE_LIMIT_CLAIM_REDEEM_PER_MINUTE: generous,
    RATE_LIMIT_LISTING_KEY_PER_MINUTE: generous,
    RATE_LIMIT_REPORTS_PER_IP_PER_HOUR: generous,
    RATE_LIMIT_REPORTS_PER_PARTNER_PER_HOUR: generous,
    ...overrides,
    DATABASE_URL: url,
  });
  let testing = Test.createTestingModule({ imports: [AppModule.forRoot(env), ...extraModules] })
    .overrideProvider(SchedulerRegistry)
    .useClass(NoSchedulingRegistry);
  // A fixed clock (FixedClock) makes date rules (verification status, report windows) testable without waiting.
  if (options.clock) testing = testing.overrideProvider(Clock).useValue(options.clock);
  const moduleRef = await testing.compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(createAdapter(env), { logger: false });
  // Every response this app sends is checked against docs/openapi.json (test/support/contract.ts).
  const contract = new ContractRecorder();
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onSend', async (req, reply, payload) => {
      contract.record({
        method: req.method,
        route: req.routeOptions?.url,
        url: req.url,
        status: reply.statusCode,
        headers: reply.getHeaders(),
        body: typeof payload === 'string' ? payload : Buffer.isBuffer(payload) ? payload.toString('utf8') : undefined,
      });
      return payload;
    });
  configureApp(app, env);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  // The directory index builds in the background: tests start once it serves (the readiness test opts out).
  if (options.waitForIndex !== false) await waitForDirectoryIndex(app);
  let partners = 0;
  return {
    app,
    env,
    databaseUrl: url,
    http: () => request(app.getHttpServer()),
    close: async () => {
      await app.close();
      contract.assertClean();
    },
    contract,
    createPartner: async (options = {}) => {
      const { partner, keys } = await app.get(PartnersService).createPartner(
        {
          name: options.name ?? `partner-${++partners}`,
          allowedOrigins: options.origins ?? ['https://partner.example'],
          rateLimitPerMinute: options.rateLimitPerMinute,
        },
        'test',
        options.scopes ?? [
          'directory:read',
          'intakes:write',
          'referrals:read',
          'referrals:write',
          'resources:write',
          'keys:manage',
          'webhooks:manage',
        ],
      );
      return {
        partnerId: partner.id,
        secretKey: keys[0].plaintext,
        publishableKey: keys[1].plaintext,
        auth: `Bearer ${keys[0].plaintext}`,
      };
    },
  };
}
