import { Body, Controller, Delete, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { NoStore } from '../common/http/no-store.js';
import { UuidParam } from '../common/http/request-params.js';
import { ApiProblem } from '../common/problem/api-problem.decorator.js';
import { ClaimTokenAccess, RequireSecretScopes } from '../partners/access.decorator.js';
import { CurrentPrincipal } from '../partners/current-principal.decorator.js';
import type { Principal } from '../partners/principal.js';
import { IssuedClaimResponse, ListingClaimListResponse, ListingKeyResponse, RedeemClaimRequest } from './dto/listing-claim.dto.js';
import { ListingClaimsService } from './listing-claims.service.js';

/** Curators (resources:write, secret keys) issue, list and revoke the claims on a listing. */
@ApiTags('curation')
@NoStore()
@Controller('curation/resources/:id/claims')
export class ListingClaimsController {
  constructor(private readonly claims: ListingClaimsService) {}

  @Post()
  @RequireSecretScopes('resources:write')
  @ApiOperation({
    operationId: 'createListingClaim',
    summary: "Issue a one-time claim token for a listing's provider (shown once)",
    description:
      'The provider redeems the token at POST /v1/listing-claims/redeem for a listing key that changes only the provider-owned fields of this one listing. ' +
      'The token expires after LISTING_CLAIM_TTL_HOURS (default 168) and works once. Safety lines and other hotlines cannot be claimed.',
  })
  @ApiCreatedResponse({ type: IssuedClaimResponse })
  @ApiProblem(404, 'No such resource.')
  @ApiProblem(422, 'A safety line or other hotline: only curators change it (safety_line_not_claimable).')
  createListingClaim(@UuidParam('id') id: string, @CurrentPrincipal() curator: Principal): Promise<IssuedClaimResponse> {
    return this.claims.issueClaim(id, curator);
  }

  @Get()
  @RequireSecretScopes('resources:write')
  @ApiOperation({ operationId: 'listListingClaims', summary: "A listing's claims, newest first (never the tokens)" })
  @ApiOkResponse({ type: ListingClaimListResponse })
  @ApiProblem(404, 'No such resource.')
  async listListingClaims(@UuidParam('id') id: string): Promise<ListingClaimListResponse> {
    return { data: await this.claims.listClaims(id) };
  }

  @Delete(':claimId')
  @HttpCode(204)
  @RequireSecretScopes('resources:write')
  @ApiOperation({
    operationId: 'revokeListingClaim',
    summary: 'Revoke a claim: its token no longer redeems, and the listing key it was redeemed for stops working at once',
  })
  @ApiNoContentResponse({ description: 'Revoked (or revoked already).' })
  @ApiProblem(404, 'No claim with this id on this resource.')
  async revokeListingClaim(
    @UuidParam('id') id: string,
    @UuidParam('claimId') claimId: string,
    @CurrentPrincipal() curator: Principal,
  ): Promise<void> {
    await this.claims.revokeClaim(id, claimId, curator);
  }
}

/** The provider trades the claim token for its listing key: no API key, a strict per-IP limit. */
@ApiTags('listing')
@NoStore()
@Controller('listing-claims')
export class ListingClaimRedemptionController {
  constructor(private readonly claims: ListingClaimsService) {}

  @Post('redeem')
  @ClaimTokenAccess()
  @ApiOperation({
    operationId: 'redeemListingClaim',
    summary: 'Redeem a claim token for a listing key (shown once)',
    description:
      'No API key: the claim token is the credential. Each token works once, before it expires and unless revoked; a token that cannot be redeemed, ' +
      'for whatever reason, is the same 422 claim_token_not_redeemable. Limited per client IP (RATE_LIMIT_CLAIM_REDEEM_PER_MINUTE).',
  })
  @ApiBody({
    type: RedeemClaimRequest,
    examples: {
      redeem: { summary: 'The token a curator gave you', value: { claimToken: 'mend_lc_live_Q7ehT2pX0aLw9rVb3NcYdKf8mZsJ1uGhEXAMPL' } },
    },
  })
  @ApiCreatedResponse({ type: ListingKeyResponse })
  @ApiProblem(422, 'The token cannot be redeemed: unknown, expired, revoked or used (claim_token_not_redeemable).')
  redeemListingClaim(@Body() body: RedeemClaimRequest): Promise<ListingKeyResponse> {
    return this.claims.redeem(body.claimToken);
  }
}
