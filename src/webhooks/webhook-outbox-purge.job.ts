import { Injectable } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

import { RetentionJob } from '../common/scheduling/retention-job.js';
import { Environment } from '../config/environment.js';
import { WebhookOutboxRepository } from './webhook-outbox.repository.js';

/**
 * Webhook events carry referral summaries: once delivered (or given up on), they are kept only
 * WEBHOOK_EVENT_RETENTION_DAYS for support, then deleted; hourly, on one instance. Pending events
 * stay until delivered or failed.
 */
@Injectable()
export class WebhookOutboxPurgeJob extends RetentionJob {
  constructor(
    private readonly outbox: WebhookOutboxRepository,
    @InjectDataSource() dataSource: DataSource,
    registry: SchedulerRegistry,
    private readonly env: Environment,
  ) {
    super({ name: 'purge-webhook-events', logger: 'WebhookOutboxPurge', purged: 'old webhook events' }, { dataSource, registry, env });
  }

  protected deleteExpired(): Promise<number> {
    return this.outbox.purgeFinished(this.env.WEBHOOK_EVENT_RETENTION_DAYS);
  }
}
