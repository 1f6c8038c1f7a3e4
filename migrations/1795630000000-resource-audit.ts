import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit log of directory curation: one row per write (create, update, soft delete,
 * verify), written in the same transaction as the change, with the resource as the API
 * showed it before and after. Hand-written (no entity: the directory is plain SQL).
 */
export class ResourceAudit1795630000000 implements MigrationInterface {
  name = 'ResourceAudit1795630000000';

  async up(q: QueryRunner): Promise<void> {
    // partner_id and key_id carry no foreign key on purpose: the log keeps who made a change
    // even after the partner or key is deleted. created_at is clock_timestamp(), not now()
    // (transaction start), so a write that waited on another one still sorts after it.
    await q.query(`
      CREATE TABLE resource_audit (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        resource_id uuid NOT NULL REFERENCES resource(id) ON DELETE CASCADE,
        partner_id uuid,
        key_id uuid,
        action text NOT NULL,
        before jsonb,
        after jsonb,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        CONSTRAINT resource_audit_action_check CHECK (action IN ('create','update','delete','verify'))
      )`);
    // GET /v1/resources/:id/audit: one resource's entries, newest first.
    await q.query(`CREATE INDEX resource_audit_resource_idx ON resource_audit (resource_id, created_at DESC, id DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE resource_audit');
  }
}
