import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Body, Controller, Get, Module, Post, Query } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, Min, ValidateNested } from 'class-validator';
import pg from 'pg';
import { DataSource } from 'typeorm';

import { findFreePort } from '../src/database/embedded-postgres.js';
import { createTestApp, type TestApp } from './support/test-app.js';

class Nested {
  @IsBoolean() flag: boolean;
}
class EchoBody {
  @IsInt() @Min(0) count: number;
  @IsIn(['a', 'b']) letter: string;
  @IsOptional() @ValidateNested() @Type(() => Nested) nested?: Nested;
}
class EchoQuery {
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) limit?: number;
}

/** A probe controller that exercises the global pipe and filter exactly as feature modules do. */
@Controller('probe')
class ProbeController {
  @Post() echo(@Body() body: EchoBody) {
    return body;
  }
  @Get() list(@Query() query: EchoQuery) {
    return query;
  }
  @Get('boom') boom(): never {
    throw new Error('secret internal detail');
  }
}
/** Real database failures, raised by the real driver, for the filter to map over HTTP. */
@Controller('probe-db')
class DatabaseProbeController {
  constructor(@InjectDataSource() private readonly db: DataSource) {}
  @Get('timeout') async timeout() {
    return this.db.transaction(async (m) => {
      await m.query(`SET LOCAL statement_timeout = '50ms'`);
      return m.query('SELECT pg_sleep(30)');
    });
  }
  @Get('unreachable') async unreachable() {
    // A port nothing listens on: the driver's own ECONNREFUSED, as when the server is down.
    const client = new pg.Client({
      host: '127.0.0.1',
      port: await findFreePort(),
      user: 'x',
      database: 'x',
      connectionTimeoutMillis: 10_000,
    });
    await client.connect();
    return {};
  }
}

@Module({ controllers: [ProbeController, DatabaseProbeController] })
class ProbeModule {}

const expectProblem = (res: { status: number; headers: Record<string, string>; body: Record<string, unknown> }, status: number) => {
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.body).toMatchObject({ status, title: expect.any(String), type: expect.any(String), code: expect.any(String) });
  expect(JSON.stringify(res.body)).not.toMatch(/at .*\.(ts|js):\d+/); // no stack frames
};

describe('problem+json errors', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({}, [ProbeModule]);
  });
  afterAll(() => t.close());

  it('accepts a valid body and transforms types', async () => {
    const res = await t
      .http()
      .post('/v1/probe')
      .send({ count: 2, letter: 'a', nested: { flag: true } })
      .expect(201);
    expect(res.body).toEqual({ count: 2, letter: 'a', nested: { flag: true } });
  });

  it('rejects an unknown field with 400 naming it', async () => {
    const res = await t.http().post('/v1/probe').send({ count: 2, letter: 'a', name: 'Alex' });
    expectProblem(res, 400);
    expect(res.body.code).toBe('validation_failed');
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'name', code: 'unknown_field' })]);
  });

  it('rejects a wrong type with 400 naming the field, nested fields by path', async () => {
    const res = await t
      .http()
      .post('/v1/probe')
      .send({ count: 'two', letter: 'z', nested: { flag: 'yes' } });
    expectProblem(res, 400);
    const fields = (res.body.errors as { field: string }[]).map((e) => e.field).sort();
    expect(fields).toEqual(['count', 'letter', 'nested.flag']);
  });

  it('rejects a bad query parameter with 400', async () => {
    const res = await t.http().get('/v1/probe?limit=-3');
    expectProblem(res, 400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'limit', code: 'min' })]);
  });

  it('answers malformed JSON with 400, not 500', async () => {
    const res = await t.http().post('/v1/probe').set('Content-Type', 'application/json').send('{"count": 2,');
    expectProblem(res, 400);
  });

  it('answers an unsupported content type with 415', async () => {
    const res = await t.http().post('/v1/probe').set('Content-Type', 'application/xml').send('<a/>');
    expectProblem(res, 415);
  });

  it('answers an oversized body with 413', async () => {
    const res = await t
      .http()
      .post('/v1/probe')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ pad: 'x'.repeat(70_000) }));
    expectProblem(res, 413);
  });

  it('hides internal errors behind a generic 500 with the request id', async () => {
    const res = await t.http().get('/v1/probe/boom');
    expectProblem(res, 500);
    expect(JSON.stringify(res.body)).not.toContain('secret internal detail');
    expect(res.body.requestId).toBe(res.headers['x-request-id']);
  });

  it('answers an unknown method on a known path with a problem', async () => {
    const res = await t.http().delete('/v1/probe');
    // Fastify's router has no route for DELETE /v1/probe: a 404 problem (not 405: routes are matched by method and path together).
    expectProblem(res, 404);
  });
});

describe('database errors', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({}, [ProbeModule]);
  });
  afterAll(() => t.close());

  it('a query cancelled by statement_timeout is a 503 problem, not a 500', async () => {
    const res = await t.http().get('/v1/probe-db/timeout');
    expectProblem(res, 503);
    expect(res.body.code).toBe('database_timeout');
  });

  it('a database that refuses connections is a 503 problem, not a 500', async () => {
    const res = await t.http().get('/v1/probe-db/unreachable');
    expectProblem(res, 503);
    expect(res.body.code).toBe('database_unavailable');
  });
});
