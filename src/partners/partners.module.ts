import { Module, type OnModuleInit } from '@nestjs/common';
import { APP_GUARD, HttpAdapterHost } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { FastifyInstance } from 'fastify';
import { ConfigModule } from '../config/config.module.js';
import { DatabaseModule } from '../database/database.module.js';
import { AccessGuard } from './access.guard.js';
import { ApiKey } from './api-key.entity.js';
import { ApiKeysService } from './api-keys.service.js';
import { registerCorsPreflight } from './cors-preflight.js';
import { DemoPartnerBootstrap } from './demo-partner.js';
import { PartnerOrigins } from './partner-origins.js';
import { Partner } from './partner.entity.js';
import { KeysController, PartnersController } from './partners.controller.js';
import { PartnersService } from './partners.service.js';
import { RateLimitService } from './rate-limit.service.js';

@Module({
  imports: [ConfigModule, DatabaseModule, TypeOrmModule.forFeature([Partner, ApiKey])],
  controllers: [PartnersController, KeysController],
  providers: [
    ApiKeysService,
    PartnersService,
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
  ) {}

  onModuleInit(): void {
    // Absent in Nest's preview mode (OpenAPI generation), where no server runs.
    const fastify = this.adapterHost.httpAdapter?.getInstance?.() as FastifyInstance | undefined;
    if (fastify?.addHook) registerCorsPreflight(fastify, this.origins);
  }
}
