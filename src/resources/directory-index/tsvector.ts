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
  scanTsVector(text, (lexeme, a, b, c, d) => out.push({ lexeme, a, b, c, d }));
  return out;
}

/** The same reading without an object per lexeme (the build reads millions of them). */
export function scanTsVector(text: string, visit: (lexeme: string, a: number, b: number, c: number, d: number) => void): void {
  const n = text.length;
  let i = 0;
  let backslash = text.indexOf('\\');
  while (i < n) {
    while (text[i] === ' ') i++;
    if (i >= n) break;
    if (text[i] !== "'") throw new Error(`tsvector: expected a quote at ${i}`);
    i++;
    let lexeme: string;
    const close = text.indexOf("'", i);
    if (backslash >= 0 && backslash < i) backslash = text.indexOf('\\', i);
    if (close > 0 && text[close + 1] !== "'" && (backslash < 0 || backslash > close)) {
      // Nearly always: no quote or backslash inside the lexeme.
      lexeme = text.slice(i, close);
      i = close + 1;
    } else {
      [lexeme, i] = readEscaped(text, i);
    }
    let a = 0;
    let b = 0;
    let c = 0;
    let d = 0;
    if (text[i] === ':') {
      i++;
      for (;;) {
        while (i < n && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
        const weight = text[i];
        if (weight === 'A') a++;
        else if (weight === 'B') b++;
        else if (weight === 'C') c++;
        else d++;
        if (weight === 'A' || weight === 'B' || weight === 'C' || weight === 'D') i++;
        if (text[i] !== ',') break;
        i++;
      }
    } else {
      d++;
    }
    visit(lexeme, a, b, c, d);
  }
}

/** A quoted lexeme with escapes, from just after its opening quote: the lexeme and the index after its closing quote. */
function readEscaped(text: string, from: number): [string, number] {
  let lexeme = '';
  let i = from;
  for (;;) {
    if (i >= text.length) throw new Error('tsvector: unterminated lexeme');
    const ch = text[i];
    if (ch === '\\') {
      lexeme += text[i + 1];
      i += 2;
    } else if (ch === "'") {
      if (text[i + 1] !== "'") return [lexeme, i + 1];
      lexeme += "'";
      i += 2;
    } else {
      lexeme += ch;
      i++;
    }
  }
}
