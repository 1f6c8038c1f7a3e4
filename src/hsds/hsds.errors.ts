import { ProblemException } from '../common/problem/problem.js';
import { UUID } from './hsds-ids.js';

// Only a well-formed id is echoed back in the detail; anything else the caller sent is not.
const named = (what: string, id: string) => (UUID.test(id) ? `${what} ${id}` : what);

/** Coded failures of the HSDS feed (problem+json; clients branch on `code`). */
export const HsdsErrors = {
  serviceNotFound: (id: string) => ProblemException.notFound(named('Service', id)),
  organizationNotFound: (id: string) => ProblemException.notFound(named('Organization', id)),
};
