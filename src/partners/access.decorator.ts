import { SetMetadata } from '@nestjs/common';
import type { Scope } from './scopes.js';

export const ACCESS_KEY = 'mend:access';

export interface AccessRule {
  scopes: Scope[];
  /** Callers without a key may use it (directory reads), under the per-IP limit. */
  anonymous: boolean;
  /** Only secret keys (never from a browser): key management. */
  secretOnly?: boolean;
}

/** Open to everyone; a presented key must still hold the scopes. Rate-limited per key or IP. */
export const PublicAccess = (...scopes: Scope[]) => SetMetadata(ACCESS_KEY, { scopes, anonymous: true } satisfies AccessRule);

/** Needs a key with these scopes. */
export const RequireScopes = (...scopes: Scope[]) => SetMetadata(ACCESS_KEY, { scopes, anonymous: false } satisfies AccessRule);

/** Needs a secret key (server-side) with these scopes: reading or changing referral records. */
export const RequireSecretScopes = (...scopes: Scope[]) => SetMetadata(ACCESS_KEY, { scopes, anonymous: false, secretOnly: true } satisfies AccessRule);

/** Needs a secret key of the partner (any scope): only for reading the partner's own profile. */
export const RequireSecretKey = () => SetMetadata(ACCESS_KEY, { scopes: [], anonymous: false, secretOnly: true } satisfies AccessRule);
