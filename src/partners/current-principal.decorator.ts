import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

import type { ListingPrincipal, Principal } from './principal.js';

/** The authenticated caller, set by AccessGuard (undefined on anonymous public routes). */
export const CurrentPrincipal = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): Principal | undefined => ctx.switchToHttp().getRequest<FastifyRequest>().principal,
);

/**
 * The provider's listing key, set by AccessGuard on RequireListingKey() routes only. Throws when
 * absent (a route declared wrongly), so no handler ever acts on an undefined resource.
 */
export const CurrentListing = createParamDecorator((_data: unknown, ctx: ExecutionContext): ListingPrincipal => {
  const listing = ctx.switchToHttp().getRequest<FastifyRequest>().listing;
  if (!listing) throw new Error('CurrentListing on a route without RequireListingKey()');
  return listing;
});
