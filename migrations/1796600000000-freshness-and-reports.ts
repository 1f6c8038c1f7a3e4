import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 16 (directory data people can trust):
 * - resource.verified_by: who last confirmed the listing (curator, provider, import, report_review),
 *   beside last_verified_at; a verification status (current / due / stale) is computed from the
 *   two at read time (src/resources/verification.ts). Backfill: listings with a verification date
 *   whose slug is an HSDS import's default (`hsds-…`) → import, the others (the curated seed data
 *   and curators' own listings) → curator. An import run with another --slug-prefix cannot be told
 *   apart afterwards and counts as curated until it is verified again.
 * - resource.safety_suspended: a safety line held back from every safety list by reports from the
 *   field until a curator reviews them (decided by src/reports/, stored with the listing).
 * - resource_report (src/reports/): reports from the field about a listing, triaged by curators.
 *   The note is short and screened for contact details and names before it is stored; the
 *   reporter is the partner (attribution) and, for visitors, a keyed hash of the IP address kept
 *   only for the suspension window (never the address itself).
 */
export class FreshnessAndReports1796600000000 implements MigrationInterface {
  name = 'FreshnessAndReports1796600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE resource ADD COLUMN verified_by text
      CONSTRAINT resource_verified_by_check CHECK (verified_by IN ('curator','provider','import','report_review'))`);
    await q.query(`UPDATE resource SET verified_by = CASE WHEN slug LIKE 'hsds-%' THEN 'import' ELSE 'curator' END
                   WHERE last_verified_at IS NOT NULL`);
    // Set and cleared by the reports module (through ResourcesService): on the row, so every
    // instance's directory index follows it through the change feed like any other change.
    await q.query(`ALTER TABLE resource ADD COLUMN safety_suspended boolean NOT NULL DEFAULT false`);

    await q.query(`
      CREATE TABLE resource_report (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        resource_id uuid NOT NULL REFERENCES resource(id) ON DELETE CASCADE,
        reason text NOT NULL CONSTRAINT resource_report_reason_check CHECK (reason IN
          ('phone_not_working','closed','not_accepting_clients','wrong_fees','wrong_address','wrong_hours','unsafe_or_inappropriate','other')),
        note text CONSTRAINT resource_report_note_check CHECK (char_length(note) <= 280),
        status text NOT NULL DEFAULT 'open' CONSTRAINT resource_report_status_check CHECK (status IN ('open','resolved','dismissed')),
        reporter_partner_id uuid REFERENCES partner(id) ON DELETE SET NULL,
        reporter_key_id uuid,
        reporter_hash text,
        suspends boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        closed_at timestamptz,
        closed_by_partner_id uuid,
        closed_by_key_id uuid,
        reverified boolean NOT NULL DEFAULT false,
        listing_updated boolean NOT NULL DEFAULT false,
        dismiss_reason text,
        CONSTRAINT resource_report_closed_check CHECK ((status = 'open') = (closed_at IS NULL))
      )`);
    // GET /v1/curation/reports: newest first, by status (keyset on created_at, id).
    await q.query(`CREATE INDEX resource_report_status_idx ON resource_report (status, created_at DESC, id DESC)`);
    // A resource's reports: the suspension count and the per-resource filter.
    await q.query(`CREATE INDEX resource_report_resource_idx ON resource_report (resource_id, created_at DESC)`);
    // The open reports that suspend a line (curators' stats; a review clears them).
    await q.query(`CREATE INDEX resource_report_suspended_idx ON resource_report (resource_id) WHERE status = 'open' AND suspends`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE resource_report`);
    await q.query(`ALTER TABLE resource DROP COLUMN safety_suspended`);
    await q.query(`ALTER TABLE resource DROP COLUMN verified_by`);
  }
}
