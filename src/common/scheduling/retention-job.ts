import { Logger, type OnModuleInit } from '@nestjs/common';
import type { SchedulerRegistry } from '@nestjs/schedule';
import type { DataSource } from 'typeorm';

import type { Environment } from '../../config/environment.js';
import { runOncePerHour, scheduleRetentionJob } from '../../database/scheduled-run.js';

/** Which job: its name (the cron job's, and its slot in scheduled_job_run), its logger, and what it deletes, for the log. */
export interface RetentionJobIdentity {
  name: string;
  logger: string;
  purged: string;
}

/** What every retention job needs to run on schedule, injected by each subclass. */
export interface RetentionJobScheduling {
  dataSource: DataSource;
  registry: SchedulerRegistry;
  env: Environment;
}

/**
 * A job that deletes what is past its retention: every instance registers it on RETENTION_CRON
 * (default hourly), and the one that claims the hour's slot runs it (runOncePerHour).
 * A subclass says what deleteExpired() deletes.
 */
export abstract class RetentionJob implements OnModuleInit {
  private readonly logger: Logger;

  protected constructor(
    private readonly job: RetentionJobIdentity,
    private readonly scheduling: RetentionJobScheduling,
  ) {
    this.logger = new Logger(job.logger);
  }

  /** Deletes what is past its retention; resolves to the number of rows deleted. */
  protected abstract deleteExpired(): Promise<number>;

  onModuleInit(): void {
    scheduleRetentionJob(this.scheduling.registry, this.job.name, this.scheduling.env.RETENTION_CRON, () => this.scheduledPurge());
  }

  /** The scheduled run: undefined when another instance has this hour's slot. */
  scheduledPurge(): Promise<number | undefined> {
    return runOncePerHour(this.scheduling.dataSource, this.job.name, () => this.purge());
  }

  /** Purges now, on this instance, whatever the slot. */
  async purge(): Promise<number> {
    const purged = await this.deleteExpired();
    if (purged) this.logger.log(`Purged ${purged} ${this.job.purged}`);
    return purged;
  }
}
