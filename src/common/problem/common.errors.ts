import { HttpStatus } from '@nestjs/common';

import { type Message, msg } from '../i18n/message.js';
import { type FieldError, problemsOf } from './problem.js';

/**
 * Codes of the cross-cutting problems, raised by no one module: request validation, a missing
 * record, the limits on what a request may be, body parsing, page cursors.
 */
export type CommonErrorCode =
  | 'validation_failed'
  | 'not_found'
  | 'uri_too_long'
  | 'unknown_field'
  | 'body_too_deep'
  | 'invalid_character'
  | 'handler_timeout'
  | 'unsupported_media_type'
  | 'empty_body'
  | 'invalid_json'
  | 'forbidden_field_name'
  | 'invalid_cursor';

const { problem, invalidField } = problemsOf<CommonErrorCode>();

export const CommonErrors = {
  /** The ValidationPipe's answer: every invalid field, each with its failed constraint. */
  validationFailed: (errors: FieldError[]) =>
    problem(
      HttpStatus.BAD_REQUEST,
      'validation_failed',
      msg('problem.validation_failed', { fields: [...new Set(errors.map((e) => e.field))].join(', ') }),
      { errors },
    ),
  /** Also for another partner's record: it must answer exactly like a missing one. */
  notFound: (what: string) => problem(HttpStatus.NOT_FOUND, 'not_found', `${what} was not found.`),
  queryTooLong: (maxBytes: number) =>
    problem(HttpStatus.URI_TOO_LONG, 'uri_too_long', `The query string is longer than ${maxBytes} bytes.`),
  unknownParameter: (name: string) => invalidField(name, 'unknown_field', msg('problem.unknown_parameter', { field: name })),
  bodyTooDeep: (maxDepth: number) =>
    problem(HttpStatus.BAD_REQUEST, 'body_too_deep', `The body is nested more than ${maxDepth} levels deep.`),
  nulCharacter: (field: string) => invalidField(field, 'invalid_character', `${field} must not contain the NUL character (U+0000).`),
  handlerTimeout: (timeoutMs: number) =>
    problem(HttpStatus.SERVICE_UNAVAILABLE, 'handler_timeout', `The request was not answered within ${timeoutMs} ms. Retry shortly.`),
  unsupportedMediaType: (detail: string) => problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, 'unsupported_media_type', detail),
  emptyBody: () => problem(HttpStatus.BAD_REQUEST, 'empty_body', 'The body is empty: send a JSON value, or no Content-Type.'),
  invalidJson: () => problem(HttpStatus.BAD_REQUEST, 'invalid_json', 'The body is not valid JSON.'),
  /** `name` is a prototype member's name (safe to repeat); `field` is its path, already made safe to echo. */
  forbiddenFieldName: (name: string, field: string) =>
    problem(HttpStatus.BAD_REQUEST, 'forbidden_field_name', `A field named ${name} is not allowed (${field}).`, {
      errors: [{ field, code: 'forbidden_field_name', message: `a field named ${name} is not allowed` }],
    }),
  /** A page cursor that is not one this list handed out; a list may say why in `message` (a cursor for another sort). */
  invalidCursor: (message: Message = msg('problem.invalid_cursor')) => invalidField('cursor', 'invalid_cursor', message),
};
