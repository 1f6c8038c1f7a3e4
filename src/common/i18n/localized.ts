import { applyDecorators, type CallHandler, type ExecutionContext, type NestInterceptor, UseInterceptors } from '@nestjs/common';
import { ApiExtension, ApiHeader, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Observable } from 'rxjs';

import { stack } from '../decorator-stack.js';
import { headerText, requestParam } from '../http/request-params.js';
import { isLocale, LOCALES, negotiateLocale, type RequestLocale } from './locale.js';

/** The OpenAPI extension @Localized() leaves for finishOpenApiDocument to add Content-Language and Vary to each response. */
export const LOCALIZED_EXTENSION = 'x-mend-localized';

const negotiated = new WeakMap<object, RequestLocale>();

const record = (value: unknown): Record<string, unknown> | undefined =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;

/**
 * The request's locale, negotiated once: a valid `lang` in the body (POST /v1/intakes), else in
 * the query, else Accept-Language. The body wins over the query: it is part of the intake itself
 * (and of its Idempotency-Key fingerprint), the query only of the URL. Read by the interceptor,
 * by @RequestLocale() and by the problem+json filter, so an error speaks the same language.
 */
export function localeOf(request: FastifyRequest): RequestLocale {
  let found = negotiated.get(request);
  if (!found) {
    const explicit = [record(request.body)?.lang, record(request.query)?.lang].find(isLocale);
    found = negotiateLocale(headerText(request.headers['accept-language']), explicit);
    negotiated.set(request, found);
  }
  return found;
}

/** Adds a token to Vary without dropping the ones already there (Origin, from the access guard). */
export function appendVary(reply: FastifyReply, token: string): void {
  const current = reply.getHeader('vary');
  const tokens = String(current ?? '')
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  if (!tokens.some((t) => t.toLowerCase() === token.toLowerCase())) tokens.push(token);
  void reply.header('vary', tokens.join(', '));
}

/** Says which locale the response is written in, before the handler runs (handlers that send with @Res() included). */
class LocaleInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const { locale } = localeOf(http.getRequest<FastifyRequest>());
    const reply = http.getResponse<FastifyReply>();
    void reply.header('content-language', locale);
    appendVary(reply, 'Accept-Language');
    return next.handle();
  }
}

/**
 * An endpoint that writes words for people: it negotiates the locale (see localeOf), answers
 * Content-Language and Vary: Accept-Language, and documents Accept-Language. Its `lang` query
 * parameter comes from its DTO (@LangField()).
 */
export function Localized() {
  return applyDecorators(
    UseInterceptors(new LocaleInterceptor()),
    ApiHeader({
      name: 'Accept-Language',
      required: false,
      description:
        'The language of the texts Mend writes (guidance, reasons, labels, problem details): en or es, quality values honoured ' +
        '(`es-MX;q=0.9, en;q=0.5` → es); `*`, other languages or none → en. An explicit `lang` wins. Its region (es-MX, en-GB) ' +
        'also picks miles or km when the request names no country. Codes, enums and ids never change with the language.',
      schema: { type: 'string', example: 'es-US, es;q=0.9, en;q=0.5' },
    }),
    ApiExtension(LOCALIZED_EXTENSION, true),
  );
}

/** The negotiated locale of the request (set up by @Localized()). */
export const RequestLocaleOf = requestParam(localeOf);

/** The `lang` parameter or field: en or es, wins over Accept-Language. */
export function LangField(description = 'The language of the texts Mend writes: en or es. Wins over Accept-Language.') {
  return stack(
    ApiPropertyOptional({ enum: LOCALES, description, example: 'es' }),
    IsOptional(),
    IsIn(LOCALES, { message: `$property must be one of: ${LOCALES.join(', ')}` }),
  );
}

/** The query of an endpoint whose only parameter is `lang`. */
export class LangQuery {
  @LangField()
  lang?: 'en' | 'es';
}
