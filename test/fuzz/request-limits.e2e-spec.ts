import { type AddressInfo, connect } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Body, Controller, Get, Module, Post, Query } from '@nestjs/common';

import { validateEnvironment } from '../../src/config/environment.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/** Test-only routes: an echo without a database, and a handler slower than the request timeout. */
@Controller('limits-probe')
class LimitsProbeController {
  static finishedLate = 0;
  /** Opened by the test: the slow handler waits for it, not for a wall-clock delay. */
  static gate: Promise<void> = Promise.resolve();
  @Post() echo(@Body() body: unknown) {
    return { bytes: JSON.stringify(body).length };
  }
  @Get() query(@Query() query: Record<string, unknown>) {
    return { keys: Object.keys(query).length };
  }
  @Get('slow') async slow(@Query('ms') ms: string) {
    await Promise.all([sleep(Number(ms)), LimitsProbeController.gate]);
    LimitsProbeController.finishedLate++;
    return { slept: Number(ms) };
  }
}
@Module({ controllers: [LimitsProbeController] })
class LimitsProbeModule {}

interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** The server closed the connection. */
  closed: boolean;
  elapsedMs: number;
}

/** Writes raw bytes on a new connection and reads until the server closes it (or `waitMs`). */
function rawExchange(port: number, chunks: (string | Buffer)[], waitMs: number): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = connect(port, '127.0.0.1');
    let data = '';
    let closed = false;
    const finish = () => {
      const [head, ...rest] = data.split('\r\n\r\n');
      const [statusLine, ...headerLines] = head.split('\r\n');
      const headers = Object.fromEntries(
        headerLines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]),
      );
      resolve({
        status: Number(statusLine.split(' ')[1] ?? 0),
        headers,
        body: rest.join('\r\n\r\n'),
        closed,
        elapsedMs: Date.now() - started,
      });
    };
    const timer = setTimeout(() => {
      socket.destroy();
      finish();
    }, waitMs);
    socket.on('data', (c) => (data += c.toString('utf8')));
    socket.on('error', (e: NodeJS.ErrnoException) => (e.code === 'ECONNRESET' || e.code === 'EPIPE' ? undefined : reject(e)));
    socket.on('close', () => {
      closed = true;
      clearTimeout(timer);
      finish();
    });
    socket.on('connect', () => chunks.forEach((c) => socket.write(c)));
  });
}

const expectProblem = (status: number, contentType: string | undefined, body: unknown, code?: string) => {
  expect(contentType).toMatch(/^application\/problem\+json/);
  const problem = (typeof body === 'string' ? JSON.parse(body) : body) as Record<string, unknown>;
  expect(problem).toMatchObject({ status, type: expect.any(String), title: expect.any(String), ...(code ? { code } : {}) });
};

describe('request limits', () => {
  const LIMITS = { BODY_LIMIT_BYTES: '4096', MAX_QUERY_BYTES: '1024', MAX_HEADER_BYTES: '4096', REQUEST_TIMEOUT_MS: '1000' };
  let t: TestApp;
  let port: number;
  beforeAll(async () => {
    t = await createTestApp(LIMITS, [LimitsProbeModule]);
    await t.app.listen(0, '127.0.0.1');
    port = (t.app.getHttpServer().address() as AddressInfo).port;
  });
  afterAll(() => t.close());

  describe('BODY_LIMIT_BYTES', () => {
    const bodyOf = (size: number) => {
      const shell = JSON.stringify({ pad: '' });
      return JSON.stringify({ pad: 'x'.repeat(size - shell.length) });
    };

    it('takes a body of exactly the limit', async () => {
      const res = await t.http().post('/v1/limits-probe').set('Content-Type', 'application/json').send(bodyOf(4096));
      expect(res.status).toBe(201);
    });

    it('answers 413 problem+json one byte over it, whatever the route, key or media type', async () => {
      for (const [path, type] of [
        ['/v1/limits-probe', 'application/json'],
        ['/v1/intakes', 'application/json'],
        ['/v1/limits-probe', 'text/plain'],
      ]) {
        const res = await t.http().post(path).set('Content-Type', type).send(bodyOf(4097));
        expect(res.status).toBe(413);
        expectProblem(413, res.headers['content-type'], res.body, 'payload_too_large');
      }
    });

    it('answers 413 from the declared Content-Length, before reading the body', async () => {
      const res = await rawExchange(
        port,
        [`POST /v1/limits-probe HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 10000000\r\n\r\n{"a":`],
        3000,
      );
      expect(res.status).toBe(413);
      expect(res.elapsedMs).toBeLessThan(1000);
      expectProblem(413, res.headers['content-type'], res.body);
    });
  });

  describe('MAX_QUERY_BYTES', () => {
    const queryOf = (size: number) => `q=${'a'.repeat(size - 2)}`;

    it('takes a query string of exactly the limit', async () => {
      const res = await t.http().get(`/v1/limits-probe?${queryOf(1024)}`);
      expect(res.status).toBe(200);
    });

    it('answers 414 problem+json one byte over it, counting percent-encoded bytes, on any path', async () => {
      for (const path of [
        `/v1/limits-probe?${queryOf(1025)}`,
        `/v1/resources?${queryOf(1025)}`,
        `/no/such/route?${queryOf(1025)}`,
        `/v1/resources?q=${'%C3%A9'.repeat(171)}`,
      ]) {
        const res = await t.http().get(path);
        expect(res.status).toBe(414);
        expectProblem(414, res.headers['content-type'], res.body, 'uri_too_long');
      }
    });

    it('is not fooled by a "?" in the path or an empty query', async () => {
      expect((await t.http().get('/v1/limits-probe?')).status).toBe(200);
    });
  });

  describe('MAX_HEADER_BYTES', () => {
    it('takes headers within the limit', async () => {
      const res = await t.http().get('/health').set('X-Padding', 'x'.repeat(3000));
      expect(res.status).toBe(200);
    });

    it('answers 431 problem+json and closes the connection when the headers are larger', async () => {
      const res = await rawExchange(port, [`GET /health HTTP/1.1\r\nHost: x\r\nX-Padding: ${'x'.repeat(5000)}\r\n\r\n`], 3000);
      expect(res.status).toBe(431);
      expect(res.closed).toBe(true);
      expectProblem(431, res.headers['content-type'], res.body, 'headers_too_large');
    });

    it('counts the request line too: a URL larger than the limit is 431, not 414', async () => {
      const res = await rawExchange(port, [`GET /v1/resources/${'a'.repeat(5000)} HTTP/1.1\r\nHost: x\r\n\r\n`], 3000);
      expect(res.status).toBe(431);
      expectProblem(431, res.headers['content-type'], res.body);
    });

    it('answers malformed HTTP with 400 problem+json', async () => {
      const res = await rawExchange(port, ['GARBAGE\r\n\r\n'], 3000);
      expect(res.status).toBe(400);
      expectProblem(400, res.headers['content-type'], res.body, 'bad_request');
    });
  });

  describe('REQUEST_TIMEOUT_MS', () => {
    it('cuts off a client that does not finish sending its request: 408 problem+json, connection closed', async () => {
      // Headers, then half of the announced body, then nothing.
      const res = await rawExchange(
        port,
        ['POST /v1/limits-probe HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"a":'],
        30_000,
      );
      expect(res.status).toBe(408);
      expect(res.closed).toBe(true);
      expectProblem(408, res.headers['content-type'], res.body, 'request_timeout');
      // Never before the timeout (no upper bound: a busy machine may take longer to check).
      expect(res.elapsedMs).toBeGreaterThanOrEqual(1000 - 50);
    });

    it('cuts off a client that never finishes its headers', async () => {
      const res = await rawExchange(port, ['GET /health HTTP/1.1\r\nHost: x\r\nX-Slow: '], 30_000);
      expect(res.status).toBe(408);
      expect(res.closed).toBe(true);
    });

    it('answers a handler slower than the timeout with 503 problem+json and Retry-After, and keeps serving', async () => {
      // The handler cannot finish until the test opens the gate: the 503 came from the timeout, whatever the machine's speed.
      let open!: () => void;
      LimitsProbeController.gate = new Promise((done) => (open = done));
      const finished = LimitsProbeController.finishedLate;
      const res = await t.http().get('/v1/limits-probe/slow?ms=0');
      expect(res.status).toBe(503);
      expectProblem(503, res.headers['content-type'], res.body, 'handler_timeout');
      expect(res.headers['retry-after']).toBeDefined();
      expect(LimitsProbeController.finishedLate).toBe(finished); // answered while the handler still ran
      // The handler is not killed: it finishes once released, and its answer is dropped without harm.
      open();
      for (const deadline = Date.now() + 30_000; LimitsProbeController.finishedLate === finished && Date.now() < deadline;) await sleep(10);
      expect(LimitsProbeController.finishedLate).toBe(finished + 1);
      expect((await t.http().get('/v1/limits-probe/slow?ms=10')).status).toBe(200);
      expect((await t.http().get('/health')).status).toBe(200);
    });
  });

  it('validates the limits at start-up, naming the variable', () => {
    expect(() => validateEnvironment({ MAX_QUERY_BYTES: '10' })).toThrow(/MAX_QUERY_BYTES/);
    expect(() => validateEnvironment({ MAX_HEADER_BYTES: 'lots' })).toThrow(/MAX_HEADER_BYTES/);
    expect(validateEnvironment({ NODE_ENV: 'test' })).toMatchObject({
      MAX_QUERY_BYTES: 4096,
      MAX_HEADER_BYTES: 16_384,
      BODY_LIMIT_BYTES: 65_536,
      REQUEST_TIMEOUT_MS: 15_000,
    });
  });
});
