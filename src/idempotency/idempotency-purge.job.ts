import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { Environment } from '../config/environment.js';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { runOncePerHour, scheduleRetentionJob } from '../database/scheduled-run.js';
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

  scheduledPurge(): Promise<number | undefined> {
    return runOncePerHour(this.dataSource, 'purge-idempotency-records', async () => {
      const purged = await this.idempotency.purgeExpired();
      if (purged) this.logger.log(`Purged ${purged} expired idempotency records`);
      return purged;
    });
  }
}
