import { Logger } from '@nestjs/common';
import type { SchedulerRegistry } from '@nestjs/schedule';
import { CronJob } from 'cron';

/**
 * Registers a retention job on the RETENTION_CRON schedule (default hourly). Every instance
 * registers it; claimScheduledRun() lets one of them do the work per hourly slot.
 */
export function scheduleRetentionJob(registry: SchedulerRegistry, name: string, cron: string, run: () => Promise<unknown>): void {
  const logger = new Logger('Retention');
  const job = CronJob.from({
    cronTime: cron,
    onTick: () => {
      run().catch((e: Error) => logger.warn(`${name} failed: ${e.message}`));
    },
    start: true,
  });
  registry.addCronJob(name, job as never);
}
