import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Stored intakes: structured answers only, purged after INTAKE_RETENTION_DAYS. */
export class Intake1764093600000 implements MigrationInterface {
  name = 'Intake1764093600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "intake" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "partner_id" uuid,
        "answers" jsonb NOT NULL,
        "safety_level" text NOT NULL,
        "recommendation" text NOT NULL,
        "do_not_contact" boolean NOT NULL DEFAULT true,
        "matched_resource_ids" uuid array NOT NULL DEFAULT '{}',
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_intake_id" PRIMARY KEY ("id")
      )`);
    await q.query(`CREATE INDEX "intake_expires_at_idx" ON "intake" ("expires_at")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "intake"`);
  }
}
