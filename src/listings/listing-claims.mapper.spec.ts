import { describe, expect, it } from '@jest/globals';

import { claimStatus } from './listing-claims.mapper.js';

describe('claimStatus', () => {
  const now = new Date('2026-12-02T12:00:00Z');
  const at = (iso: string) => new Date(iso);

  it('is pending until it expires, then expired', () => {
    expect(claimStatus({ revoked_at: null, redeemed_at: null, expires_at: at('2026-12-02T12:00:01Z') }, now)).toBe('pending');
    expect(claimStatus({ revoked_at: null, redeemed_at: null, expires_at: at('2026-12-02T12:00:00Z') }, now)).toBe('expired');
  });

  it('stays redeemed after the expiry (the key does not expire with the token); revoked wins over everything', () => {
    expect(claimStatus({ revoked_at: null, redeemed_at: at('2026-12-01T00:00:00Z'), expires_at: at('2026-12-01T12:00:00Z') }, now)).toBe(
      'redeemed',
    );
    expect(
      claimStatus(
        { revoked_at: at('2026-12-02T00:00:00Z'), redeemed_at: at('2026-12-01T00:00:00Z'), expires_at: at('2026-12-09T00:00:00Z') },
        now,
      ),
    ).toBe('revoked');
  });
});
