import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { DataSourceRepository, updateReturning } from '../common/database/sql-repository.js';

export interface ListingClaimRow {
  id: string;
  resource_id: string;
  environment: 'live' | 'test';
  token_hash: string;
  token_prefix: string;
  issued_by_partner_id: string;
  issued_by_key_id: string;
  expires_at: Date;
  created_at: Date;
  redeemed_at: Date | null;
  key_id: string | null;
  revoked_at: Date | null;
  revoked_by_key_id: string | null;
}

export interface NewListingClaim {
  resourceId: string;
  environment: 'live' | 'test';
  tokenHash: string;
  tokenPrefix: string;
  issuedByPartnerId: string;
  issuedByKeyId: string;
  expiresAt: Date;
}

const COLUMNS = `id, resource_id, environment, token_hash, token_prefix, issued_by_partner_id, issued_by_key_id,
  expires_at, created_at, redeemed_at, key_id, revoked_at, revoked_by_key_id`;

/** The listing_claim table (plain SQL: redemption is one conditional UPDATE, race-free). */
@Injectable()
export class ListingClaimsRepository extends DataSourceRepository {
  async insert(claim: NewListingClaim): Promise<ListingClaimRow> {
    const [row] = await this.dataSource.query<ListingClaimRow[]>(
      `INSERT INTO listing_claim (resource_id, environment, token_hash, token_prefix, issued_by_partner_id, issued_by_key_id, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${COLUMNS}`,
      [
        claim.resourceId,
        claim.environment,
        claim.tokenHash,
        claim.tokenPrefix,
        claim.issuedByPartnerId,
        claim.issuedByKeyId,
        claim.expiresAt,
      ],
    );
    return row;
  }

  /** One resource's claims, newest first (index listing_claim_resource_idx). */
  listForResource(resourceId: string): Promise<ListingClaimRow[]> {
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM listing_claim WHERE resource_id = $1 ORDER BY created_at DESC, id DESC LIMIT 200`,
      [resourceId],
    );
  }

  /**
   * Redeems the claim with this token hash if it can be redeemed at `now`: one statement, so of
   * two redemptions racing exactly one gets the row, and unknown, expired, revoked and used tokens
   * all come back the same way (no row), after the same work.
   */
  async consume(tx: EntityManager, tokenHash: string, now: Date): Promise<ListingClaimRow | undefined> {
    const [row] = await updateReturning<ListingClaimRow>(
      tx,
      `UPDATE listing_claim SET redeemed_at = $2
       WHERE token_hash = $1 AND redeemed_at IS NULL AND revoked_at IS NULL AND expires_at > $2
       RETURNING ${COLUMNS}`,
      [tokenHash, now],
    );
    return row;
  }

  async attachKey(tx: EntityManager, claimId: string, keyId: string): Promise<void> {
    await tx.query(`UPDATE listing_claim SET key_id = $2 WHERE id = $1`, [claimId, keyId]);
  }

  /**
   * Revokes the resource's claim (the first revocation's time and key stay); undefined when the
   * resource has no such claim. Returns the claim, with the listing key it was redeemed for.
   */
  async revoke(resourceId: string, claimId: string, now: Date, byKeyId: string): Promise<ListingClaimRow | undefined> {
    const [row] = await updateReturning<ListingClaimRow>(
      this.dataSource.manager,
      `UPDATE listing_claim SET revoked_at = COALESCE(revoked_at, $3), revoked_by_key_id = COALESCE(revoked_by_key_id, $4)
       WHERE id = $1 AND resource_id = $2
       RETURNING ${COLUMNS}`,
      [claimId, resourceId, now, byKeyId],
    );
    return row;
  }
}
