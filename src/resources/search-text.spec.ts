import { describe, expect, it } from '@jest/globals';

import { buildTsQuery } from './search-text.js';

describe('buildTsQuery', () => {
  it('keeps English queries as they were', () => {
    expect(buildTsQuery('affair')).toBe('(affair | infidelity)');
    expect(buildTsQuery('Couples LA')).toBe('couples & la');
  });

  it('review 15 H3: a Spanish word is ORed with its English words and their synonyms, accents or not', () => {
    expect(buildTsQuery('infidelidad')).toBe('(infidelidad | infidelity)');
    expect(buildTsQuery('abuso')).toBe('(abuso | abuse | violence)');
    expect(buildTsQuery('violencia doméstica')).toBe(buildTsQuery('violencia domestica')!.replace('domestica', 'doméstica'));
    expect(buildTsQuery('VIOLENCIA DOMÉSTICA')).toContain('domestic');
  });

  it('drops Spanish function words only in a Spanish query, and only when other words are left', () => {
    expect(buildTsQuery('terapia de pareja')).not.toMatch(/\bde\b/);
    expect(buildTsQuery('problemas con el alcohol')).toBe('(alcohol | substance)');
    expect(buildTsQuery('de la')).toBe('de & la');
  });
});
