import { type Server, STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';

import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

import { PROBLEM_TYPE_BASE } from './problem.js';
import { ProblemDetailsFilter } from './problem-details.filter.js';

/*
 * Some requests are answered before the application (and its ProblemDetailsFilter) sees them:
 * by Node's HTTP parser, by Node for an Expect header, by Fastify's router. These handlers
 * make those answers application/problem+json too, like every other error.
 */

function rawProblem(status: number, code: string, detail: string): { status: number; title: string; body: string } {
  const title = STATUS_CODES[status] ?? 'Client Error';
  return { status, title, body: JSON.stringify({ type: `${PROBLEM_TYPE_BASE}${code.replace(/_/g, '-')}`, title, status, detail, code }) };
}

/**
 * Fastify's clientErrorHandler: requests Node cannot take (head over maxHeaderSize, not received
 * within requestTimeout, malformed HTTP). Answers, then closes the connection as Node would.
 */
export function problemClientErrorHandler(this: FastifyInstance, error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const { status, title, body } =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? rawProblem(408, 'request_timeout', 'The request was not received in time.')
      : error.code === 'HPE_HEADER_OVERFLOW'
        ? rawProblem(431, 'headers_too_large', 'The request line and headers are larger than the server accepts.')
        : rawProblem(400, 'bad_request', 'The request is not valid HTTP.');
  this.log.debug({ code: error.code }, `client error answered ${status}`);
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${title}\r\nContent-Type: application/problem+json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy();
}

/**
 * Fastify's frameworkErrors: the router refuses a malformed URL (`%zz`: 400) or a path parameter
 * over maxParamLength (414) before any hook runs, and its error handler there is Fastify's
 * default one (plain JSON), not ours.
 */
export function problemFrameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const problem = new ProblemDetailsFilter().toProblem(error);
  problem.instance = request.url.split('?')[0];
  problem.requestId = String(request.id);
  void reply
    .code(problem.status)
    .header('x-request-id', request.id)
    .header('content-type', 'application/problem+json; charset=utf-8')
    .send(JSON.stringify(problem));
}

/** An Expect header other than 100-continue: Node answers 417 itself, with no body, unless asked. */
export function answerUnmetExpectations(server: Server): void {
  server.on('checkExpectation', (_request, response) => {
    const { status, body } = rawProblem(417, 'expectation_failed', 'Only "Expect: 100-continue" is supported.');
    response.writeHead(status, {
      'content-type': 'application/problem+json; charset=utf-8',
      'content-length': Buffer.byteLength(body),
      connection: 'close',
    });
    response.end(body);
  });
}
