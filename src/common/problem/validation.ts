import { type ValidationError, ValidationPipe } from '@nestjs/common';

import { safeFieldPath } from '../http/json-body.js';
import { CommonErrors } from './common.errors.js';
import type { FieldError } from './problem.js';

function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    // A key that is not a plain name (a whole form body read as one key, a sentence) is not echoed.
    const property = safeFieldPath([error.property]);
    const field = parent ? `${parent}.${property}` : property;
    const own = Object.entries(error.constraints ?? {}).map(([code, message]) => ({
      field,
      code: code === 'whitelistValidation' ? 'unknown_field' : code,
      message: code === 'whitelistValidation' ? `${field} is not an accepted field` : message,
    }));
    return own.concat(flatten(error.children ?? [], field));
  });
}

/**
 * Whitelist + reject unknown properties + transform; failures become a 400 problem
 * naming each field. `validationError.target/value: false` keeps user input out of errors and logs.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => CommonErrors.validationFailed(flatten(errors)),
  });
}
