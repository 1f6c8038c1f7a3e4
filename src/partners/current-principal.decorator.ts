import { requestParam } from '../common/http/request-params.js';
import type { ListingPrincipal, Principal } from './principal.js';

/** The authenticated caller, set by AccessGuard (undefined on anonymous public routes). */
export const CurrentPrincipal = requestParam((request): Principal | undefined => request.principal);

/**
 * The provider's listing key, set by AccessGuard on RequireListingKey() routes only. Throws when
 * absent (a route declared wrongly), so no handler ever acts on an undefined resource.
 */
export const CurrentListing = requestParam((request): ListingPrincipal => {
  const { listing } = request;
  if (!listing) throw new Error('CurrentListing on a route without RequireListingKey()');
  return listing;
});
