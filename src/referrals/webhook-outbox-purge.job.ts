import { Injectable } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { RetentionJob } from '../common/scheduling/retention-job.js';
import { Environment } from '../config/environment.js';

/**
 * Webhook events carry referral summaries: once delivered (or given up on), they are kept only
 * WEBHOOK_EVENT_RETENTION_DAYS for support, then deleted; hourly, on one instance. Pending events
 * stay until delivered or failed.
 */
@Injectable()
export class WebhookOutboxPurgeJob extends RetentionJob {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    registry: SchedulerRegistry,
    private readonly env: Environment,
  ) {
    super({ name: 'purge-webhook-events', logger: 'WebhookOutboxPurge', purged: 'old webhook events' }, { dataSource, registry, env });
  }

  protected async deleteExpired(): Promise<number> {
    const [, affected]: [unknown, number] = await this.dataSource.query(
      `DELETE FROM webhook_outbox WHERE state IN ('delivered', 'failed')
         AND coalesce(delivered_at, created_at) < now() - make_interval(days => $1)`,
      [this.env.WEBHOOK_EVENT_RETENTION_DAYS],
    );
    return affected ?? 0;
  }
}
