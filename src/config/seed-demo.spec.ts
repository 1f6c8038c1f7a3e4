import { describe, expect, it } from '@jest/globals';

import { seedDemoListings, validateEnvironment } from './environment.js';

describe('SEED_DEMO (demo listings are opt-in)', () => {
  const secret = { API_KEY_SECRET: 'x'.repeat(32) };
  it.each([
    [{}, true, 'the embedded development database'],
    [{ DATABASE_URL: 'postgres://db/mend' }, false, 'a database server'],
    [{ NODE_ENV: 'production', ...secret }, false, 'production, even embedded'],
    [{ NODE_ENV: 'production', SEED_DEMO: 'true', ...secret }, true, 'an explicit yes'],
    [{ SEED_DEMO: 'false' }, false, 'an explicit no'],
    [{ DATABASE_URL: 'postgres://db/mend', SEED_DEMO: 'true' }, true, 'an explicit yes on a server'],
  ] as [Record<string, string>, boolean, string][])('%j → %s (%s)', (raw, expected) => {
    expect(seedDemoListings(validateEnvironment(raw))).toBe(expected);
  });
});
