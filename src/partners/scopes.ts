/** What a partner's key may be given: everything a partner does, and Mend's administration. */
export const PARTNER_SCOPES = [
  'directory:read',
  'intakes:write',
  'referrals:read',
  'referrals:write',
  'resources:write',
  'keys:manage',
  'webhooks:manage',
  'admin',
] as const;
/**
 * A provider's listing key (redeemed from a curator's listing claim): its one resource's
 * provider-owned fields, and the referrals to it that the referring partner let it answer.
 * Never held by a partner key, and never implied by `admin`.
 */
export const LISTING_SCOPES = ['listing:write'] as const;
export const SCOPES = [...PARTNER_SCOPES, ...LISTING_SCOPES] as const;
export type PartnerScope = (typeof PARTNER_SCOPES)[number];
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

const isPartnerScope = (s: Scope): boolean => (PARTNER_SCOPES as readonly string[]).includes(s);

/** `admin` implies every partner scope (never `listing:write`: that belongs to listing keys alone). */
export function hasScopes(granted: readonly string[], required: readonly Scope[]): boolean {
  return required.every((s) => granted.includes(s) || (granted.includes('admin') && isPartnerScope(s)));
}
