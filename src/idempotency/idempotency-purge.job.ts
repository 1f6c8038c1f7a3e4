import { Injectable, Logger } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { claimScheduledRun, hourSlot } from '../database/scheduled-run.js';
import { IdempotencyService } from './idempotency.service.js';

/** Forgets Idempotency-Keys after their 24 h; hourly, on one instance. */
@Injectable()
export class IdempotencyPurgeJob {
  private readonly logger = new Logger('IdempotencyPurge');
  constructor(
    private readonly idempotency: IdempotencyService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  @Cron(CronExpression.EVERY_HOUR, { name: 'purge-idempotency-records' })
  async scheduledPurge(): Promise<number | undefined> {
    if (!(await claimScheduledRun(this.dataSource, 'purge-idempotency-records', hourSlot()))) return undefined;
    const purged = await this.idempotency.purgeExpired();
    if (purged) this.logger.log(`Purged ${purged} expired idempotency records`);
    return purged;
  }
}
