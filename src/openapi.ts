import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { OpenAPIObject } from '@nestjs/swagger';

import { AppModule } from './app.module.js';
import { configureApp, createAdapter } from './app.setup.js';
import { validateEnvironment } from './config/environment.js';

/**
 * The OpenAPI document exactly as the running app serves it, built in Nest's preview
 * mode: modules are scanned but no provider is instantiated, so no database is needed.
 */
export async function generateOpenApiDocument(): Promise<OpenAPIObject> {
  const env = validateEnvironment({ NODE_ENV: 'development', LOG_LEVEL: 'silent' });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(env), createAdapter(env), {
    preview: true,
    logger: false,
    abortOnError: false,
  });
  const document = configureApp(app, env);
  await app.close();
  return document;
}

export function serializeOpenApi(document: OpenAPIObject): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}
