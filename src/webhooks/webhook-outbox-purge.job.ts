import { Injectable } from '@nestjs/common';

import { RetentionJob } from '../common/scheduling/retention-job.js';
import { WebhookOutboxRepository } from './webhook-outbox.repository.js';

/**
 * Webhook events carry referral summaries: once delivered (or given up on), they are kept only
 * WEBHOOK_EVENT_RETENTION_DAYS for support, then deleted; hourly, on one instance. Pending events
 * stay until delivered or failed.
 */
@Injectable()
export class WebhookOutboxPurgeJob extends RetentionJob {
  constructor(outbox: WebhookOutboxRepository) {
    super('purge-webhook-events', 'old webhook events', (env) => outbox.purgeFinished(env.WEBHOOK_EVENT_RETENTION_DAYS));
  }
}
