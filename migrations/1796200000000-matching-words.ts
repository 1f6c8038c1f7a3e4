import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Matching that fits the couple (issue 12):
 * - resource.kind gains `directory` (therapist finders and referral networks, not providers);
 * - resource.fee_period says what a fee buys: per_session, per_week, per_month, one_time, per_program;
 * - stored intakes' willingness `one_unsure` (which meant "unsure about staying") becomes
 *   `one_leaning_out`; the API still accepts the old value, deprecated.
 */
export class MatchingWords1796200000000 implements MigrationInterface {
  name = 'MatchingWords1796200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE resource DROP CONSTRAINT resource_kind_check`);
    await q.query(`ALTER TABLE resource ADD CONSTRAINT resource_kind_check
      CHECK (kind IN ('practice','clinic','online_service','workshop','self_guided','support_group','hotline','directory'))`);
    await q.query(`ALTER TABLE resource ADD COLUMN fee_period text NOT NULL DEFAULT 'per_session'
      CONSTRAINT resource_fee_period_check CHECK (fee_period IN ('per_session','per_week','per_month','one_time','per_program'))`);
    await q.query(
      `UPDATE intake SET answers = jsonb_set(answers, '{willingness}', '"one_leaning_out"') WHERE answers->>'willingness' = 'one_unsure'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `UPDATE intake SET answers = jsonb_set(answers, '{willingness}', '"one_unsure"') WHERE answers->>'willingness' IN ('one_leaning_out', 'one_hesitant')`,
    );
    await q.query(`ALTER TABLE resource DROP COLUMN fee_period`);
    // Directories go back to the online services they were modelled as before.
    await q.query(`UPDATE resource SET kind = 'online_service' WHERE kind = 'directory'`);
    await q.query(`ALTER TABLE resource DROP CONSTRAINT resource_kind_check`);
    await q.query(`ALTER TABLE resource ADD CONSTRAINT resource_kind_check
      CHECK (kind IN ('practice','clinic','online_service','workshop','self_guided','support_group','hotline'))`);
  }
}
