import { Module } from '@nestjs/common';

import { PartnersModule } from '../partners/partners.module.js';
import { ReferralsModule } from '../referrals/referrals.module.js';
import { ResourcesModule } from '../resources/resources.module.js';
import { ListingController } from './listing.controller.js';
import { ListingClaimRedemptionController, ListingClaimsController } from './listing-claims.controller.js';
import { ListingClaimsRepository } from './listing-claims.repository.js';
import { ListingClaimsService } from './listing-claims.service.js';

/**
 * Providers keep their own listing current: curators' listing claims (owns listing_claim), their
 * redemption for a listing key (issued and revoked through partners' ApiKeysService, which owns
 * api_key), the provider's listing (written through resources' ProviderListingService) and its
 * answers to referrals (through ReferralsService).
 */
@Module({
  imports: [PartnersModule, ResourcesModule, ReferralsModule],
  controllers: [ListingClaimsController, ListingClaimRedemptionController, ListingController],
  providers: [ListingClaimsService, ListingClaimsRepository],
})
export class ListingsModule {}
