import { HttpStatus } from '@nestjs/common';

import { CommonErrors } from '../common/problem/common.errors.js';
import { problemsOf } from '../common/problem/problem.js';

/** Codes of the listings module: claims, their redemption, a provider's own listing (problem+json; clients branch on `code`). */
export type ListingErrorCode = 'claim_token_not_redeemable' | 'listing_field_not_provider_owned';

const { problem } = problemsOf<ListingErrorCode>();

export const ListingErrors = {
  /** Also a claim of another resource: the pair (resource, claim) names it. */
  claimNotFound: () => CommonErrors.notFound('Listing claim'),
  /**
   * Unknown, expired, revoked and already redeemed tokens all answer this, alike: the answer never
   * tells a guesser which tokens exist.
   */
  claimTokenNotRedeemable: () =>
    problem(
      HttpStatus.UNPROCESSABLE_ENTITY,
      'claim_token_not_redeemable',
      "This claim token cannot be redeemed (unknown, expired, revoked or already used). Ask the directory's curators for a new one.",
      { errors: [{ field: 'claimToken', code: 'not_redeemable', message: 'claimToken cannot be redeemed' }] },
    ),
  /** `fields` are names from the request (dotted under cost), each a plain name: the body parser refuses any other key. */
  fieldsNotProviderOwned: (fields: string[]) =>
    problem(
      HttpStatus.UNPROCESSABLE_ENTITY,
      'listing_field_not_provider_owned',
      `A listing key changes only the provider's own fields (acceptingNewClients, waitTimeDays, cost fees and sliding scale, formats, languages, availability, description); ask the directory's curators to change ${fields.join(', ')}.`,
      { errors: fields.map((field) => ({ field, code: 'not_provider_owned', message: `${field} is changed by curators only` })) },
    ),
};
