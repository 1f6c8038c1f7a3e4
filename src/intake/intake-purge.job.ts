import { Injectable, Logger } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { claimScheduledRun, hourSlot } from '../database/scheduled-run.js';
import { IntakeRepository } from './intake.repository.js';

/** Deletes intakes past their retention period (INTAKE_RETENTION_DAYS); hourly, on one instance. */
@Injectable()
export class IntakePurgeJob {
  private readonly logger = new Logger('IntakePurge');
  constructor(
    private readonly intakes: IntakeRepository,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  @Cron(CronExpression.EVERY_HOUR, { name: 'purge-expired-intakes' })
  async scheduledPurge(): Promise<number | undefined> {
    if (!(await claimScheduledRun(this.dataSource, 'purge-expired-intakes', hourSlot()))) return undefined;
    return this.purgeExpiredIntakes();
  }

  async purgeExpiredIntakes(): Promise<number> {
    const purged = await this.intakes.purgeExpired();
    if (purged) this.logger.log(`Purged ${purged} expired intakes`);
    return purged;
  }
}
