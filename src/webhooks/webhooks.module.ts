import { Module } from '@nestjs/common';

import { PartnersModule } from '../partners/partners.module.js';
import { WebhookDispatcher } from './webhook-dispatcher.js';
import { WebhookOutboxRepository } from './webhook-outbox.repository.js';
import { WebhookOutboxPurgeJob } from './webhook-outbox-purge.job.js';
import { WebhooksService } from './webhooks.service.js';

/**
 * Webhook delivery: the outbox table (webhook_outbox), its dispatcher and retention, signatures
 * (webhook-signature.ts) and where a webhook may be sent (webhook-target.ts). A partner's webhook
 * URL and signing secrets are columns of the partner table, so PartnersModule owns them (and
 * validates URLs and makes secrets with this module's functions); this module asks it where and
 * with what to deliver. Referrals queue their events through WebhooksService.
 */
@Module({
  imports: [PartnersModule],
  providers: [WebhooksService, WebhookOutboxRepository, WebhookDispatcher, WebhookOutboxPurgeJob],
  exports: [WebhooksService],
})
export class WebhooksModule {}
