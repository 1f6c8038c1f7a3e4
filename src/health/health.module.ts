import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';

import { DirectoryIndexHealthIndicator } from './directory-index.health.js';
import { HealthController } from './health.controller.js';

@Module({
  imports: [TerminusModule.forRoot({ logger: false })],
  controllers: [HealthController],
  providers: [DirectoryIndexHealthIndicator],
})
export class HealthModule {}
