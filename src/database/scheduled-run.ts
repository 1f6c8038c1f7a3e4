import type { DataSource } from 'typeorm';

/**
 * Every API instance runs the same cron schedule; only the one that claims the slot (a
 * primary-key insert, so exactly one wins) does the work. Old claims are pruned as it goes.
 */
export async function claimScheduledRun(dataSource: DataSource, job: string, slot: Date): Promise<boolean> {
  const rows = await dataSource.query(
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
