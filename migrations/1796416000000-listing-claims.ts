import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 16 (providers keep their own listing current):
 *
 * - listing_claim: a curator's one-time claim on a resource, stored as the HMAC of its token (like
 *   API keys) with a visible prefix; redeemed at most once (redeemed_at, and the listing key it
 *   produced), expiring, revocable. Rows are never deleted: they are the record of who let whom
 *   edit a listing. Owned by src/listings (plain SQL: redemption is one conditional UPDATE).
 * - api_key: a listing key belongs to a resource and to no partner. partner_id becomes nullable
 *   and a check keeps exactly one owner per kind, so nothing that looks keys up by partner_id can
 *   reach a listing key.
 * - referral.allow_provider_response: the referring partner lets the resource's listing key
 *   answer (accepted / rejected), found by resource (referral_resource_created_idx).
 * - referral_event.actor and resource_audit.actor: who changed it, a partner's key or a
 *   provider's listing key (then partner_id is null and key_id is the listing key).
 */
export class ListingClaims1796416000000 implements MigrationInterface {
  name = 'ListingClaims1796416000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "api_key" ALTER COLUMN "partner_id" DROP NOT NULL`);
    await q.query(`ALTER TABLE "api_key" ADD "resource_id" uuid`);
    await q.query(`CREATE INDEX "api_key_resource_idx" ON "api_key" ("resource_id") `);
    await q.query(
      `ALTER TABLE "api_key" ADD CONSTRAINT "api_key_resource_fk" FOREIGN KEY ("resource_id") REFERENCES "resource"("id") ON DELETE CASCADE`,
    );
    await q.query(
      `ALTER TABLE "api_key" ADD CONSTRAINT "api_key_owner_check" CHECK ((kind = 'listing' AND resource_id IS NOT NULL AND partner_id IS NULL) OR (kind <> 'listing' AND resource_id IS NULL AND partner_id IS NOT NULL))`,
    );

    // created_at is clock_timestamp(): claims issued in one transaction still list in order.
    await q.query(`
      CREATE TABLE listing_claim (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        resource_id uuid NOT NULL REFERENCES resource(id) ON DELETE CASCADE,
        environment text NOT NULL,
        token_hash text NOT NULL,
        token_prefix text NOT NULL,
        issued_by_partner_id uuid NOT NULL,
        issued_by_key_id uuid NOT NULL,
        expires_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        redeemed_at timestamptz,
        key_id uuid REFERENCES api_key(id) ON DELETE SET NULL,
        revoked_at timestamptz,
        revoked_by_key_id uuid,
        CONSTRAINT listing_claim_token_hash_key UNIQUE (token_hash),
        CONSTRAINT listing_claim_environment_check CHECK (environment IN ('live', 'test'))
      )`);
    // GET /v1/curation/resources/:id/claims: one resource's claims, newest first.
    await q.query(`CREATE INDEX listing_claim_resource_idx ON listing_claim (resource_id, created_at DESC, id DESC)`);

    await q.query(`ALTER TABLE "referral" ADD "allow_provider_response" boolean NOT NULL DEFAULT false`);
    // GET /v1/listing/referrals: the referrals to one resource, newest first.
    await q.query(`CREATE INDEX "referral_resource_created_idx" ON "referral" ("resource_id", "created_at", "id") `);
    await q.query(`ALTER TABLE "referral_event" ALTER COLUMN "partner_id" DROP NOT NULL`);
    await q.query(`ALTER TABLE "referral_event" ADD "actor" text NOT NULL DEFAULT 'partner'`);
    await q.query(`ALTER TABLE "referral_event" ADD CONSTRAINT "referral_event_actor_check" CHECK (actor IN ('partner', 'provider'))`);

    await q.query(`ALTER TABLE resource_audit ADD COLUMN actor text NOT NULL DEFAULT 'partner'`);
    await q.query(`ALTER TABLE resource_audit ADD CONSTRAINT resource_audit_actor_check CHECK (actor IN ('partner', 'provider'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE resource_audit DROP CONSTRAINT resource_audit_actor_check`);
    await q.query(`ALTER TABLE resource_audit DROP COLUMN actor`);

    // Providers' answers have no partner to put back: they go with the column that allowed them.
    await q.query(`DELETE FROM "referral_event" WHERE "partner_id" IS NULL`);
    await q.query(`ALTER TABLE "referral_event" DROP CONSTRAINT "referral_event_actor_check"`);
    await q.query(`ALTER TABLE "referral_event" DROP COLUMN "actor"`);
    await q.query(`ALTER TABLE "referral_event" ALTER COLUMN "partner_id" SET NOT NULL`);
    await q.query(`DROP INDEX "public"."referral_resource_created_idx"`);
    await q.query(`ALTER TABLE "referral" DROP COLUMN "allow_provider_response"`);

    await q.query(`DROP TABLE listing_claim`);

    await q.query(`DELETE FROM "api_key" WHERE "kind" = 'listing'`);
    await q.query(`ALTER TABLE "api_key" DROP CONSTRAINT "api_key_owner_check"`);
    await q.query(`ALTER TABLE "api_key" DROP CONSTRAINT "api_key_resource_fk"`);
    await q.query(`DROP INDEX "public"."api_key_resource_idx"`);
    await q.query(`ALTER TABLE "api_key" DROP COLUMN "resource_id"`);
    await q.query(`ALTER TABLE "api_key" ALTER COLUMN "partner_id" SET NOT NULL`);
  }
}
