import { describe, expect, it } from '@jest/globals';

import { bodyEtag, ifNoneMatchHolds, parseIfMatch, versionEtag } from './entity-tags.js';

describe('entity tags', () => {
  it('reads the strong versions of If-Match (weak tags never match), and tells missing and * apart', () => {
    expect(parseIfMatch(versionEtag(7))).toEqual({ kind: 'versions', versions: [7] });
    expect(parseIfMatch('W/"v7", "v8"')).toEqual({ kind: 'versions', versions: [8] });
    expect(parseIfMatch('W/"v7"')).toEqual({ kind: 'versions', versions: [] });
    expect(parseIfMatch('"something-else"')).toEqual({ kind: 'versions', versions: [] });
    expect(parseIfMatch(['"v1"', '"v2"'])).toEqual({ kind: 'versions', versions: [1, 2] });
    expect(parseIfMatch(undefined)).toEqual({ kind: 'missing' });
    expect(parseIfMatch('  ')).toEqual({ kind: 'missing' });
    expect(parseIfMatch('*')).toEqual({ kind: 'any' });
  });

  it('compares If-None-Match weakly, over the whole list (RFC 9110 §13.1.2)', () => {
    expect(ifNoneMatchHolds('"v3"', '"v3"')).toBe(true);
    expect(ifNoneMatchHolds('W/"v3"', '"v3"')).toBe(true);
    expect(ifNoneMatchHolds('"v3"', 'W/"v3"')).toBe(true);
    expect(ifNoneMatchHolds('"v2", "v3"', '"v3"')).toBe(true);
    expect(ifNoneMatchHolds(['"v2"', 'W/"v3"'], '"v3"')).toBe(true);
    expect(ifNoneMatchHolds('*', '"v3"')).toBe(true);
    expect(ifNoneMatchHolds('"v2"', '"v3"')).toBe(false);
    expect(ifNoneMatchHolds('v3', '"v3"')).toBe(false);
    expect(ifNoneMatchHolds('w/"v3"', '"v3"')).toBe(false); // W/ is case-sensitive
    expect(ifNoneMatchHolds(undefined, '"v3"')).toBe(false);
  });

  it('does not split a list at a comma inside a quoted tag', () => {
    expect(ifNoneMatchHolds('"a,b"', '"a,b"')).toBe(true);
    expect(ifNoneMatchHolds('"x", W/"a,b"', '"a,b"')).toBe(true);
    expect(ifNoneMatchHolds('"a,b"', '"a"')).toBe(false);
    expect(ifNoneMatchHolds('"a,b"', '"b"')).toBe(false);
  });

  it('tags equal bodies equally and different bodies differently', () => {
    expect(bodyEtag({ a: 1 })).toBe(bodyEtag({ a: 1 }));
    expect(bodyEtag({ a: 1 })).not.toBe(bodyEtag({ a: 2 }));
    expect(ifNoneMatchHolds(bodyEtag({ a: 1 }), bodyEtag({ a: 1 }))).toBe(true);
  });
});
