export const SCOPES = ['directory:read', 'intakes:write', 'referrals:read', 'referrals:write', 'resources:write', 'admin'] as const;
export type Scope = (typeof SCOPES)[number];

/** Browser-safe: a publishable key may only read the directory and create intakes and referrals. */
export const PUBLISHABLE_SCOPES: Scope[] = ['directory:read', 'intakes:write', 'referrals:write'];
/** A partner's default secret key: everything a partner does, nothing of Mend's administration. */
export const DEFAULT_SECRET_SCOPES: Scope[] = ['directory:read', 'intakes:write', 'referrals:read', 'referrals:write'];

export function hasScopes(granted: readonly string[], required: readonly Scope[]): boolean {
  return granted.includes('admin') || required.every((s) => granted.includes(s));
}
