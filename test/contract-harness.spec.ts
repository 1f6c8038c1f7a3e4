import { readFileSync } from 'node:fs';

import { describe, expect, it } from '@jest/globals';

import { Contract } from './support/contract.js';

const contract = new Contract(JSON.parse(readFileSync('docs/openapi.json', 'utf8')));
const problem = (status: number) => JSON.stringify({ type: 'https://mend.dev/problems/x', title: 'X', status, code: 'x' });
const observed = (over: Partial<Parameters<Contract['check']>[0]>) => ({
  method: 'GET',
  route: '/v1/referrals',
  url: '/v1/referrals',
  status: 200,
  headers: { 'content-type': 'application/json; charset=utf-8' },
  body: '{"data":[],"page":{"limit":20,"nextCursor":null}}',
  ...over,
});

describe('the e2e contract check (test/support/contract.ts)', () => {
  it('passes a documented answer', () => {
    expect(contract.check(observed({}))).toEqual([]);
    expect(
      contract.check(observed({ status: 401, headers: { 'content-type': 'application/problem+json; charset=utf-8' }, body: problem(401) })),
    ).toEqual([]);
  });

  it('flags an undocumented status, a media type not declared, a body off its schema, a missing required header', () => {
    expect(contract.check(observed({ status: 418 }))[0].problem).toMatch(/not documented/);
    expect(
      contract.check(
        observed({ route: '/v1/referrals/:referralId', status: 404, headers: { 'content-type': 'application/json' }, body: problem(404) }),
      )[0].problem,
    ).toMatch(/media type application\/json/);
    expect(contract.check(observed({ body: '{"data":[],"page":{}}' }))[0].problem).toMatch(/body does not match/);
    const tooMany = contract.check(observed({ status: 429, headers: { 'content-type': 'application/problem+json' }, body: problem(429) }));
    expect(tooMany.map((v) => v.problem)).toEqual(['required header Retry-After is missing']);
  });

  it('checks only documented operations (widget pages, unknown paths, HEAD and OPTIONS are outside the contract)', () => {
    expect(contract.check(observed({ route: undefined, status: 404 }))).toEqual([]);
    expect(contract.check(observed({ route: '/widget/frame', status: 200 }))).toEqual([]);
    expect(contract.check(observed({ method: 'OPTIONS', status: 204, body: '' }))).toEqual([]);
  });
});
