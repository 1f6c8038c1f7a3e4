import { Module, type OnModuleInit } from '@nestjs/common';
import { APP_GUARD, HttpAdapterHost } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { FastifyInstance } from 'fastify';

import { rateLimitSubject } from '../common/http/client-network.js';
import { PROBLEM_TYPE_BASE } from '../common/problem/problem.js';
import { Environment } from '../config/environment.js';
import { DatabaseModule } from '../database/database.module.js';
import { AccessGuard } from './access.guard.js';
import { ApiKey } from './api-key.entity.js';
import { ApiKeysService } from './api-keys.service.js';
import { registerCorsPreflight } from './cors-preflight.js';
import { DemoPartnerBootstrap } from './demo-partner.js';
import { KeyEvents } from './key-events.js';
import { Partner } from './partner.entity.js';
import { PartnerOrigins } from './partner-origins.js';
import { KeysController, PartnersController } from './partners.controller.js';
import { PartnersRepository } from './partners.repository.js';
import { PartnersService } from './partners.service.js';
import { rateLimitHeaders, RateLimitService } from './rate-limit.service.js';

@Module({
  imports: [DatabaseModule, TypeOrmModule.forFeature([Partner, ApiKey])],
  controllers: [PartnersController, KeysController],
  providers: [
    ApiKeysService,
    KeyEvents,
    PartnersService,
    PartnersRepository,
    PartnerOrigins,
    RateLimitService,
    DemoPartnerBootstrap,
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [ApiKeysService, PartnersService],
})
export class PartnersModule implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly origins: PartnerOrigins,
    private readonly rateLimits: RateLimitService,
    private readonly env: Environment,
  ) {}

  onModuleInit(): void {
    // Absent in Nest's preview mode (OpenAPI generation), where no server runs.
    const fastify: FastifyInstance | undefined = this.adapterHost.httpAdapter?.getInstance?.();
    if (!fastify?.addHook) return;
    registerCorsPreflight(fastify, this.origins);
    // The widget frame looks its key up with no API guard in front: limit loads per IP first.
    fastify.addHook('onRequest', async (request, reply) => {
      if (request.method !== 'GET' || !/^\/widget\/frame(\?|\/?$)/.test(request.url)) return;
      const decision = await this.rateLimits.consume('frame', rateLimitSubject(request.ip), this.env.RATE_LIMIT_WIDGET_FRAME_PER_MINUTE);
      void reply.headers(rateLimitHeaders(decision));
      if (decision.allowed) return;
      return reply
        .code(429)
        .headers({
          'retry-after': String(decision.resetSeconds),
          'cache-control': 'no-store',
          'content-type': 'application/problem+json; charset=utf-8',
        })
        .send({
          type: `${PROBLEM_TYPE_BASE}rate-limited`,
          title: 'Too Many Requests',
          status: 429,
          code: 'rate_limited',
          detail: `Too many requests: the limit is ${decision.limit} per minute. Retry after ${decision.resetSeconds} s.`,
          instance: request.url.split('?')[0],
          requestId: request.id,
        });
    });
  }
}
