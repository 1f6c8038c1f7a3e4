import { HttpStatus } from '@nestjs/common';

import { CommonErrors } from '../common/problem/common.errors.js';
import { problemsOf } from '../common/problem/problem.js';

/** Codes of directory search and reads (problem+json; clients branch on `code`). */
export type ResourceErrorCode =
  | 'empty_query'
  | 'place_required'
  | 'sort_needs_q'
  | 'sort_needs_place'
  | 'invalid_cursor'
  | 'cursor_filters_mismatch'
  | 'directory_not_ready';

const { invalidField, problem } = problemsOf<ResourceErrorCode>();

export const ResourceErrors = {
  emptyQuery: () => invalidField('q', 'empty_query', 'q has no searchable words.'),
  /** Names radiusKm when it was sent, else country. */
  placeRequired: (field: 'radiusKm' | 'country') => invalidField(field, 'place_required', 'radiusKm and country need near or postalCode.'),
  sortNeedsQ: () => invalidField('sort', 'sort_needs_q', 'sort=relevance needs q.'),
  sortNeedsPlace: () => invalidField('sort', 'sort_needs_place', 'sort=distance needs near or postalCode.'),
  cursorNotForSort: () => invalidField('cursor', 'invalid_cursor', 'cursor is not a valid page cursor for this sort order.'),
  cursorFiltersMismatch: () =>
    invalidField('cursor', 'cursor_filters_mismatch', 'cursor was made for other filters; start again without a cursor.'),
  /** The in-memory index is still being built (start-up): never an empty answer instead. */
  directoryNotReady: () =>
    problem(HttpStatus.SERVICE_UNAVAILABLE, 'directory_not_ready', 'The directory is still loading. Retry shortly.', {
      headers: { 'retry-after': '5' },
    }),
  /** The id or slug is repeated in the detail only once the controller has checked its shape. */
  notFound: (idOrSlug?: string) => CommonErrors.notFound(idOrSlug === undefined ? 'Resource' : `Resource ${idOrSlug}`),
};
