import { Inject, Logger, type OnModuleInit } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

import { Environment } from '../../config/environment.js';
import { runOncePerHour, scheduleRetentionJob } from '../../database/scheduled-run.js';

/**
 * A job that deletes what is past its retention: every instance registers it on RETENTION_CRON
 * (default hourly), and the one that claims the hour's slot runs it (runOncePerHour).
 * A subclass names the job and says what it deletes; it logs as its class name without `Job`.
 */
export abstract class RetentionJob implements OnModuleInit {
  // Injected into properties, as Nest recommends for a base class: a subclass's constructor then
  // takes only what its own deletion needs, and passes no scheduling through super().
  @InjectDataSource() private readonly dataSource: DataSource;
  @Inject(SchedulerRegistry) private readonly registry: SchedulerRegistry;
  @Inject(Environment) private readonly env: Environment;
  private readonly logger = new Logger(this.constructor.name.replace(/Job$/, ''));

  /**
   * @param name the cron job's name, and its slot in scheduled_job_run
   * @param purged what it deletes, for the log
   * @param deleteExpired deletes what is past its retention; resolves to the number of rows deleted
   */
  protected constructor(
    private readonly name: string,
    private readonly purged: string,
    private readonly deleteExpired: (env: Environment) => Promise<number>,
  ) {}

  onModuleInit(): void {
    scheduleRetentionJob(this.registry, this.name, this.env.RETENTION_CRON, () => this.scheduledPurge());
  }

  /** The scheduled run: undefined when another instance has this hour's slot. */
  scheduledPurge(): Promise<number | undefined> {
    return runOncePerHour(this.dataSource, this.name, () => this.purge());
  }

  /** Purges now, on this instance, whatever the slot. */
  async purge(): Promise<number> {
    const purged = await this.deleteExpired(this.env);
    if (purged) this.logger.log(`Purged ${purged} ${this.purged}`);
    return purged;
  }
}
