import { applyDecorators, type CallHandler, type ExecutionContext, type NestInterceptor, UseInterceptors } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { map, type Observable } from 'rxjs';

import { ApiProblem } from '../problem/api-problem.decorator.js';
import { headerText, requestParam } from './request-params.js';

/** What an @Idempotent() handler returns: the response to send, and whether it replays a stored one. */
export interface IdempotentResult<T> {
  status: number;
  body: T;
  replayed: boolean;
}

/**
 * The Idempotency-Key header, unquoted (a structured-field string, sent quoted or not); undefined
 * when absent. What a key may be is IdempotencyService.run's rule, checked there: after the body's
 * validation, so a request wrong in both still names the body's fields.
 */
export const IdempotencyKey = requestParam((request): string | undefined => {
  const raw = headerText(request.headers['idempotency-key'])?.trim();
  if (raw === undefined) return undefined;
  return raw.startsWith('"') && raw.endsWith('"') && raw.length >= 2 ? raw.slice(1, -1) : raw;
});

/** Sends an IdempotentResult: its status and body, Idempotent-Replayed on a replay, and the Location of what it made. */
class IdempotentReplyInterceptor<T> implements NestInterceptor<IdempotentResult<T>, T> {
  constructor(private readonly location?: (body: T) => string) {}

  intercept(context: ExecutionContext, next: CallHandler<IdempotentResult<T>>): Observable<T> {
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    return next.handle().pipe(
      map((result) => {
        void reply.status(result.status);
        if (this.location) void reply.header('location', this.location(result.body));
        if (result.replayed) void reply.header('idempotent-replayed', 'true');
        return result.body;
      }),
    );
  }
}

/**
 * A POST that honours Idempotency-Key (IdempotencyService.run): the handler takes the key with
 * @IdempotencyKey() and returns the IdempotentResult; this sends it, and documents the header and
 * the 409s. `location`: the URL of what the request created, sent with the first answer and replays.
 */
export function Idempotent<T>(options: { location?: (body: T) => string } = {}) {
  return applyDecorators(
    UseInterceptors(new IdempotentReplyInterceptor(options.location)),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description: 'Retries with the same key and body return the first response (24 h).',
    }),
    ApiProblem(
      409,
      'A request with this Idempotency-Key is still running (idempotency_in_progress; see Retry-After) or failed and should be retried (idempotency_retry).',
      {
        'Retry-After': { description: 'Seconds to wait before retrying.', schema: { type: 'integer', minimum: 0 } },
      },
    ),
  );
}
