import { HttpException, HttpStatus } from '@nestjs/common';

import type { Message } from '../i18n/message.js';
import { render } from '../i18n/render.js';

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
 * (clients and tests branch on it); `detail` is for humans. Modules do not build it inline:
 * each has a `*.errors.ts` whose factory is typed by the module's union of codes (problemsOf).
 */
export class ProblemException<Code extends string = string> extends HttpException {
  /** The detail as a message, when it is one people may read in their language (the filter renders it per request). */
  readonly detailMessage?: Message;

  constructor(
    status: HttpStatus,
    readonly code: Code,
    detail: string | Message,
    readonly errors?: FieldError[],
    readonly extensions: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(typeof detail === 'string' ? detail : render(detail, { locale: 'en' }), status);
    if (typeof detail !== 'string') this.detailMessage = detail;
  }
}

/** What a problem may carry besides its status, code and detail. */
export interface ProblemOptions {
  errors?: FieldError[];
  /** Extension members (RFC 9457 §3.2); each is documented in ProblemDetailsDto. */
  extensions?: Record<string, unknown>;
  headers?: Record<string, string>;
}

/**
 * The constructors a module's `*.errors.ts` builds its factory from, typed by the module's union
 * of codes: a code outside the union does not compile.
 */
export function problemsOf<Code extends string>() {
  return {
    /** A problem with one of the module's codes as its `code`. */
    problem: (status: HttpStatus, code: Code, detail: string | Message, options: ProblemOptions = {}): ProblemException<Code> =>
      new ProblemException(status, code, detail, options.errors, options.extensions, options.headers),
    /**
     * 400 `validation_failed` naming one field or parameter, with one of the module's codes as the reason.
     * A Message (a `problem.*` key) is read in the request's language, as detail and as the field's message.
     */
    invalidField: (field: string, reason: Code, message: string | Message): ProblemException<'validation_failed'> => {
      const english = typeof message === 'string' ? message : render(message, { locale: 'en' });
      return new ProblemException(HttpStatus.BAD_REQUEST, 'validation_failed', message, [{ field, code: reason, message: english }]);
    },
  };
}
