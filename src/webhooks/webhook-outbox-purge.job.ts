import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Environment } from '../config/environment.js';
import { runOncePerHour, scheduleRetentionJob } from '../database/scheduled-run.js';
import { WebhookOutboxRepository } from './webhook-outbox.repository.js';

/**
 * Webhook events carry referral summaries: once delivered (or given up on), they are kept only
 * WEBHOOK_EVENT_RETENTION_DAYS for support, then deleted; hourly, on one instance. Pending events
 * stay until delivered or failed.
 */
@Injectable()
export class WebhookOutboxPurgeJob implements OnModuleInit {
  private readonly logger = new Logger('WebhookOutboxPurge');
  constructor(
    private readonly outbox: WebhookOutboxRepository,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly registry: SchedulerRegistry,
    private readonly env: Environment,
  ) {}

  onModuleInit(): void {
    scheduleRetentionJob(this.registry, 'purge-webhook-events', this.env.RETENTION_CRON, () => this.scheduledPurge());
  }

  scheduledPurge(): Promise<number | undefined> {
    return runOncePerHour(this.dataSource, 'purge-webhook-events', () => this.purgeOldEvents());
  }

  async purgeOldEvents(): Promise<number> {
    const purged = await this.outbox.purgeFinished(this.env.WEBHOOK_EVENT_RETENTION_DAYS);
    if (purged) this.logger.log(`Purged ${purged} old webhook events`);
    return purged;
  }
}
