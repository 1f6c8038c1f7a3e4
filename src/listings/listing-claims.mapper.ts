import type { ClaimStatus, ListingClaimResponse } from './dto/listing-claim.dto.js';
import type { ListingClaimRow } from './listing-claims.repository.js';

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

/** Revoked wins (neither token nor key works), then redeemed, then expired (by `now`), else pending. */
export function claimStatus(row: Pick<ListingClaimRow, 'revoked_at' | 'redeemed_at' | 'expires_at'>, now: Date): ClaimStatus {
  if (row.revoked_at) return 'revoked';
  if (row.redeemed_at) return 'redeemed';
  return new Date(row.expires_at).getTime() <= now.getTime() ? 'expired' : 'pending';
}

/** A claim for curators: never its token or hash, only the visible prefix. */
export function mapClaim(row: ListingClaimRow, now: Date): ListingClaimResponse {
  return {
    id: row.id,
    resourceId: row.resource_id,
    tokenPrefix: row.token_prefix,
    status: claimStatus(row, now),
    createdAt: iso(row.created_at)!,
    expiresAt: iso(row.expires_at)!,
    redeemedAt: iso(row.redeemed_at),
    revokedAt: iso(row.revoked_at),
    keyId: row.key_id,
    issuedByKeyId: row.issued_by_key_id,
    revokedByKeyId: row.revoked_by_key_id,
  };
}
