import { parseTsVector } from './tsvector.js';

describe('parseTsVector', () => {
  it('reads lexemes with positions and weights (D has no letter)', () => {
    expect(parseTsVector("'affair':3A 'infidel':5B,9 'rebuild':2C,4,7A")).toEqual([
      { lexeme: 'affair', a: 1, b: 0, c: 0, d: 0 },
      { lexeme: 'infidel', a: 0, b: 1, c: 0, d: 1 },
      { lexeme: 'rebuild', a: 1, b: 0, c: 1, d: 1 },
    ]);
  });

  it('unescapes quotes and backslashes', () => {
    expect(parseTsVector("'it''s':1 'a\\\\b':2").map((o) => o.lexeme)).toEqual(["it's", 'a\\b']);
  });

  it('counts a lexeme without positions once, and reads an empty vector', () => {
    expect(parseTsVector("'stripped'")).toEqual([{ lexeme: 'stripped', a: 0, b: 0, c: 0, d: 1 }]);
    expect(parseTsVector('')).toEqual([]);
  });
});
