import { CommonErrors } from '../common/problem/common.errors.js';
import { UUID_PATTERN } from '../common/uuid.js';

// Only a well-formed id is echoed back in the detail; anything else the caller sent is not.
const named = (what: string, id: string) => (UUID_PATTERN.test(id) ? `${what} ${id}` : what);

/** Coded failures of the HSDS feed: only the cross-cutting `not_found` so far, so no codes of its own. */
export const HsdsErrors = {
  serviceNotFound: (id: string) => CommonErrors.notFound(named('Service', id)),
  organizationNotFound: (id: string) => CommonErrors.notFound(named('Organization', id)),
};
