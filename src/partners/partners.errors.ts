import { HttpStatus } from '@nestjs/common';

import { CommonErrors } from '../common/problem/common.errors.js';
import { problemsOf } from '../common/problem/problem.js';
import { type RateLimitDecision, rateLimitHeaders } from './rate-limit.service.js';

/** Codes of the partners module: access, rate limits, partners, keys (problem+json; clients branch on `code`). */
export type PartnerErrorCode =
  | 'api_key_required'
  | 'invalid_api_key'
  | 'insufficient_scope'
  | 'origin_not_allowed'
  | 'publishable_key_not_allowed'
  | 'listing_key_not_allowed'
  | 'listing_key_required'
  | 'rate_limited'
  | 'insecure_origin'
  | 'invalid_webhook_url'
  | 'webhook_url_not_allowed'
  | 'publishable_scope'
  | 'environment_mismatch'
  | 'expires_in_past'
  | 'key_not_active'
  | 'revocation_exceeds_caller'
  | 'rotation_exceeds_caller';

const { problem, invalidField } = problemsOf<PartnerErrorCode>();

/** A key may be revoked or rotated only by a caller whose scopes cover it; `missingScopes` are the ones the caller lacks. */
const exceedsCaller =
  (code: 'revocation_exceeds_caller' | 'rotation_exceeds_caller', verb: 'revoke' | 'rotate') => (missingScopes: string[]) =>
    problem(HttpStatus.FORBIDDEN, code, `This key holds scopes yours lacks; ${verb} it with a key that holds them all.`, {
      extensions: { missingScopes },
    });

/** Coded failures of the partners module; 401s never say whether a key exists. */
export const PartnerErrors = {
  missingKey: () =>
    problem(HttpStatus.UNAUTHORIZED, 'api_key_required', 'This endpoint needs an API key: send Authorization: Bearer <key>.', {
      headers: { 'www-authenticate': 'Bearer realm="mend"' },
    }),
  invalidKey: () =>
    problem(HttpStatus.UNAUTHORIZED, 'invalid_api_key', 'The API key is not valid (unknown, revoked or expired).', {
      headers: { 'www-authenticate': 'Bearer realm="mend", error="invalid_token"' },
    }),
  insufficientScope: (scopes: string[]) =>
    problem(HttpStatus.FORBIDDEN, 'insufficient_scope', `This key lacks the scope this endpoint needs: ${scopes.join(', ')}.`, {
      extensions: { requiredScopes: scopes },
    }),
  originNotAllowed: () =>
    problem(
      HttpStatus.FORBIDDEN,
      'origin_not_allowed',
      "Publishable keys work only from the partner's allowed origins (the Origin header did not match).",
    ),
  publishableScope: () =>
    problem(
      HttpStatus.FORBIDDEN,
      'publishable_key_not_allowed',
      'Publishable keys may only read the directory and create intakes and referrals; use a secret key server-side.',
    ),
  /** A listing key on any route but the provider's own (/v1/listing…): never a scope a listing key could hold. */
  listingKeyNotAllowed: () =>
    problem(
      HttpStatus.FORBIDDEN,
      'listing_key_not_allowed',
      "A listing key works only on the provider's own listing (/v1/listing and /v1/listing/referrals).",
    ),
  listingKeyRequired: () =>
    problem(
      HttpStatus.FORBIDDEN,
      'listing_key_required',
      "Only a provider's listing key (mend_lk_…) works here; a partner key names no listing.",
    ),
  rateLimited: (decision: RateLimitDecision) =>
    problem(
      HttpStatus.TOO_MANY_REQUESTS,
      'rate_limited',
      `Too many requests: the limit is ${decision.limit} per ${decision.windowSeconds === 3600 ? 'hour' : decision.windowSeconds === 60 ? 'minute' : `${decision.windowSeconds} s`}. Retry after ${decision.resetSeconds} s.`,
      {
        headers: { ...rateLimitHeaders(decision), 'retry-after': String(decision.resetSeconds) },
      },
    ),

  partnerNotFound: () => CommonErrors.notFound('Partner'),
  /** `insecure`: the allowed origins that are not https:// (the caller's own input). */
  insecureOrigins: (insecure: string[]) =>
    problem(HttpStatus.UNPROCESSABLE_ENTITY, 'insecure_origin', 'allowedOrigins must be https:// origins in production.', {
      errors: [{ field: 'allowedOrigins', code: 'https_required', message: `not https: ${insecure.join(', ')}` }],
    }),
  invalidWebhookUrl: (field: string) => invalidField(field, 'invalid_webhook_url', `${field} must be an https:// URL without credentials.`),
  /** `reason` and `message` come from WebhookTargetError: why the address is not public. */
  webhookUrlNotAllowed: (field: string, reason: string, message: string) =>
    problem(HttpStatus.UNPROCESSABLE_ENTITY, 'webhook_url_not_allowed', `${field} must reach a public https:// endpoint.`, {
      errors: [{ field, code: reason, message }],
    }),

  /** Another partner's key answers the same. */
  keyNotFound: () => CommonErrors.notFound('API key'),
  publishableKeyScopes: (allowed: readonly string[]) =>
    invalidField('scopes', 'publishable_scope', `Publishable keys may only have: ${allowed.join(', ')}.`),
  environmentMismatch: (partnerEnvironment: string, requested: string) =>
    problem(
      HttpStatus.UNPROCESSABLE_ENTITY,
      'environment_mismatch',
      `This partner's keys are ${partnerEnvironment} keys; a ${requested} key needs a ${requested} partner.`,
      {
        errors: [{ field: 'environment', code: 'environment_mismatch', message: `must be ${partnerEnvironment}` }],
      },
    ),
  expiresInPast: () =>
    problem(HttpStatus.UNPROCESSABLE_ENTITY, 'expires_in_past', 'expiresAt is already past: a key would be issued expired.', {
      errors: [{ field: 'expiresAt', code: 'expires_in_past', message: 'must be in the future' }],
    }),
  keyNotActive: () => problem(HttpStatus.CONFLICT, 'key_not_active', 'Only an active key can be rotated.'),
  revocationExceedsCaller: exceedsCaller('revocation_exceeds_caller', 'revoke'),
  rotationExceedsCaller: exceedsCaller('rotation_exceeds_caller', 'rotate'),
};
