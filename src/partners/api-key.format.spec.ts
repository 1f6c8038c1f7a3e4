import { describe, expect, it } from '@jest/globals';

import { generateClaimToken, generateKey, hashKey, isWellFormedClaimToken, parseKey, visiblePrefix } from './api-key.format.js';

describe('API key format', () => {
  it('generates keys of each kind that parse back, with a visible prefix', () => {
    for (const [kind, env, prefix] of [
      ['secret', 'live', 'mend_sk_live_'],
      ['publishable', 'test', 'mend_pk_test_'],
      ['listing', 'live', 'mend_lk_live_'],
    ] as const) {
      const key = generateKey(kind, env);
      expect(key.plaintext.startsWith(prefix)).toBe(true);
      expect(key.plaintext).toHaveLength(prefix.length + 38);
      expect(parseKey(key.plaintext)).toEqual({ kind, environment: env });
      expect(key.prefix).toBe(visiblePrefix(key.plaintext));
      expect(key.prefix).toHaveLength(prefix.length + 6);
    }
  });

  it('rejects a typo through the checksum, without a database', () => {
    const { plaintext } = generateKey('secret', 'live');
    const i = 20;
    const typo = plaintext.slice(0, i) + (plaintext[i] === 'a' ? 'b' : 'a') + plaintext.slice(i + 1);
    expect(parseKey(typo)).toBeUndefined();
    expect(parseKey(plaintext.slice(0, -1))).toBeUndefined();
    expect(parseKey('mend_xx_live_' + 'a'.repeat(38))).toBeUndefined();
    expect(parseKey('Bearer nonsense')).toBeUndefined();
  });

  it('is random and hashes with the server secret', () => {
    const a = generateKey('secret', 'live').plaintext;
    const b = generateKey('secret', 'live').plaintext;
    expect(a).not.toBe(b);
    expect(hashKey(a, 's1')).toMatch(/^[0-9a-f]{64}$/);
    expect(hashKey(a, 's1')).not.toBe(hashKey(a, 's2'));
  });

  it('makes listing claim tokens that are never keys, and keys that are never claim tokens', () => {
    const token = generateClaimToken('live');
    expect(token.plaintext).toMatch(/^mend_lc_live_[0-9A-Za-z]{38}$/);
    expect(token.prefix).toBe(visiblePrefix(token.plaintext));
    expect(isWellFormedClaimToken(token.plaintext)).toBe(true);
    expect(parseKey(token.plaintext)).toBeUndefined();
    expect(isWellFormedClaimToken(generateKey('listing', 'live').plaintext)).toBe(false);
    const typo = token.plaintext.slice(0, 20) + (token.plaintext[20] === 'a' ? 'b' : 'a') + token.plaintext.slice(21);
    expect(isWellFormedClaimToken(typo)).toBe(false);
  });
});
