import { HttpStatus } from '@nestjs/common';
import { ProblemException } from '../common/problem/problem.js';

/** Coded failures of the partners module; 401s never say whether a key exists. */
export const PartnerErrors = {
  missingKey: () => new ProblemException(HttpStatus.UNAUTHORIZED, 'api_key_required', 'This endpoint needs an API key: send Authorization: Bearer <key>.', undefined, {}, { 'www-authenticate': 'Bearer realm="mend"' }),
  invalidKey: () => new ProblemException(HttpStatus.UNAUTHORIZED, 'invalid_api_key', 'The API key is not valid (unknown, revoked or expired).', undefined, {}, { 'www-authenticate': 'Bearer realm="mend", error="invalid_token"' }),
  insufficientScope: (scopes: string[]) => new ProblemException(HttpStatus.FORBIDDEN, 'insufficient_scope', `This key lacks the scope this endpoint needs: ${scopes.join(', ')}.`, undefined, { requiredScopes: scopes }),
  originNotAllowed: () => new ProblemException(HttpStatus.FORBIDDEN, 'origin_not_allowed', 'Publishable keys work only from the partner\'s allowed origins (the Origin header did not match).'),
  publishableScope: () => new ProblemException(HttpStatus.FORBIDDEN, 'publishable_key_not_allowed', 'Publishable keys may only read the directory and create intakes and referrals; use a secret key server-side.'),
};
