import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { Environment } from '../config/environment.js';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { runOncePerHour, scheduleRetentionJob } from '../database/scheduled-run.js';
import { IntakeRepository } from './intake.repository.js';

/** Deletes intakes past their retention period (INTAKE_RETENTION_DAYS); hourly, on one instance. */
@Injectable()
export class IntakePurgeJob implements OnModuleInit {
  private readonly logger = new Logger('IntakePurge');
  constructor(
    private readonly intakes: IntakeRepository,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly registry: SchedulerRegistry,
    private readonly env: Environment,
  ) {}

  onModuleInit(): void {
    scheduleRetentionJob(this.registry, 'purge-expired-intakes', this.env.RETENTION_CRON, () => this.scheduledPurge());
  }

  scheduledPurge(): Promise<number | undefined> {
    return runOncePerHour(this.dataSource, 'purge-expired-intakes', () => this.purgeExpiredIntakes());
  }

  async purgeExpiredIntakes(): Promise<number> {
    const purged = await this.intakes.purgeExpired();
    if (purged) this.logger.log(`Purged ${purged} expired intakes`);
    return purged;
  }
}
