import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';

import { localeOf } from '../i18n/localized.js';
import { PROBLEM_TYPE_BASE, type ProblemDetails, ProblemException } from './problem.js';
import { localizeProblem } from './problem-locale.js';

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  408: 'Request Timeout',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

const CODES: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  406: 'not_acceptable',
  408: 'request_timeout',
  409: 'conflict',
  412: 'precondition_failed',
  413: 'payload_too_large',
  414: 'uri_too_long',
  415: 'unsupported_media_type',
  422: 'unprocessable',
  428: 'precondition_required',
  429: 'rate_limited',
  431: 'headers_too_large',
  500: 'internal_error',
  503: 'service_unavailable',
};

// Connection-level failures from pg/TypeORM: the database is down or restarting, not a bug.
const DB_UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P02', '57P03', '53300']);
const DB_UNAVAILABLE_MESSAGES =
  /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|the database system is (starting up|shutting down)/i;

function driverCode(error: unknown): string | undefined {
  const e = error as { code?: string; driverError?: { code?: string } };
  return e?.driverError?.code ?? e?.code;
}

function databaseUnavailable(error: unknown): boolean {
  const e = error as { code?: string; message?: string; driverError?: { code?: string; message?: string } };
  const code = e?.driverError?.code ?? e?.code;
  const message = e?.driverError?.message ?? e?.message ?? '';
  return (code !== undefined && DB_UNAVAILABLE_CODES.has(code)) || DB_UNAVAILABLE_MESSAGES.test(message);
}

/** An HttpException body's `message`: Nest's are a string, or a list from the validation pipe. */
function messageOf(body: object): string | undefined {
  const message = (body as { message?: unknown }).message;
  if (Array.isArray(message)) return message.join('; ');
  return typeof message === 'string' ? message : undefined;
}

/** The request's negotiated locale; English if even that cannot be read (a request too broken to parse). */
function safeLocale(request: FastifyRequest) {
  try {
    return localeOf(request).locale;
  } catch {
    return 'en' as const;
  }
}

/** `instanceof` on the generic class would type `code` as any. */
function isProblem(exception: unknown): exception is ProblemException {
  return exception instanceof ProblemException;
}

/**
 * Every error leaves as RFC 9457 application/problem+json. Known HTTP errors keep
 * their status; Fastify's own 4xx (bad JSON, body too large, bad media type) too;
 * a lost database is 503; anything else is a bare 500 with the request id, never a stack.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const problem = this.toProblem(exception);
    problem.instance = request.url.split('?')[0];
    problem.requestId = String(request.id);
    if (problem.status >= 500 && problem.code === 'internal_error') {
      // The error itself (never the request body) goes to the log, tied to the request id.
      this.logger.error(`Unhandled error on request ${request.id}`, (exception as Error)?.stack);
    }
    // Problems people may meet through the widget are written in their language; the rest in English.
    const language = localizeProblem(problem, exception, safeLocale(request));
    const headers = { ...(exception instanceof ProblemException ? exception.headers : {}) };
    if (problem.status === 503 && !headers['retry-after']) headers['retry-after'] = '5';
    void reply
      .status(problem.status)
      .headers({ ...headers, 'content-language': language, 'content-type': 'application/problem+json; charset=utf-8' })
      .send(problem);
  }

  toProblem(exception: unknown): ProblemDetails {
    if (isProblem(exception)) {
      return this.build(exception.getStatus(), exception.code, exception.message, {
        ...exception.extensions,
        ...(exception.errors ? { errors: exception.errors } : {}),
      });
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const body = exception.getResponse();
      let detail = typeof body === 'string' ? body : messageOf(body);
      if (status === 404 && /^Cannot (GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)/.test(String(detail))) {
        detail = 'No endpoint matches this method and path. See /docs for the API reference.';
      }
      if (status === 503 && typeof body === 'object' && body && 'error' in body) {
        return this.build(status, 'not_ready', 'A dependency is not available.', {
          checks: (body as { error?: unknown; info?: unknown }).error,
        });
      }
      return this.build(
        status,
        CODES[status] ?? `http_${status}`,
        status >= 500 ? (TITLES[status] ?? 'Error') : String(detail ?? TITLES[status]),
      );
    }
    const fastify = exception as { statusCode?: number; code?: string; message?: string };
    if (typeof fastify?.statusCode === 'number' && fastify.statusCode >= 400 && fastify.statusCode < 500) {
      // Fastify's own errors (FST_ERR_CTP_*): malformed JSON, body too large, unsupported media type.
      return this.build(fastify.statusCode, CODES[fastify.statusCode] ?? 'bad_request', fastify.message ?? 'Bad request');
    }
    if (driverCode(exception) === '57014') {
      // statement_timeout cancelled the query: the server is overloaded or the search too broad.
      return this.build(503, 'database_timeout', 'The database took too long to answer. Retry shortly, or narrow the search.');
    }
    if (databaseUnavailable(exception)) {
      return this.build(503, 'database_unavailable', 'The database is temporarily unavailable. Retry shortly.');
    }
    return this.build(500, 'internal_error', 'An unexpected error occurred. Quote the request id if you report it.');
  }

  private build(status: number, code: string, detail: string, extra: Record<string, unknown> = {}): ProblemDetails {
    return {
      type: `${PROBLEM_TYPE_BASE}${code.replace(/_/g, '-')}`,
      title: TITLES[status] ?? (status >= 500 ? 'Server Error' : 'Client Error'),
      status,
      detail,
      code,
      ...extra,
    };
  }
}
