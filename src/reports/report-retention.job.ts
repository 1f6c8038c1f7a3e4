import { Injectable } from '@nestjs/common';

import { Clock } from '../common/clock.js';
import { RetentionJob } from '../common/scheduling/retention-job.js';
import { ReportsRepository } from './reports.repository.js';

/**
 * Erases what reports keep only for a while: a visitor's IP hash once the suspension window is
 * over (SAFETY_REPORT_WINDOW_HOURS), and a closed report's note after REPORT_NOTE_RETENTION_DAYS.
 * The report itself (reason, dates, who closed it) stays for the numbers. Hourly, on one instance.
 */
@Injectable()
export class ReportRetentionJob extends RetentionJob {
  constructor(reports: ReportsRepository, clock: Clock) {
    super('erase-report-personal-traces', 'report hashes or notes', (env) =>
      reports.erasePastRetention(clock.now(), env.SAFETY_REPORT_WINDOW_HOURS, env.REPORT_NOTE_RETENTION_DAYS),
    );
  }
}
