import { HttpStatus } from '@nestjs/common';
import { ProblemException } from '../../common/problem/problem.js';

/** Coded failures of directory curation (problem+json; clients branch on `code`). */
export const CurationErrors = {
  notFound: (id: string) => ProblemException.notFound(`Resource ${id}`),
  slugTaken: (slug: string) =>
    new ProblemException(HttpStatus.CONFLICT, 'slug_taken', `Another resource already has the slug ${slug}.`, [
      { field: 'slug', code: 'slug_taken', message: `slug ${slug} is taken` },
    ]),
  preconditionRequired: () =>
    new ProblemException(HttpStatus.PRECONDITION_REQUIRED, 'precondition_required',
      'Send If-Match with the ETag of the resource as you last read it (GET /v1/resources/{id}), so no one else\'s change is overwritten.'),
  wildcardNotAccepted: () =>
    new ProblemException(HttpStatus.PRECONDITION_REQUIRED, 'precondition_required',
      'If-Match: * is not accepted: send the ETag of the resource as you last read it.'),
  preconditionFailed: () =>
    new ProblemException(HttpStatus.PRECONDITION_FAILED, 'precondition_failed',
      'The resource has changed since the ETag in If-Match was read. GET it again, re-apply the change and retry.'),
};
