import { HttpException, HttpStatus } from '@nestjs/common';

/** One invalid field or parameter, as listed in a problem's `errors[]`. */
export interface FieldError {
  /** Dotted path of the field (`safety.feelsAfraid`) or the query parameter name. */
  field: string;
  /** Machine-readable reason (the failed constraint, e.g. `isEnum`). */
  code: string;
  message: string;
}

export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  code: string;
  requestId?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

export const PROBLEM_TYPE_BASE = 'https://mend.dev/problems/';

/**
 * The exception every module throws for an expected failure. `code` is stable
 * (clients and tests branch on it); `detail` is for humans.
 */
export class ProblemException extends HttpException {
  constructor(
    status: HttpStatus,
    readonly code: string,
    detail: string,
    readonly errors?: FieldError[],
    readonly extensions: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(detail, status);
  }

  static badRequest(field: string, code: string, message: string): ProblemException {
    return new ProblemException(HttpStatus.BAD_REQUEST, 'validation_failed', message, [{ field, code, message }]);
  }

  static notFound(what: string): ProblemException {
    return new ProblemException(HttpStatus.NOT_FOUND, 'not_found', `${what} was not found.`);
  }
}
