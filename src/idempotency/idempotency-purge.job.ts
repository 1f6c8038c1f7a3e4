import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { Environment } from '../config/environment.js';
import { scheduleRetentionJob } from '../database/retention-schedule.js';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { claimScheduledRun, hourSlot } from '../database/scheduled-run.js';
import { IdempotencyService } from './idempotency.service.js';

/** Forgets Idempotency-Keys after their 24 h; hourly, on one instance. */
@Injectable()
export class IdempotencyPurgeJob implements OnModuleInit {
  private readonly logger = new Logger('IdempotencyPurge');
  constructor(
    private readonly idempotency: IdempotencyService,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly registry: SchedulerRegistry,
    private readonly env: Environment,
  ) {}

  onModuleInit(): void {
    scheduleRetentionJob(this.registry, 'purge-idempotency-records', this.env.RETENTION_CRON, () => this.scheduledPurge());
  }

  async scheduledPurge(): Promise<number | undefined> {
    if (!(await claimScheduledRun(this.dataSource, 'purge-idempotency-records', hourSlot()))) return undefined;
    const purged = await this.idempotency.purgeExpired();
    if (purged) this.logger.log(`Purged ${purged} expired idempotency records`);
    return purged;
  }
}
