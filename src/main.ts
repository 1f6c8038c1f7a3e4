import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApp } from './app.setup.js';
import { validateEnvironment } from './config/environment.js';

async function bootstrap() {
  const env = validateEnvironment(process.env);
  const app = await createApp(env);
  await app.listen({ port: env.PORT, host: env.HOST });
  const base = `http://${env.HOST === '0.0.0.0' ? 'localhost' : env.HOST}:${env.PORT}`;
  const logger = new Logger('Mend');
  logger.log(`Mend API listening on ${base}/v1 — Swagger UI at ${base}/docs, OpenAPI at ${base}/docs-json`);
}

bootstrap().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
