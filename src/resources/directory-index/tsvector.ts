/**
 * Reads PostgreSQL's text form of a tsvector (`search_vector::text`):
 * `'affair':3A 'infidel':5B,9 'x'` — each lexeme quoted ('' for a quote, \\ for a backslash),
 * then optional positions, each with a weight letter (A, B, C; D is written as no letter).
 * A lexeme without positions (a stripped vector) counts as one D occurrence.
 */

/** Occurrences of one lexeme in one document, per weight. */
export interface LexemeOccurrences {
  lexeme: string;
  /** Occurrences with weight A, B, C and D. */
  a: number;
  b: number;
  c: number;
  d: number;
}

export function parseTsVector(text: string): LexemeOccurrences[] {
  const out: LexemeOccurrences[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    while (text[i] === ' ') i++;
    if (i >= n) break;
    if (text[i] !== "'") throw new Error(`tsvector: expected a quote at ${i}`);
    i++;
    let lexeme = '';
    for (;;) {
      if (i >= n) throw new Error('tsvector: unterminated lexeme');
      const ch = text[i];
      if (ch === '\\') {
        lexeme += text[i + 1];
        i += 2;
      } else if (ch === "'") {
        if (text[i + 1] === "'") {
          lexeme += "'";
          i += 2;
        } else {
          i++;
          break;
        }
      } else {
        lexeme += ch;
        i++;
      }
    }
    const occurrences: LexemeOccurrences = { lexeme, a: 0, b: 0, c: 0, d: 0 };
    if (text[i] === ':') {
      i++;
      for (;;) {
        while (i < n && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
        const weight = text[i];
        if (weight === 'A') occurrences.a++;
        else if (weight === 'B') occurrences.b++;
        else if (weight === 'C') occurrences.c++;
        else occurrences.d++;
        if (weight === 'A' || weight === 'B' || weight === 'C' || weight === 'D') i++;
        if (text[i] !== ',') break;
        i++;
      }
    } else {
      occurrences.d++;
    }
    out.push(occurrences);
  }
  return out;
}
