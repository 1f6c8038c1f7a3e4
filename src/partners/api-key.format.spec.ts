import { describe, expect, it } from '@jest/globals';

import { generateKey, hashKey, parseKey, visiblePrefix } from './api-key.format.js';

describe('API key format', () => {
  it('generates keys of each kind that parse back, with a visible prefix', () => {
    for (const [kind, env, prefix] of [
      ['secret', 'live', 'mend_sk_live_'],
      ['publishable', 'test', 'mend_pk_test_'],
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
});
