import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';

import { createTestApp, type TestApp, type TestPartner } from './support/test-app.js';

/**
 * CORS: answers that depend on the Origin header say so (Vary: Origin), whether the origin was
 * allowed or not, so no shared cache hands one site's answer to another; preflights allow exactly
 * the methods the API has.
 */
const varies = (headers: Record<string, string | undefined>) =>
  (headers.vary ?? '')
    .split(',')
    .map((v) => v.trim().toLowerCase())
    .includes('origin');
const methods = (value: string | undefined) =>
  (value ?? '')
    .split(',')
    .map((m) => m.trim())
    .filter(Boolean)
    .sort();

describe('CORS', () => {
  let t: TestApp;
  let partner: TestPartner;
  beforeAll(async () => {
    t = await createTestApp();
    partner = await t.createPartner({ name: 'cors', origins: ['https://cors.example'] });
  });
  afterAll(() => t.close());

  it('a preflight from a partner origin allows exactly GET, POST, PATCH, DELETE, and varies by Origin', async () => {
    const res = await t.http().options('/v1/referrals').set('Origin', 'https://cors.example').set('Access-Control-Request-Method', 'PATCH');
    expect(res.status).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe('https://cors.example');
    expect(methods(res.headers['access-control-allow-methods'])).toEqual(['DELETE', 'GET', 'PATCH', 'POST']);
    expect(varies(res.headers)).toBe(true);
  });

  it('a preflight from another origin is refused, and also varies by Origin', async () => {
    const res = await t
      .http()
      .options('/v1/referrals')
      .set('Origin', 'https://elsewhere.example')
      .set('Access-Control-Request-Method', 'POST');
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    expect(res.headers['access-control-allow-methods']).toBeUndefined();
    expect(varies(res.headers)).toBe(true);
  });

  it('a publishable-key request from the partner origin gets CORS headers that vary by Origin', async () => {
    const res = await t
      .http()
      .get('/v1/resources?limit=1')
      .set('Authorization', `Bearer ${partner.publishableKey}`)
      .set('Origin', 'https://cors.example');
    expect(res.status).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBe('https://cors.example');
    expect(varies(res.headers)).toBe(true);
  });

  it('a directory read from an unknown origin gets no CORS grant, and varies by Origin', async () => {
    const res = await t.http().get('/v1/resources?limit=1').set('Origin', 'https://elsewhere.example');
    expect(res.status).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    expect(varies(res.headers)).toBe(true);
  });
});
