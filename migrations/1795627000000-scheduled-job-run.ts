import type { MigrationInterface, QueryRunner } from 'typeorm';

/** One row per scheduled job and time slot: the instance that inserts it runs the job (once per slot across instances). */
export class ScheduledJobRun1795627000000 implements MigrationInterface {
  name = 'ScheduledJobRun1795627000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE scheduled_job_run (
        job text NOT NULL,
        slot timestamptz NOT NULL,
        claimed_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT scheduled_job_run_pkey PRIMARY KEY (job, slot)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE scheduled_job_run`);
  }
}
