import { randomUUID } from 'node:crypto';

import { type INestApplication, VersioningType } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

import { AppModule } from './app.module.js';
import { registerBodyParsing } from './common/http/json-body.js';
import { registerRequestLimits } from './common/http/request-limits.js';
import { registerSecurityHeaders } from './common/http/security-headers.js';
import { createLogger, PinoNestLogger } from './common/logging/logger.js';
import { finishOpenApiDocument } from './common/openapi/contract.js';
import { answerUnmetExpectations, problemClientErrorHandler, problemFrameworkErrors } from './common/problem/edge-problems.js';
import { ProblemDetailsFilter } from './common/problem/problem-details.filter.js';
import { createValidationPipe } from './common/problem/validation.js';
import type { Environment } from './config/environment.js';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

export function createAdapter(env: Environment) {
  const logger = createLogger(env.LOG_LEVEL);
  return new FastifyAdapter({
    loggerInstance: logger,
    // Keep a caller's X-Request-Id when it is safe to echo and log; otherwise make one.
    genReqId: (req: { headers: Record<string, string | string[] | undefined> }) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    // Request limits: a body over BODY_LIMIT_BYTES is 413; a head (request line and headers)
    // over MAX_HEADER_BYTES is 431; a request not received within REQUEST_TIMEOUT_MS is 408.
    // Node checks requestTimeout only every connectionsCheckingInterval (30 s by default), so
    // it checks often enough for the timeout to hold within a quarter. Query strings over
    // MAX_QUERY_BYTES (414) and requests not answered within REQUEST_TIMEOUT_MS (503):
    // registerRequestLimits in configureApp.
    bodyLimit: env.BODY_LIMIT_BYTES,
    requestTimeout: env.REQUEST_TIMEOUT_MS,
    http: {
      maxHeaderSize: env.MAX_HEADER_BYTES,
      headersTimeout: Math.min(60_000, env.REQUEST_TIMEOUT_MS),
      requestTimeout: env.REQUEST_TIMEOUT_MS,
      connectionsCheckingInterval: Math.min(30_000, Math.max(50, Math.floor(env.REQUEST_TIMEOUT_MS / 4))),
    },
    clientErrorHandler: problemClientErrorHandler,
    frameworkErrors: problemFrameworkErrors,
    return503OnClosing: true,
    // Off unless TRUST_PROXY lists the proxies: then request.ip is the client from X-Forwarded-For,
    // believed only from those addresses (docs/deploy/nginx.conf).
    trustProxy: env.TRUST_PROXY
      ? env.TRUST_PROXY.split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : false,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
  });
}

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Mend API')
    .setDescription(
      'Mend helps couples whose trust is damaged find the right professional help: a directory of couples-counseling ' +
        'resources (local, online, low-cost, workshops, self-guided, crisis lines), safe intake and matching, and referrals ' +
        'for partner websites. Errors are RFC 9457 application/problem+json.',
    )
    .setVersion('1.0')
    .setLicense('MIT', 'https://opensource.org/licenses/MIT')
    .addServer('/', 'This Mend instance (the API is served under /v1 next to /docs)')
    // Tag order is the order of the reference: what a newcomer looks for first.
    .addTag('directory', 'Search and read counseling resources and the taxonomy.')
    .addTag('intake', "Describe a couple's situation and get safe, ranked recommendations; the safety lines to show.")
    .addTag('referrals', 'Refer a couple to a resource and follow the referral through its lifecycle.')
    .addTag('reports', 'Report a problem with a listing: open to visitors and partners, screened for personal data.')
    .addTag(
      'curation',
      'Add and maintain directory listings, let providers claim theirs, triage reports and follow freshness (keys with resources:write).',
    )
    .addTag(
      'listing',
      "A provider keeps its own listing current and answers referrals to it, with a listing key redeemed from a curator's claim.",
    )
    .addTag('hsds', 'The directory as Open Referral HSDS 3.0.')
    .addTag('partners', 'Partner profile, API keys and webhooks.')
    .addTag('health', 'Liveness and readiness probes.')
    .addBearerAuth(
      {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'mend_sk_…',
        description: 'Secret key (server-side): mend_sk_live_… or mend_sk_test_…',
      },
      'secretKey',
    )
    .addBearerAuth(
      {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'mend_pk_…',
        description: "Publishable key (browsers, from the partner's allowed origins): mend_pk_…",
      },
      'publishableKey',
    )
    .addBearerAuth(
      {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'mend_lk_…',
        description: "A provider's listing key (redeemed from a listing claim): mend_lk_live_… Works only on /v1/listing routes.",
      },
      'listingKey',
    )
    .build();
  return finishOpenApiDocument(
    SwaggerModule.createDocument(app, config, {
      operationIdFactory: (_controller, method) => method,
    }),
  );
}

/** Everything about the HTTP surface, shared by main.ts, the e2e tests and the OpenAPI generator. */
export function configureApp(app: NestFastifyApplication, env: Environment): OpenAPIObject {
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });
  registerRequestLimits(fastify, { maxQueryBytes: env.MAX_QUERY_BYTES, handlerTimeoutMs: env.REQUEST_TIMEOUT_MS });
  registerBodyParsing(app, env.BODY_LIMIT_BYTES);
  answerUnmetExpectations(fastify.server);
  registerSecurityHeaders(fastify, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    crossOriginResourcePolicy: { policy: 'same-site' },
  });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.enableVersioning({ type: VersioningType.URI, defaultVersion: '1' });
  app.enableShutdownHooks();
  const document = buildOpenApiDocument(app);
  if (env.DOCS_ENABLED) SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json', yamlDocumentUrl: 'docs-yaml' });
  return document;
}

/** The app on `env`, which its entry point validated once (main.ts, a benchmark). */
export async function createApp(env: Environment): Promise<NestFastifyApplication> {
  const adapter = createAdapter(env);
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(env), adapter, {
    logger: new PinoNestLogger(adapter.getInstance().log as never),
    bufferLogs: false,
    // Rethrow instead of process.abort(), so main.ts can stop the embedded database and exit 1.
    abortOnError: false,
  });
  configureApp(app, env);
  return app;
}
