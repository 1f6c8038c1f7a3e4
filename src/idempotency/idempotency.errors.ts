import { HttpStatus } from '@nestjs/common';

import { problemsOf } from '../common/problem/problem.js';

/** Codes of the Idempotency-Key checks (problem+json; clients branch on `code`). */
export type IdempotencyErrorCode = 'invalid_idempotency_key' | 'idempotency_retry' | 'idempotency_key_reused' | 'idempotency_in_progress';

const { problem, invalidField } = problemsOf<IdempotencyErrorCode>();

export const IdempotencyErrors = {
  invalidKey: () => invalidField('Idempotency-Key', 'invalid_idempotency_key', 'Idempotency-Key must be 1–255 visible ASCII characters.'),
  /** The first attempt failed and released the key between this request's claim and its read. */
  retry: () => problem(HttpStatus.CONFLICT, 'idempotency_retry', 'The first request with this Idempotency-Key failed; retry it.'),
  keyReused: () =>
    problem(HttpStatus.UNPROCESSABLE_ENTITY, 'idempotency_key_reused', 'This Idempotency-Key was used with a different request body.'),
  inProgress: () =>
    problem(
      HttpStatus.CONFLICT,
      'idempotency_in_progress',
      'A request with this Idempotency-Key is still being processed; retry shortly.',
      {
        headers: { 'retry-after': '1' },
      },
    ),
};
