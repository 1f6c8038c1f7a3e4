import 'reflect-metadata';

import type { INestApplicationContext, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';

import { CliModule } from '../src/cli.module.js';
import { type Environment, validateEnvironment } from '../src/config/environment.js';
import { dataSourceOptions } from '../src/database/data-source-options.js';
import { handOverDatabase } from '../src/database/database-server.js';
import { adoptEmbeddedSecret, resolveDatabase, type ResolvedDatabase } from '../src/database/database-url.js';
import { runMigrations } from '../src/database/migrate.js';

/**
 * For CLI scripts: the database the app uses (DATABASE_URL, or the embedded server under
 * EMBEDDED_PG_DIR). When `npm start` already runs the embedded server, the script uses it
 * (its port and password are in the data directory); otherwise it starts one for its own run.
 * A database that cannot start is one paragraph on stderr and exit code 1, never a stack.
 */
export async function openCliDatabase(
  settings: { defaults?: Record<string, string>; overrides?: Record<string, string> } = {},
): Promise<{ env: Environment; resolved: ResolvedDatabase; close: () => Promise<void> }> {
  let env: Environment;
  let resolved: ResolvedDatabase;
  try {
    // The script's own settings: `defaults` where the variable is unset, `overrides` always.
    env = validateEnvironment({ ...settings.defaults, ...process.env, ...settings.overrides });
    resolved = await resolveDatabase(env, (msg) => console.error(msg), { attach: true });
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
  adoptEmbeddedSecret(env, resolved);
  return { env, resolved, close: async () => resolved.embedded?.stop() };
}

/** `fn` with a DataSource on the CLI database, migrated unless told otherwise, and the validated settings; stops what it started. */
export async function withDatabase<T>(fn: (dataSource: DataSource, env: Environment) => Promise<T>, migrate = true): Promise<T> {
  const { env, resolved, close } = await openCliDatabase();
  try {
    const dataSource = await new DataSource(dataSourceOptions(resolved.url, 4)).initialize();
    try {
      if (migrate) {
        const applied = await runMigrations(dataSource);
        if (applied.length) console.error(`Applied migrations: ${applied.join(', ')}`);
      }
      return await fn(dataSource, env);
    } finally {
      await dataSource.destroy();
    }
  } finally {
    await close();
  }
}

/**
 * `fn` with a Nest application context on the CLI database, migrated, holding `feature` (a module
 * of src/; CliModule) and the script's validated settings: scripts get the app's services from it.
 * Start-up seeding and the demo partner are off (the script does what it is asked, nothing else);
 * the context stops, on close, the embedded server it started.
 */
export async function withApplicationContext<T>(
  feature: Type,
  fn: (app: INestApplicationContext, env: Environment) => Promise<T>,
): Promise<T> {
  const { env, resolved, close } = await openCliDatabase({
    defaults: { LOG_LEVEL: 'warn' },
    overrides: { SEED_ON_START: 'false', DEMO_PARTNER: 'false' },
  });
  handOverDatabase(resolved);
  const app = await NestFactory.createApplicationContext(CliModule.with(feature, env), { logger: ['error', 'warn'] }).catch(
    async (error: unknown) => {
      await close();
      throw error;
    },
  );
  try {
    return await fn(app, env);
  } finally {
    await app.close();
  }
}
