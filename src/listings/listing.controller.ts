import { Body, Controller, Get, Headers, HttpCode, Patch, Post, Query, Res, UseInterceptors } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';

import { withEtag } from '../common/http/conditional-response.js';
import { IfMatchRequired, versionEtagHeader } from '../common/http/if-match.decorator.js';
import { ACCEPTS_MERGE_PATCH } from '../common/http/json-body.js';
import { NoStore } from '../common/http/no-store.js';
import { UuidParam } from '../common/http/request-params.js';
import { ApiProblem } from '../common/problem/api-problem.decorator.js';
import { RequireListingKey } from '../partners/access.decorator.js';
import { CurrentListing } from '../partners/current-principal.decorator.js';
import type { ListingPrincipal } from '../partners/principal.js';
import {
  AnswerReferralRequest,
  ListProviderReferralsQuery,
  ProviderReferralListResponse,
  ProviderReferralResponse,
} from '../referrals/dto/referral.dto.js';
import { ApiInvalidTransition } from '../referrals/referrals.errors.js';
import { ReferralsService } from '../referrals/referrals.service.js';
import { UpdateListingRequest } from '../resources/curation/dto/listing.request.js';
import { ProviderListingService } from '../resources/curation/provider-listing.service.js';
import { ResourceResponse } from '../resources/dto/resource.response.js';
import { ProviderOwnedFieldsInterceptor } from './provider-owned-fields.interceptor.js';

const ETAG_HEADER = versionEtagHeader('listing', '"v7"');

/**
 * A provider's own listing, with the listing key a claim was redeemed for. No route takes a
 * resource id: the key names the one listing, so there is no other resource to point at.
 */
@ApiTags('listing')
@NoStore()
@Controller('listing')
export class ListingController {
  constructor(
    private readonly listings: ProviderListingService,
    private readonly referrals: ReferralsService,
  ) {}

  @Get()
  @RequireListingKey()
  @ApiOperation({ operationId: 'getListing', summary: 'Your listing as the directory shows it, with its ETag' })
  @ApiOkResponse({ type: ResourceResponse, headers: ETAG_HEADER })
  async getListing(
    @CurrentListing() listing: ListingPrincipal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ResourceResponse> {
    return withEtag(reply, await this.listings.getListing(listing.resourceId));
  }

  @Patch()
  @RouteConfig(ACCEPTS_MERGE_PATCH)
  @RequireListingKey()
  @UseInterceptors(ProviderOwnedFieldsInterceptor)
  @ApiOperation({
    operationId: 'updateListing',
    summary: 'Change the provider-owned fields of your listing (JSON merge patch); re-stamps its verification',
    description:
      'Only acceptingNewClients, waitTimeDays, cost (free, slidingScale, feeMin, feeMax, feePeriod, notes), formats, languages, availability and description; ' +
      'any other field is a 422 naming it. cost merges field by field, arrays replace, null removes an optional field; the merged listing is validated as a whole. ' +
      'description and cost.notes may not name a phone number the listing does not publish (numbers are curated). ' +
      'Every accepted patch sets lastVerifiedAt to now (you have just checked it); an empty patch `{}` confirms the listing as it is. ' +
      'The change is in search results as soon as this answers, and in the listing’s audit log as yours.',
  })
  @ApiConsumes('application/json', 'application/merge-patch+json')
  @IfMatchRequired({
    header: 'The ETag of your listing as last read (GET /v1/listing), compared strongly. Missing: 428; no longer current or weak: 412.',
    example: '"v7"',
    failed: 'The listing changed since that ETag (precondition_failed).',
    required: 'If-Match missing, or * (precondition_required).',
  })
  @ApiBody({
    type: UpdateListingRequest,
    examples: {
      capacity: {
        summary: 'Full for now, six weeks wait',
        value: { acceptingNewClients: false, waitTimeDays: 42 },
      },
      fees: {
        summary: 'New fees with a sliding scale, and video sessions in Spanish too',
        value: { cost: { feeMin: 6000, feeMax: 14000, slidingScale: true }, formats: ['in_person', 'video'], languages: ['en', 'es'] },
      },
      confirm: { summary: 'Everything is still right (re-stamps lastVerifiedAt)', value: {} },
    },
  })
  @ApiOkResponse({ type: ResourceResponse, headers: ETAG_HEADER })
  @ApiProblem(400, 'Invalid values, in the patch or in the merged listing (validation_failed, naming each field).')
  @ApiProblem(404, 'The listing no longer exists.')
  @ApiProblem(
    422,
    "A field that is not the provider's (listing_field_not_provider_owned, naming each), a phone number other than the listing's own in description or cost.notes (listing_text_phone_number, naming each), or the listing is now a safety line (safety_line_not_claimable).",
  )
  async updateListing(
    @CurrentListing() listing: ListingPrincipal,
    @Body() body: UpdateListingRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ResourceResponse> {
    return withEtag(reply, await this.listings.updateListing(listing.resourceId, body, ifMatch, listing.keyId));
  }

  @Get('referrals')
  @RequireListingKey()
  @ApiOperation({
    operationId: 'listListingReferrals',
    summary: 'Referrals to your listing that their partners let you answer, newest first',
    description: 'Only the referral, its status and dates, and the flags you must respect (doNotContact, jointSessionsAppropriate).',
  })
  @ApiOkResponse({ type: ProviderReferralListResponse })
  listListingReferrals(
    @CurrentListing() listing: ListingPrincipal,
    @Query() query: ListProviderReferralsQuery,
  ): Promise<ProviderReferralListResponse> {
    return this.referrals.listForProvider(listing, query);
  }

  @Post('referrals/:referralId/answer')
  @HttpCode(200)
  @RequireListingKey()
  @ApiOperation({
    operationId: 'answerListingReferral',
    summary: 'Accept or decline a referral to your listing; the referring partner is told by webhook',
    description:
      'Moves a requested (or on-hold) referral to accepted or rejected, with a reason code when declining. Another listing’s referral, or one whose partner did not allow answers, is a 404.',
  })
  @ApiBody({
    type: AnswerReferralRequest,
    examples: {
      accept: { summary: 'You will see them', value: { status: 'accepted' } },
      decline: { summary: 'You are full', value: { status: 'rejected', reason: 'not_accepting_clients' } },
    },
  })
  @ApiOkResponse({ type: ProviderReferralResponse })
  @ApiProblem(400, 'Invalid status or reason, or a reason with accepted (reason_needs_rejection).')
  @ApiProblem(404, 'No referral to your listing that you may answer has this id.')
  @ApiInvalidTransition()
  answerListingReferral(
    @CurrentListing() listing: ListingPrincipal,
    @UuidParam('referralId') id: string,
    @Body() body: AnswerReferralRequest,
  ): Promise<ProviderReferralResponse> {
    return this.referrals.answerAsProvider(listing, id, body);
  }
}
