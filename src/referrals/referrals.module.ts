import { Module } from '@nestjs/common';
import { ConfigModule } from '../config/config.module.js';
import { WebhookDispatcher } from './webhook-dispatcher.js';
import { WebhookOutboxPurgeJob } from './webhook-outbox-purge.job.js';
import { IdempotencyModule } from '../idempotency/idempotency.module.js';
import { IntakeModule } from '../intake/intake.module.js';
import { ResourcesModule } from '../resources/resources.module.js';
import { ReferralsController } from './referrals.controller.js';
import { ReferralsRepository } from './referrals.repository.js';
import { ReferralsService } from './referrals.service.js';

@Module({
  imports: [IdempotencyModule, ConfigModule, IntakeModule, ResourcesModule],
  controllers: [ReferralsController],
  providers: [ReferralsService, ReferralsRepository, WebhookDispatcher, WebhookOutboxPurgeJob],
})
export class ReferralsModule {}
