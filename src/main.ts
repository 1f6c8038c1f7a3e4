import 'reflect-metadata';

import { Logger } from '@nestjs/common';

import { createApp } from './app.setup.js';
import { validateEnvironment } from './config/environment.js';
import { handOverDatabase } from './database/database-server.js';
import { resolveDatabase, type ResolvedDatabase } from './database/database-url.js';

async function bootstrap() {
  const env = validateEnvironment(process.env);
  const logger = new Logger('Mend');
  // The database first: if it cannot start, the reason (and its fix) is all that is printed.
  const database: ResolvedDatabase = await resolveDatabase(env, (msg) => logger.log(msg));
  handOverDatabase(database);
  try {
    const app = await createApp(env);
    await app.listen({ port: env.PORT, host: env.HOST });
    const base = `http://${env.HOST === '0.0.0.0' ? 'localhost' : env.HOST}:${env.PORT}`;
    logger.log(`Mend API listening on ${base}/v1 — Swagger UI at ${base}/docs, OpenAPI at ${base}/docs-json`);
  } catch (error) {
    await database.embedded?.stop();
    throw error;
  }
}

bootstrap().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
