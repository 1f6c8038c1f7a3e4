import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Safety routing as data (issue 10):
 * - resource.eligibility: who a service is ONLY for (e.g. people_who_use_abuse), apart from the
 *   audiences it welcomes; GIN-indexed because intake excludes on it.
 * - resource.line_roles: what a hotline is for (crisis, domestic_violence, …), set by curators.
 * - resource.contact_channels: text, chat, TTY, videophone and relay ways in, as structured data.
 * - resource.not_for_crisis: the provider says it is not for people in an acute crisis.
 * - intake.joint_work_excluded and intake.safety_screened: a safety answer rules out joint work, or
 *   the questions were not all answered; referral.joint_sessions_appropriate carries only the
 *   neutral outcome (false, or null when not screened), never the answers behind it.
 */
export class SafetyRouting1796100000000 implements MigrationInterface {
  name = 'SafetyRouting1796100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE resource
      ADD COLUMN eligibility text[] NOT NULL DEFAULT '{}',
      ADD COLUMN line_roles text[] NOT NULL DEFAULT '{}',
      ADD COLUMN contact_channels jsonb NOT NULL DEFAULT '[]',
      ADD COLUMN not_for_crisis boolean NOT NULL DEFAULT false`);
    await q.query(`CREATE INDEX resource_eligibility_idx ON resource USING gin (eligibility)`);
    await q.query(
      `CREATE INDEX resource_hotline_roles_idx ON resource USING gin (line_roles) WHERE kind = 'hotline' AND status = 'active' AND NOT demo`,
    );
    await q.query(
      `ALTER TABLE intake ADD COLUMN joint_work_excluded boolean NOT NULL DEFAULT false, ADD COLUMN safety_screened boolean NOT NULL DEFAULT false`,
    );
    await q.query(`ALTER TABLE referral ADD COLUMN joint_sessions_appropriate boolean`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE referral DROP COLUMN joint_sessions_appropriate`);
    await q.query(`ALTER TABLE intake DROP COLUMN safety_screened, DROP COLUMN joint_work_excluded`);
    await q.query(`DROP INDEX resource_hotline_roles_idx`);
    await q.query(`DROP INDEX resource_eligibility_idx`);
    await q.query(
      `ALTER TABLE resource DROP COLUMN not_for_crisis, DROP COLUMN contact_channels, DROP COLUMN line_roles, DROP COLUMN eligibility`,
    );
  }
}
