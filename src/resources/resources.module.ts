import { Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { registerMergePatchParser } from './curation/merge-patch-parser.js';
import { ResourceCurationController } from './curation/resource-curation.controller.js';
import { ResourceCurationRepository } from './curation/resource-curation.repository.js';
import { ResourceCurationService } from './curation/resource-curation.service.js';
import { ResourcesController } from './resources.controller.js';
import { ResourcesRepository } from './resources.repository.js';
import { ResourcesService } from './resources.service.js';

@Module({
  controllers: [ResourcesController, ResourceCurationController],
  providers: [ResourcesService, ResourcesRepository, ResourceCurationService, ResourceCurationRepository],
  exports: [ResourcesService, ResourcesRepository],
})
export class ResourcesModule implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    // Absent in Nest's preview mode (OpenAPI generation), where no server runs.
    const fastify = this.adapterHost.httpAdapter?.getInstance?.() as FastifyInstance | undefined;
    if (fastify?.addContentTypeParser) registerMergePatchParser(fastify);
  }
}
