import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { IdempotencyModule } from '../idempotency/idempotency.module.js';
import { ResourcesModule } from '../resources/resources.module.js';
import { IntakeController } from './intake.controller.js';
import { Intake } from './intake.entity.js';
import { IntakeRepository } from './intake.repository.js';
import { IntakeService } from './intake.service.js';
import { IntakePurgeJob } from './intake-purge.job.js';
import { SafetyLinesController } from './safety-lines.controller.js';

@Module({
  imports: [ResourcesModule, IdempotencyModule, TypeOrmModule.forFeature([Intake])],
  controllers: [IntakeController, SafetyLinesController],
  providers: [IntakeService, IntakeRepository, IntakePurgeJob],
  exports: [IntakeService, IntakeRepository],
})
export class IntakeModule {}
