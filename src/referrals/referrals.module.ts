import { Module } from '@nestjs/common';
import { WebhookDispatcher } from './webhook-dispatcher.js';
import { WebhookOutboxPurgeJob } from './webhook-outbox-purge.job.js';
import { IdempotencyModule } from '../idempotency/idempotency.module.js';
import { ReferralsController } from './referrals.controller.js';
import { ReferralsRepository } from './referrals.repository.js';
import { ReferralsService } from './referrals.service.js';

@Module({
  imports: [IdempotencyModule],
  controllers: [ReferralsController],
  providers: [ReferralsService, ReferralsRepository, WebhookDispatcher, WebhookOutboxPurgeJob],
})
export class ReferralsModule {}
