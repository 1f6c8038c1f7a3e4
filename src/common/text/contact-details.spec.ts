import { describe, expect, it } from '@jest/globals';

import { hasOtherPhoneNumber, readAsSeen } from './contact-details.js';

const listing = { ownPhones: ['1-800-799-7233'], countries: ['US'] };

describe('hasOtherPhoneNumber', () => {
  it.each([
    ['plain', 'Call 1-900-555-0199 now'],
    ['non-breaking hyphens', 'Call 1\u2011900\u2011555\u20110199'],
    ['fullwidth digits', 'Call \uff11-\uff19\uff10\uff10-\uff15\uff15\uff15-\uff10\uff11\uff19\uff19'],
    ['spelled digits', 'call six one four five five five zero one two three'],
    ['spelled with "hundred"', 'call one nine hundred five five five zero one nine nine'],
    ['O and l inside a number', 'call 61four 555 O123'],
  ])('finds a number written %s', (_, text) => {
    expect(hasOtherPhoneNumber(text, listing)).toBe(true);
  });

  it("the listing's own number, and text without a number, are fine", () => {
    expect(hasOtherPhoneNumber('Call us at 1-800-799-7233, any time', listing)).toBe(false);
    expect(hasOtherPhoneNumber('Sessions from $60 to $120; one hundred percent online.', listing)).toBe(false);
  });
});

describe('readAsSeen', () => {
  it('fullwidth forms, zero-width characters, look-alike letters and spaced-out letters read as a person sees them', () => {
    expect(readAsSeen('jane\uff20mail.example f\u200bb Str\u0435\u0435t M a r i a')).toBe('jane@mail.example fb Street Maria');
  });
});
