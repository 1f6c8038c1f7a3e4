import { Logger } from '@nestjs/common';
import type { SchedulerRegistry } from '@nestjs/schedule';
import { CronJob } from 'cron';
import type { DataSource } from 'typeorm';

/**
 * Every API instance runs the same cron schedule; only the one that claims the slot (a
 * primary-key insert, so exactly one wins) does the work. Old claims are pruned as it goes.
 */
export async function claimScheduledRun(dataSource: DataSource, job: string, slot: Date): Promise<boolean> {
  const rows = await dataSource.query<{ job: string }[]>(
    `INSERT INTO scheduled_job_run (job, slot) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING job`,
    [job, slot],
  );
  if (rows.length) await dataSource.query(`DELETE FROM scheduled_job_run WHERE job = $1 AND slot < now() - interval '7 days'`, [job]);
  return rows.length === 1;
}

/** The start of the current hour: the slot of an hourly job. */
export function hourSlot(now = new Date()): Date {
  const slot = new Date(now);
  slot.setUTCMinutes(0, 0, 0);
  return slot;
}

/** Runs `work` if this instance claims the job's current hourly slot; undefined when another instance has it. */
export async function runOncePerHour<T>(dataSource: DataSource, job: string, work: () => Promise<T>): Promise<T | undefined> {
  return (await claimScheduledRun(dataSource, job, hourSlot())) ? work() : undefined;
}

/**
 * Registers a retention job on the RETENTION_CRON schedule (default hourly). Every instance
 * registers it; runOncePerHour() lets one of them do the work per hourly slot.
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
  registry.addCronJob(name, job);
}
