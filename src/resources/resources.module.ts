import { Module } from '@nestjs/common';
import { ConfigModule } from '../config/config.module.js';
import { ResourcesController } from './resources.controller.js';
import { ResourcesRepository } from './resources.repository.js';
import { ResourcesService } from './resources.service.js';

@Module({
  imports: [ConfigModule],
  controllers: [ResourcesController],
  providers: [ResourcesService, ResourcesRepository],
  exports: [ResourcesService, ResourcesRepository],
})
export class ResourcesModule {}
