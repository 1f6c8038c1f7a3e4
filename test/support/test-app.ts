import 'reflect-metadata';
import type { Type } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { AppModule } from '../../src/app.module.js';
import { configureApp, createAdapter } from '../../src/app.setup.js';
import { Environment, validateEnvironment } from '../../src/config/environment.js';
import { createTestDatabase } from './test-database.js';

export interface TestApp {
  app: NestFastifyApplication;
  http: () => ReturnType<typeof request>;
  env: Environment;
  databaseUrl: string;
  close: () => Promise<void>;
}

/** The real HTTP app (same configureApp as production) on its own database. */
export async function createTestApp(overrides: Record<string, string> = {}, extraModules: Type[] = []): Promise<TestApp> {
  const url = await createTestDatabase();
  const env = validateEnvironment({ NODE_ENV: 'test', LOG_LEVEL: 'silent', SEED_ON_START: 'false', ...overrides, DATABASE_URL: url });
  const moduleRef = await Test.createTestingModule({ imports: [AppModule, ...extraModules] })
    .overrideProvider(Environment)
    .useValue(env)
    .compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(createAdapter(env), { logger: false });
  await configureApp(app, env);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return {
    app,
    env,
    databaseUrl: url,
    http: () => request(app.getHttpServer()),
    close: () => app.close(),
  };
}
