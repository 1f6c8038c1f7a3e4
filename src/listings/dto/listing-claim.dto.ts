import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';

import { CLAIM_TOKEN_PATTERN } from '../../partners/api-key.format.js';

export const CLAIM_STATUSES = ['pending', 'redeemed', 'expired', 'revoked'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

const CLAIM_ID_EXAMPLE = '8d4c2f0e-5b7a-4c1e-9a3d-2f6b8e0c1a47';
const RESOURCE_ID_EXAMPLE = '3f1e2d4c-6b5a-4978-8c7d-1e2f3a4b5c6d';
const KEY_ID_EXAMPLE = '5b0e8a52-4f0c-4d55-9f43-0c6f3a1d2e7b';

/** The answer to a new claim: the token, shown this once (Mend keeps only its hash). */
export class IssuedClaimResponse {
  @ApiProperty({ format: 'uuid', example: CLAIM_ID_EXAMPLE }) id: string;
  @ApiProperty({ format: 'uuid', example: RESOURCE_ID_EXAMPLE }) resourceId: string;
  @ApiProperty({
    example: 'mend_lc_live_Q7ehT2…',
    description:
      'The one-time claim token. Shown once: hand it to the provider through a channel you trust (they redeem it at POST /v1/listing-claims/redeem).',
  })
  claimToken: string;
  @ApiProperty({
    format: 'date-time',
    example: '2026-12-09T15:00:00.000Z',
    description: 'After this it can no longer be redeemed (LISTING_CLAIM_TTL_HOURS).',
  })
  expiresAt: string;
}

export class ListingClaimResponse {
  @ApiProperty({ format: 'uuid', example: CLAIM_ID_EXAMPLE }) id: string;
  @ApiProperty({ format: 'uuid', example: RESOURCE_ID_EXAMPLE }) resourceId: string;
  @ApiProperty({ example: 'mend_lc_live_Q7ehT2', description: 'The visible start of the token, to tell claims apart; never the token.' })
  tokenPrefix: string;
  @ApiProperty({
    enum: CLAIM_STATUSES,
    example: 'redeemed',
    description:
      'pending: can be redeemed; redeemed: its listing key works; expired: never redeemed in time; revoked: neither the token nor its key works.',
  })
  status: ClaimStatus;
  @ApiProperty({ format: 'date-time', example: '2026-12-02T15:00:00.000Z' }) createdAt: string;
  @ApiProperty({ format: 'date-time', example: '2026-12-09T15:00:00.000Z' }) expiresAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: '2026-12-03T09:12:44.000Z' }) redeemedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: null }) revokedAt: string | null;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    example: KEY_ID_EXAMPLE,
    description: 'The listing key it was redeemed for.',
  })
  keyId: string | null;
  @ApiProperty({ format: 'uuid', example: '0c9d8e7f-6a5b-4c3d-8e2f-1a0b9c8d7e6f', description: 'The curator key that issued it.' })
  issuedByKeyId: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, example: null, description: 'The curator key that revoked it.' })
  revokedByKeyId: string | null;
}

export class ListingClaimListResponse {
  @ApiProperty({ type: [ListingClaimResponse], description: 'Newest first.' }) data: ListingClaimResponse[];
}

export class RedeemClaimRequest {
  @ApiProperty({
    example: 'mend_lc_live_Q7ehT2pX0aLw9rVb3NcYdKf8mZsJ1uGhEXAMPL',
    description: 'The claim token a curator gave you.',
    pattern: CLAIM_TOKEN_PATTERN.source,
  })
  @Matches(CLAIM_TOKEN_PATTERN, { message: 'claimToken must be a claim token such as mend_lc_live_…' })
  @IsString()
  claimToken: string;
}

export class ListingKeyResponse {
  @ApiProperty({
    example: 'mend_lk_live_Hc81Za…',
    description: 'Your listing key. Shown once: store it now. Send it as Authorization: Bearer <key> to /v1/listing.',
  })
  key: string;
  @ApiProperty({ format: 'uuid', example: KEY_ID_EXAMPLE }) keyId: string;
  @ApiProperty({ format: 'uuid', example: RESOURCE_ID_EXAMPLE, description: 'The one listing it works for.' }) resourceId: string;
  @ApiProperty({ enum: ['listing:write'], isArray: true, example: ['listing:write'] }) scopes: string[];
}
