import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 11:
 * - idempotency records are keyed per API key (a partner's publishable key must not replay or
 *   pre-claim its secret key's requests). Records live 24 h and are only retry aids, so the
 *   existing ones are dropped rather than guessed at: a retry of an older request runs again.
 * - webhook events belong to their referral (ON DELETE CASCADE): erasing a referral erases its
 *   queued and delivered events.
 * - each partner gets its own webhook signing secret, with the previous one kept for a dual-signing
 *   overlap after rotation. Existing partners are filled at start-up with the secret they had
 *   (derived from API_KEY_SECRET, which SQL cannot see), so receivers keep verifying.
 */
export class SecurityHardening1795640000000 implements MigrationInterface {
  name = 'SecurityHardening1795640000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM idempotency_record`);
    await q.query(`ALTER TABLE idempotency_record ADD COLUMN api_key_id uuid NOT NULL`);
    await q.query(`ALTER TABLE idempotency_record DROP CONSTRAINT "PK_816b8b7e15aae75f60aebbffa9f"`);
    await q.query(`ALTER TABLE idempotency_record ADD CONSTRAINT idempotency_record_pkey PRIMARY KEY (api_key_id, endpoint, key)`);
    await q.query(`CREATE INDEX idempotency_record_partner_idx ON idempotency_record (partner_id)`);

    await q.query(`ALTER TABLE webhook_outbox ADD COLUMN referral_id uuid`);
    await q.query(`UPDATE webhook_outbox o SET referral_id = r.id FROM referral r WHERE r.id::text = o.payload->'referral'->>'id'`);
    await q.query(`DELETE FROM webhook_outbox WHERE referral_id IS NULL AND payload ? 'referral'`);
    await q.query(
      `ALTER TABLE webhook_outbox ADD CONSTRAINT webhook_outbox_referral_fk FOREIGN KEY (referral_id) REFERENCES referral(id) ON DELETE CASCADE`,
    );
    await q.query(`CREATE INDEX webhook_outbox_referral_idx ON webhook_outbox (referral_id)`);

    await q.query(`ALTER TABLE partner ADD COLUMN webhook_signing_secret text`);
    await q.query(`ALTER TABLE partner ADD COLUMN webhook_previous_signing_secret text`);
    await q.query(`ALTER TABLE partner ADD COLUMN webhook_previous_secret_expires_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE partner DROP COLUMN webhook_previous_secret_expires_at`);
    await q.query(`ALTER TABLE partner DROP COLUMN webhook_previous_signing_secret`);
    await q.query(`ALTER TABLE partner DROP COLUMN webhook_signing_secret`);

    await q.query(`DROP INDEX webhook_outbox_referral_idx`);
    await q.query(`ALTER TABLE webhook_outbox DROP CONSTRAINT webhook_outbox_referral_fk`);
    await q.query(`ALTER TABLE webhook_outbox DROP COLUMN referral_id`);

    // Two keys of one partner may share an Idempotency-Key: keep one record per (partner, endpoint, key).
    await q.query(`DROP INDEX idempotency_record_partner_idx`);
    await q.query(`DELETE FROM idempotency_record a USING idempotency_record b
                   WHERE a.partner_id = b.partner_id AND a.endpoint = b.endpoint AND a.key = b.key AND a.api_key_id > b.api_key_id`);
    await q.query(`ALTER TABLE idempotency_record DROP CONSTRAINT idempotency_record_pkey`);
    await q.query(`ALTER TABLE idempotency_record ADD CONSTRAINT "PK_816b8b7e15aae75f60aebbffa9f" PRIMARY KEY (partner_id, endpoint, key)`);
    await q.query(`ALTER TABLE idempotency_record DROP COLUMN api_key_id`);
  }
}
