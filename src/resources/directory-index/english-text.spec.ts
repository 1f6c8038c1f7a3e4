import { englishLexeme, parseTsQuery } from './english-text.js';

describe('englishLexeme', () => {
  it('stems words as english_stem does', () => {
    expect(englishLexeme('infidelity')).toBe('infidel');
    expect(englishLexeme('counseling')).toBe('counsel');
    expect(englishLexeme('Couples')).toBe('coupl');
  });

  it('drops PostgreSQL english stop words', () => {
    expect(englishLexeme('the')).toBeUndefined();
    expect(englishLexeme('don')).toBeUndefined();
  });

  it('keeps words with ASCII digits as they are (simple dictionary)', () => {
    expect(englishLexeme('1st')).toBe('1st');
    expect(englishLexeme('abc123')).toBe('abc123');
    expect(englishLexeme('running2')).toBe('running2');
  });
});

describe('parseTsQuery', () => {
  it('reads buildTsQuery output: groups ANDed, alternatives ORed', () => {
    expect(parseTsQuery('(affair | infidelity) & recovery')).toEqual([['affair', 'infidel'], ['recoveri']]);
  });

  it('drops stop words like to_tsquery: from an OR, and whole groups', () => {
    expect(parseTsQuery('the & (a | affair)')).toEqual([['affair']]);
    expect(parseTsQuery('the & an')).toEqual([]);
  });

  it('merges alternatives that stem alike', () => {
    expect(parseTsQuery('(divorce | separation | divorce)')).toEqual([['divorc', 'separ']]);
  });

  it('refuses anything buildTsQuery does not produce', () => {
    expect(() => parseTsQuery('affair:*')).toThrow();
    expect(() => parseTsQuery('!affair')).toThrow();
    expect(() => parseTsQuery('a | b')).toThrow();
    expect(() => parseTsQuery('(a & b)')).toThrow();
  });
});
