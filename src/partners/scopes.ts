export const SCOPES = [
  'directory:read',
  'intakes:write',
  'referrals:read',
  'referrals:write',
  'resources:write',
  'keys:manage',
  'webhooks:manage',
  'admin',
] as const;
export type Scope = (typeof SCOPES)[number];

/** Browser-safe: a publishable key may only read the directory and create intakes and referrals. */
export const PUBLISHABLE_SCOPES: Scope[] = ['directory:read', 'intakes:write', 'referrals:write'];
/**
 * A partner's initial secret key: everything a partner does, including managing its own keys and
 * webhook, nothing of Mend's administration. Keys issued later can be narrower (e.g. directory:read
 * only) and then cannot touch keys or the webhook.
 */
export const DEFAULT_SECRET_SCOPES: Scope[] = [
  'directory:read',
  'intakes:write',
  'referrals:read',
  'referrals:write',
  'keys:manage',
  'webhooks:manage',
];

/** `admin` implies every scope. */
export function hasScopes(granted: readonly string[], required: readonly Scope[]): boolean {
  return granted.includes('admin') || required.every((s) => granted.includes(s));
}
