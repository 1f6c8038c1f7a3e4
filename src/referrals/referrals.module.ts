import { Module } from '@nestjs/common';

import { IdempotencyModule } from '../idempotency/idempotency.module.js';
import { IntakeModule } from '../intake/intake.module.js';
import { ResourcesModule } from '../resources/resources.module.js';
import { WebhooksModule } from '../webhooks/webhooks.module.js';
import { ReferralsController } from './referrals.controller.js';
import { ReferralsRepository } from './referrals.repository.js';
import { ReferralsService } from './referrals.service.js';

@Module({
  imports: [IdempotencyModule, IntakeModule, ResourcesModule, WebhooksModule],
  controllers: [ReferralsController],
  providers: [ReferralsService, ReferralsRepository],
  // For src/listings: a provider's view of the referrals to its resource, and its answers.
  exports: [ReferralsService],
})
export class ReferralsModule {}
