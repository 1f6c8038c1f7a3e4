import { stem } from 'porter2';

/**
 * PostgreSQL's `english` text-search configuration, as far as search queries reach it, so the
 * index finds the lexemes `to_tsquery('english', …)` would look up.
 *
 * buildTsQuery (../search-text.ts) leaves words of letters and digits only. PostgreSQL's parser
 * calls such a word `asciiword` or `word` when it has no ASCII digit, and the english config sends
 * those to `english_stem`: the stop-word list below, then the Snowball English (Porter2) stemmer.
 * A word with an ASCII digit is `uint`, `numword` or `sfloat` (1e5), which go to the `simple`
 * dictionary: lower-cased, never stemmed, no stop words. Proved against the server in
 * directory-index.postgres.spec.ts.
 */

/** share/tsearch_data/english.stop of PostgreSQL 15 (127 words). */
export const ENGLISH_STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'i me my myself we our ours ourselves you your yours yourself yourselves he him his himself she her hers herself ' +
    'it its itself they them their theirs themselves what which who whom this that these those am is are was were be ' +
    'been being have has had having do does did doing a an the and but if or because as until while of at by for with ' +
    'about against between into through during before after above below to from up down in out on off over under again ' +
    'further then once here there when where why how all any both each few more most other some such no nor not only own ' +
    'same so than too very s t can will just don should now'
  ).split(' '),
);

const ASCII_DIGIT = /[0-9]/;

/** The lexeme PostgreSQL's english config makes of one query word, or undefined for a stop word. */
export function englishLexeme(word: string): string | undefined {
  const lower = word.toLowerCase();
  if (ASCII_DIGIT.test(lower)) return lower;
  if (ENGLISH_STOP_WORDS.has(lower)) return undefined;
  return stem(lower);
}

/**
 * A parsed text query: every group must match (AND), a group matches when a document has any of
 * its lexemes (OR). `[]` matches nothing: PostgreSQL drops stop words from a query, and a query
 * left without lexemes matches no document.
 */
export type LexemeQuery = string[][];

const TOKEN = /\s*([\p{L}\p{N}]+|[&|()])/uy;

/**
 * Parses the expressions buildTsQuery produces — `word`, `(a | b)`, joined by ` & ` — into lexeme
 * groups, dropping stop words as to_tsquery does (an OR loses the operand, an AND loses the group).
 * Anything else throws: the index reproduces that grammar only.
 */
export function parseTsQuery(expression: string): LexemeQuery {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  const text = expression.trimEnd();
  while (TOKEN.lastIndex < text.length) {
    const match = TOKEN.exec(text);
    if (!match) throw new Error(`unsupported text query at ${TOKEN.lastIndex}`);
    tokens.push(match[1]);
  }
  const groups: LexemeQuery = [];
  let i = 0;
  const word = (): string => {
    const token = tokens[i++];
    if (token === undefined || '&|()'.includes(token)) throw new Error('unsupported text query: expected a word');
    return token;
  };
  for (;;) {
    const words: string[] = [];
    if (tokens[i] === '(') {
      i++;
      words.push(word());
      while (tokens[i] === '|') {
        i++;
        words.push(word());
      }
      if (tokens[i++] !== ')') throw new Error('unsupported text query: expected )');
    } else {
      words.push(word());
    }
    const lexemes = [...new Set(words.map(englishLexeme).filter((l): l is string => l !== undefined))];
    if (lexemes.length) groups.push(lexemes);
    if (i === tokens.length) return groups;
    if (tokens[i++] !== '&') throw new Error('unsupported text query: expected &');
  }
}
