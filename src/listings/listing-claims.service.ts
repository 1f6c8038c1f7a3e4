import { timingSafeEqual } from 'node:crypto';

import { Injectable, Logger } from '@nestjs/common';

import { Clock } from '../common/clock.js';
import { ProblemException } from '../common/problem/problem.js';
import { Environment } from '../config/environment.js';
import { generateClaimToken, isWellFormedClaimToken } from '../partners/api-key.format.js';
import { ApiKeysService } from '../partners/api-keys.service.js';
import type { Principal } from '../partners/principal.js';
import { ProviderListingService } from '../resources/curation/provider-listing.service.js';
import type { IssuedClaimResponse, ListingClaimResponse, ListingKeyResponse } from './dto/listing-claim.dto.js';
import { mapClaim } from './listing-claims.mapper.js';
import { ListingClaimsRepository } from './listing-claims.repository.js';
import { ListingErrors } from './listings.errors.js';

/**
 * Listing claims: a curator lets a provider take over the provider-owned fields of one listing.
 * The claim token is shown once and stored only as its HMAC (like API keys), expires after
 * LISTING_CLAIM_TTL_HOURS, is redeemed at most once for a listing key bound to that resource,
 * and can be revoked, which revokes the listing key too. Logs carry ids, never tokens or keys.
 */
@Injectable()
export class ListingClaimsService {
  private readonly logger = new Logger('ListingClaims');

  constructor(
    private readonly claims: ListingClaimsRepository,
    private readonly keys: ApiKeysService,
    private readonly listings: ProviderListingService,
    private readonly clock: Clock,
    private readonly env: Environment,
  ) {}

  /** 404 for an unknown resource; 422 safety_line_not_claimable for a safety line or any hotline. */
  async issueClaim(resourceId: string, curator: Principal): Promise<IssuedClaimResponse> {
    await this.listings.assertClaimable(resourceId);
    // The listing key will be of the curator key's environment: test curators make test keys.
    const token = generateClaimToken(curator.environment);
    const claim = await this.claims.insert({
      resourceId,
      environment: curator.environment,
      tokenHash: this.keys.hashSecret(token.plaintext),
      tokenPrefix: token.prefix,
      issuedByPartnerId: curator.partnerId,
      issuedByKeyId: curator.keyId,
      expiresAt: new Date(this.clock.now().getTime() + this.env.LISTING_CLAIM_TTL_HOURS * 3_600_000),
    });
    this.logger.log(`Listing claim ${claim.id} issued for resource ${resourceId} by key ${curator.keyId}`);
    return { id: claim.id, resourceId, claimToken: token.plaintext, expiresAt: claim.expires_at.toISOString() };
  }

  async listClaims(resourceId: string): Promise<ListingClaimResponse[]> {
    await this.listings.getListing(resourceId); // 404 for an unknown resource
    const now = this.clock.now();
    return (await this.claims.listForResource(resourceId)).map((row) => mapClaim(row, now));
  }

  /**
   * Revokes the claim: a pending token can no longer be redeemed, and the listing key a redeemed
   * one produced stops working at once on every instance. Revoking again changes nothing (and
   * retries the key's revocation, should the first attempt have stopped after the claim's).
   */
  async revokeClaim(resourceId: string, claimId: string, curator: Principal): Promise<void> {
    const claim = await this.claims.revoke(resourceId, claimId, this.clock.now(), curator.keyId);
    if (!claim) throw ListingErrors.claimNotFound();
    if (claim.key_id) await this.keys.revokeListingKeys([claim.key_id]);
    this.logger.log(`Listing claim ${claim.id} of resource ${resourceId} revoked by key ${curator.keyId}`);
  }

  /**
   * Trades a claim token for a listing key, once. Every way a token can fail (malformed checksum,
   * unknown, expired, revoked, used, or its resource no longer claimable) is the same 422, so the
   * answer tells a guesser nothing; the per-IP redeem limit (AccessGuard) slows guessing, and a
   * token has 190 random bits. The token is compared as its keyed hash: PostgreSQL finds the row by
   * it, and the hash read back is compared again in constant time.
   */
  async redeem(claimToken: string): Promise<ListingKeyResponse> {
    if (!isWellFormedClaimToken(claimToken)) throw ListingErrors.claimTokenNotRedeemable();
    const hash = this.keys.hashSecret(claimToken);
    const issued = await this.claims.transaction(async (tx) => {
      const claim = await this.claims.consume(tx, hash, this.clock.now());
      if (!claim || !timingSafeEqual(Buffer.from(claim.token_hash), Buffer.from(hash))) throw ListingErrors.claimTokenNotRedeemable();
      // A resource that became a safety line since the claim was issued is not claimable any more:
      // the transaction rolls back, so the claim stays unredeemed for a curator to revoke.
      await this.listings.assertClaimable(claim.resource_id, tx).catch((error: unknown) => {
        throw error instanceof ProblemException ? ListingErrors.claimTokenNotRedeemable() : error;
      });
      const { key, plaintext } = await this.keys.issueListingKey(
        { resourceId: claim.resource_id, environment: claim.environment, name: `listing key from claim ${claim.id}` },
        tx,
      );
      await this.claims.attachKey(tx, claim.id, key.id);
      return { claimId: claim.id, key, plaintext };
    });
    this.logger.log(`Listing claim ${issued.claimId} redeemed for listing key ${issued.key.id} of resource ${issued.key.resourceId}`);
    return { key: issued.plaintext, keyId: issued.key.id, resourceId: issued.key.resourceId!, scopes: issued.key.scopes };
  }
}
