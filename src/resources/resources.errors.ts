import { HttpStatus } from '@nestjs/common';

import { msg } from '../common/i18n/message.js';
import { CommonErrors } from '../common/problem/common.errors.js';
import { problemsOf } from '../common/problem/problem.js';

/** Codes of directory search and reads (problem+json; clients branch on `code`). */
export type ResourceErrorCode =
  'empty_query' | 'place_required' | 'sort_needs_q' | 'sort_needs_place' | 'cursor_filters_mismatch' | 'directory_not_ready';

const { invalidField, problem } = problemsOf<ResourceErrorCode>();

export const ResourceErrors = {
  emptyQuery: () => invalidField('q', 'empty_query', msg('problem.empty_query')),
  /** Names radiusKm when it was sent, else country. */
  placeRequired: (field: 'radiusKm' | 'country') => invalidField(field, 'place_required', msg('problem.place_required')),
  sortNeedsQ: () => invalidField('sort', 'sort_needs_q', msg('problem.sort_needs_q')),
  sortNeedsPlace: () => invalidField('sort', 'sort_needs_place', msg('problem.sort_needs_place')),
  cursorNotForSort: () => CommonErrors.invalidCursor(msg('problem.cursor_not_for_sort')),
  cursorFiltersMismatch: () => invalidField('cursor', 'cursor_filters_mismatch', msg('problem.cursor_filters_mismatch')),
  /** The in-memory index is still being built (start-up): never an empty answer instead. */
  directoryNotReady: () =>
    problem(HttpStatus.SERVICE_UNAVAILABLE, 'directory_not_ready', msg('problem.directory_not_ready'), {
      headers: { 'retry-after': '5' },
    }),
  /** The id or slug is repeated in the detail only once the controller has checked its shape. */
  notFound: (idOrSlug?: string) => CommonErrors.notFound(idOrSlug === undefined ? 'Resource' : `Resource ${idOrSlug}`),
};
