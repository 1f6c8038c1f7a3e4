import { HttpStatus } from '@nestjs/common';

import { problemsOf } from '../../common/problem/problem.js';

/** Codes of directory curation (problem+json; clients branch on `code`). */
export type CurationErrorCode =
  | 'slug_taken'
  | 'not_nullable'
  | 'precondition_required'
  | 'precondition_failed'
  | 'safety_line_not_claimable'
  | 'listing_text_phone_number';

const { problem, invalidField } = problemsOf<CurationErrorCode>();

export const CurationErrors = {
  slugTaken: (slug: string) =>
    problem(HttpStatus.CONFLICT, 'slug_taken', `Another resource already has the slug ${slug}.`, {
      errors: [{ field: 'slug', code: 'slug_taken', message: `slug ${slug} is taken` }],
    }),
  notNullable: (field: string) => invalidField(field, 'not_nullable', `${field} cannot be removed: send true or false.`),
  preconditionRequired: () =>
    problem(
      HttpStatus.PRECONDITION_REQUIRED,
      'precondition_required',
      "Send If-Match with the ETag of the resource as you last read it (GET /v1/resources/{id}), so no one else's change is overwritten.",
    ),
  wildcardNotAccepted: () =>
    problem(
      HttpStatus.PRECONDITION_REQUIRED,
      'precondition_required',
      'If-Match: * is not accepted: send the ETag of the resource as you last read it.',
    ),
  safetyLineNotClaimable: () =>
    problem(
      HttpStatus.UNPROCESSABLE_ENTITY,
      'safety_line_not_claimable',
      'This resource is a safety line (a hotline): only curators change it, so it cannot be claimed or edited by its provider.',
    ),
  /**
   * A provider's free text names a phone number that is not one of the listing's own: curators
   * verify a listing's numbers, and a number in a description ("the hotline has moved to …") would
   * send a person in danger wherever the provider chose.
   */
  textPhoneNumber: (fields: string[]) =>
    problem(
      HttpStatus.UNPROCESSABLE_ENTITY,
      'listing_text_phone_number',
      `A phone number that is not one of the listing's own is not allowed in ${fields.join(', ')}: ask the directory's curators to add or change a number.`,
      {
        errors: fields.map((field) => ({
          field,
          code: 'phone_number',
          message: `${field} names a phone number the listing does not publish`,
        })),
      },
    ),
  preconditionFailed: () =>
    problem(
      HttpStatus.PRECONDITION_FAILED,
      'precondition_failed',
      'The resource has changed since the ETag in If-Match was read. GET it again, re-apply the change and retry.',
    ),
};
