import { Injectable } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

import { RetentionJob } from '../common/scheduling/retention-job.js';
import { Clock } from '../common/time/clock.js';
import { Environment } from '../config/environment.js';
import { ReportsRepository } from './reports.repository.js';

/**
 * Erases what reports keep only for a while: a visitor's IP hash once the suspension window is
 * over (SAFETY_REPORT_WINDOW_HOURS), and a closed report's note after REPORT_NOTE_RETENTION_DAYS.
 * The report itself (reason, dates, who closed it) stays for the numbers. Hourly, on one instance.
 */
@Injectable()
export class ReportRetentionJob extends RetentionJob {
  constructor(
    private readonly reports: ReportsRepository,
    private readonly env: Environment,
    private readonly clock: Clock,
    @InjectDataSource() dataSource: DataSource,
    registry: SchedulerRegistry,
  ) {
    super(
      { name: 'erase-report-personal-traces', logger: 'ReportRetention', purged: 'report hashes or notes' },
      { dataSource, registry, env },
    );
  }

  protected deleteExpired(): Promise<number> {
    return this.reports.erasePastRetention(this.clock.now(), this.env.SAFETY_REPORT_WINDOW_HOURS, this.env.REPORT_NOTE_RETENTION_DAYS);
  }
}
