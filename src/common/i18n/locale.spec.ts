import { describe, expect, it } from '@jest/globals';

import { negotiateLocale } from './locale.js';

describe('negotiateLocale', () => {
  it.each([
    ['es-MX;q=0.9, en;q=0.5', 'es', 'MX'],
    ['en;q=0.5, es-MX;q=0.9', 'es', 'MX'],
    ['en-GB', 'en', 'GB'],
    ['es', 'es', undefined],
    ['es-419, en;q=0.1', 'es', undefined],
    ['*', 'en', undefined],
    ['fr', 'en', undefined],
    ['fr, es;q=0.1', 'es', undefined],
    ['es;q=0, en', 'en', undefined],
    ['', 'en', undefined],
    [undefined, 'en', undefined],
  ])('Accept-Language %p → %p (region %p)', (header, locale, region) => {
    expect(negotiateLocale(header)).toEqual({ locale, region, explicit: false });
  });

  it('an explicit lang wins over the header; a lang that is not a locale is left to validation', () => {
    expect(negotiateLocale('es-MX', 'en')).toEqual({ locale: 'en', region: 'MX', explicit: true });
    expect(negotiateLocale('en-US', 'es')).toEqual({ locale: 'es', region: 'US', explicit: true });
    expect(negotiateLocale('es', 'fr')).toEqual({ locale: 'es', region: undefined, explicit: false });
  });
});
