import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiSecurity } from '@nestjs/swagger';

import { ApiProblem } from '../common/problem/api-problem.decorator.js';
import { PUBLISHABLE_SCOPES, type Scope } from './scopes.js';

export const ACCESS_KEY = 'mend:access';

export interface AccessRule {
  scopes: Scope[];
  /** Callers without a key may use it (directory reads), under the per-IP limit. */
  anonymous: boolean;
  /** Only secret keys (never from a browser): key management. */
  secretOnly?: boolean;
  /**
   * Only a provider's listing key (and no partner key, admin included). Every other route refuses
   * listing keys: the guard lets one through nowhere else.
   */
  listing?: boolean;
  /**
   * No key at all: an Authorization header is ignored, and every caller counts against the strict
   * per-IP `redeem` limit (redeeming a listing claim token).
   */
  keyless?: boolean;
  /**
   * A write any visitor may make (a listing report): callers without a key and publishable keys
   * (a browser) are also held to the per-IP limit for it, counted per hour.
   */
  visitorWrite?: 'report';
}

const RATE_LIMITED = ApiProblem(429, 'Too many requests for this key or address (code rate_limited); retry after Retry-After seconds.');

/**
 * The rule the AccessGuard enforces, and its documentation from the same place: which keys the
 * operation accepts (OpenAPI security) and the 401/403/429 the guard can answer.
 */
function access(rule: AccessRule) {
  if (rule.listing) return listingAccess(rule);
  const publishable = !rule.secretOnly && rule.scopes.every((s) => PUBLISHABLE_SCOPES.includes(s));
  const security = [
    ...(rule.anonymous ? [ApiSecurity({})] : []),
    ApiSecurity('secretKey'),
    ...(publishable ? [ApiSecurity('publishableKey')] : []),
  ];
  return applyDecorators(
    SetMetadata(ACCESS_KEY, rule),
    ...security,
    ApiProblem(
      401,
      rule.anonymous
        ? 'The key presented is not valid (a request without a key is fine).'
        : 'No key, or a key that is not valid (codes api_key_required, invalid_api_key).',
    ),
    ApiProblem(
      403,
      rule.secretOnly
        ? `The key lacks a scope (insufficient_scope${rule.scopes.length ? `: ${rule.scopes.join(', ')}` : ''}) or is a publishable key (publishable_key_not_allowed).`
        : 'The key lacks a scope (insufficient_scope), or a publishable key was used from an origin it does not allow (origin_not_allowed) or for what only secret keys may do.',
    ),
    RATE_LIMITED,
  );
}

function listingAccess(rule: AccessRule) {
  return applyDecorators(
    SetMetadata(ACCESS_KEY, rule),
    ApiSecurity('listingKey'),
    ApiProblem(401, 'No key, or a listing key that is not valid: unknown, or revoked with its claim (api_key_required, invalid_api_key).'),
    ApiProblem(403, 'A partner key (admin included) was presented: only a listing key works here (listing_key_required).'),
    RATE_LIMITED,
  );
}

/** Open to everyone; a presented key must still hold the scopes. Rate-limited per key or IP. */
export const PublicAccess = (...scopes: Scope[]) => access({ scopes, anonymous: true });

/**
 * Open to everyone like PublicAccess, for a report from the field: visitors (no key, or a
 * publishable key from a browser) are also limited per IP by RATE_LIMIT_REPORTS_PER_IP_PER_HOUR,
 * and a partner's secret keys together by RATE_LIMIT_REPORTS_PER_PARTNER_PER_HOUR.
 */
export const PublicReportAccess = (...scopes: Scope[]) => access({ scopes, anonymous: true, visitorWrite: 'report' });

/** Needs a key with these scopes. */
export const RequireScopes = (...scopes: Scope[]) => access({ scopes, anonymous: false });

/** Needs a secret key (server-side) with these scopes: reading or changing referral records. */
export const RequireSecretScopes = (...scopes: Scope[]) => access({ scopes, anonymous: false, secretOnly: true });

/** Needs a secret key of the partner (any scope): only for reading the partner's own profile. */
export const RequireSecretKey = () => access({ scopes: [], anonymous: false, secretOnly: true });

/** Needs a provider's listing key (listing:write), which the handler reads with @CurrentListing(). */
export const RequireListingKey = () => access({ scopes: ['listing:write'], anonymous: false, listing: true });

/** No key: a listing claim token in the body is the credential, under the strict per-IP redeem limit. */
export const ClaimTokenAccess = () =>
  applyDecorators(
    SetMetadata(ACCESS_KEY, { scopes: [], anonymous: true, keyless: true } satisfies AccessRule),
    ApiSecurity({}),
    ApiProblem(429, 'Too many redemption attempts from this address (code rate_limited); retry after Retry-After seconds.'),
  );
