import fc from 'fast-check';

/**
 * Hostile values: what a careless or malicious client sends. Each list is small and named so a
 * failing counterexample says what kind of input broke the API.
 */

export const UNICODE_STRINGS = [
  '\u0000',
  'a\u0000b',
  '\u0000\u0000\u0000', // NUL: PostgreSQL text rejects it
  '\ud800',
  '\udfff',
  'a\ud83db',
  '\udc00\ud800', // lone and reversed surrogates
  '\u202eevil\u202c',
  'مرحبا بالعالم',
  'שלום',
  '\u200f\u200e', // RTL override, Arabic, Hebrew, marks
  '👩‍❤️‍💋‍👨',
  '🏳️‍🌈',
  '😀'.repeat(50), // emoji with ZWJ sequences, astral code points
  '\ufeffBOM',
  '\u200b',
  '\u00a0',
  'Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o̙̔ͮ̇͐̇', // BOM, zero width, NBSP, combining marks
  '\u0001\u0002\u001f\u007f',
  '\r\n',
  '\t',
  '\u2028\u2029',
  '\ufffd',
  '\uffff', // controls, separators, non-characters
  'İıǅﬃ',
  'ß',
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢', // case-mapping traps
];

/**
 * Names every JavaScript object inherits: looked up on a plain object with user input they find
 * Object.prototype's members (`?q=constructor` was a 500). Sent bare, in other cases, inside
 * sentences and as keys, so fuzzing finds this class wherever user text meets an object literal.
 */
export const PROTOTYPE_NAMES = [
  'constructor',
  '__proto__',
  'prototype',
  'toString',
  'tostring',
  'hasOwnProperty',
  'hasownproperty',
  'valueOf',
  'valueof',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  '__defineGetter__',
  '__lookupGetter__',
  'CONSTRUCTOR',
  'Constructor',
  'constructor prototype',
  'my constructor',
  '__proto__.admin',
  'constructor.prototype',
  'then',
  'length',
  'name',
  'caller',
  'arguments',
];

/** Other strings known to break naive code: reserved words, special file names, empty-ish values. */
export const KNOWN_BAD_STRINGS = [
  'undefined',
  'null',
  'NULL',
  'nil',
  'None',
  'true',
  'false',
  'NaN',
  '[object Object]',
  'CON',
  'PRN',
  'AUX',
  'NUL',
  'COM1',
  'LPT1',
  '\u0000',
  '\x00',
  '\n',
  '\r\n',
  ' ',
  ' ',
  '﻿',
  '​',
  '‮',
  'ﾟ･✿ヾ╲(｡◕‿◕｡)╱✿･ﾟ',
];

export const INJECTION_STRINGS = [
  "' OR '1'='1",
  "'; DROP TABLE resource; --",
  '" OR ""="',
  '1; SELECT pg_sleep(10)--',
  "') OR 1=1--",
  "%' --",
  "\\'",
  '\\',
  '$1',
  '$$',
  "E'\\\\x00'",
  'null::uuid',
  "'::int",
  ':name',
  '?', // SQL and driver placeholders
  '{"$gt":""}',
  '"},"admin":true,"x":{"',
  '{"__proto__":{"admin":true}}',
  '[]',
  '{}',
  'null',
  'true', // JSON injection
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty', // prototype keys
  '<script>alert(1)</script>',
  '${jndi:ldap://127.0.0.1/a}',
  '{{7*7}}',
  '../../../../etc/passwd',
  '..%2f..%2f',
  '%00',
  '%',
  '%%',
  '%zz',
  '+',
  '&',
  '=',
  '#',
  '?x=1',
  ';',
  ',',
  ',,,',
  ' , ', // URL and list syntax
  'NaN',
  'Infinity',
  '-Infinity',
  '-0',
  '1e309',
  '0x10',
  '1_000',
  '١٢٣', // number-like text
];

export const HUGE_NUMBERS: unknown[] = [
  0,
  -0,
  -1,
  1.5,
  0.1 + 0.2,
  1e-320,
  -1e-320,
  2 ** 31,
  2 ** 31 - 1,
  -(2 ** 31) - 1,
  2 ** 32,
  2 ** 53,
  2 ** 53 + 2,
  -(2 ** 53),
  Number.MAX_VALUE,
  -Number.MAX_VALUE,
  1e21,
  123456789.12345679, // the double nearest 123456789.123456789 (the literal itself would round)
];

/** Numbers JSON can carry but JavaScript cannot hold exactly, as raw JSON text. */
export const RAW_JSON_NUMBERS = ['1e400', '-1e400', '123456789012345678901234567890', '0.0000000000000000000000000001', '1E+2', '-0.0'];

export function hugeString(length: number, unit = 'a'): string {
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

/**
 * A value nested `depth` levels deep. Kept symbolic until the body is written as text
 * (`DeepNest.toJson`): JSON.stringify, and fast-check's printing of counterexamples, recurse
 * and would overflow the stack themselves.
 */
export class DeepNest {
  constructor(
    readonly depth: number,
    readonly kind: 'array' | 'object',
  ) {}
  toJson(): string {
    const [open, close] = this.kind === 'array' ? ['[', ']'] : ['{"a":', '}'];
    return `${open.repeat(this.depth)}1${close.repeat(this.depth)}`;
  }
  [fc.toStringMethod](): string {
    return `DeepNest(${this.kind} × ${this.depth})`;
  }
}

export function deeplyNested(depth: number, kind: 'array' | 'object'): DeepNest {
  return new DeepNest(depth, kind);
}

export const nastyString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...UNICODE_STRINGS) },
  { weight: 4, arbitrary: fc.constantFrom(...INJECTION_STRINGS) },
  { weight: 3, arbitrary: fc.constantFrom(...PROTOTYPE_NAMES, ...KNOWN_BAD_STRINGS) },
  {
    weight: 2,
    arbitrary: fc
      .constantFrom(201, 256, 513, 1001, 5000, 20_000)
      .chain((n) => fc.constantFrom(hugeString(n), hugeString(n, '€'), hugeString(n, '\u0000'), hugeString(n, '😀'))),
  },
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...UNICODE_STRINGS), fc.constantFrom(...INJECTION_STRINGS)).map(([a, b]) => a + b) },
);

/** Any JSON value, hostile or not, of any type. */
export const nastyJsonValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: nastyString },
  { weight: 3, arbitrary: fc.constantFrom(...HUGE_NUMBERS) },
  { weight: 2, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 2, arbitrary: fc.constantFrom(null, true, false, [], {}, [null], [''], { '': '' }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(5, 50, 500, 3000).chain((d) => fc.constantFrom(deeplyNested(d, 'array'), deeplyNested(d, 'object'))),
  },
  { weight: 1, arbitrary: fc.array(nastyString, { maxLength: 5 }) },
  { weight: 1, arbitrary: fc.dictionary(nastyString, nastyString, { maxKeys: 3 }) },
  { weight: 1, arbitrary: fc.constantFrom(hugeArray(1000), hugeArray(5000)) },
);

function hugeArray(length: number): string[] {
  return Array.from({ length }, (_, i) => `v${i}`);
}

/** A query-string value (text) from any hostile value. */
export const nastyQueryValue: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: nastyString },
  { weight: 2, arbitrary: fc.constantFrom(...HUGE_NUMBERS, ...RAW_JSON_NUMBERS).map(String) },
  { weight: 1, arbitrary: fc.constantFrom('', 'true', 'false', '1', '0', 'yes', 'TRUE', '[object Object]', 'undefined') },
  { weight: 2, arbitrary: fc.constantFrom(...PROTOTYPE_NAMES) },
);

/** Page cursors: random text, base64url of crafted JSON (wrong types, NUL, huge and fractional keys, bad ids). */
export function badCursor(realCursors: () => string[]): fc.Arbitrary<string> {
  const b64 = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
  const craftedKeys = fc.oneof(
    fc.constantFrom<unknown>('a\u0000', '\ud800', 'é', '', hugeString(300), hugeString(301), null, true, [], {}),
    fc.constantFrom(...HUGE_NUMBERS),
  );
  const craftedIds = fc.constantFrom<unknown>(
    '-'.repeat(36),
    '0'.repeat(36),
    'ffffffff-ffff-ffff-ffff-ffffffffffff',
    '00000000-0000-0000-0000-000000000000',
    'x',
    null,
    1,
  );
  const tampered = fc
    .tuple(
      fc.nat(),
      craftedKeys,
      craftedIds,
      fc.constantFrom<unknown>(0, -1, 1.5, 1e300, '5', null),
      fc.constantFrom('k', 'i', 't', 'x', 's', 'f'),
    )
    .map(([n, k, i, t, field]) => {
      const cursors = realCursors();
      const base = cursors.length ? (safeJson(Buffer.from(cursors[n % cursors.length], 'base64url').toString('utf8')) ?? {}) : {};
      if (Array.isArray(base)) {
        const copy = [...base];
        copy[n % 2] = n % 3 === 0 ? k : i;
        return b64(copy);
      }
      const value = field === 'k' ? k : field === 'i' ? i : field === 't' ? t : field === 's' ? 'fee' : field === 'x' ? 'yes' : 'other';
      return b64({ ...base, [field]: value });
    });
  return fc.oneof(
    {
      weight: 2,
      arbitrary: fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'), maxLength: 80 }),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom('', '=', '====', 'null', 'bnVsbA', 'e30', 'W10', 'WzEsMl0', hugeString(513, 'A'), '%00', 'eyJ'),
    },
    { weight: 2, arbitrary: nastyJsonValue.map(b64) },
    { weight: 1, arbitrary: fc.tuple(craftedKeys, craftedIds).map(([k, i]) => b64([k, i])) },
    { weight: 4, arbitrary: tampered },
    {
      weight: 1,
      arbitrary: fc.nat().map((n) => {
        const c = realCursors();
        return c.length ? c[n % c.length].slice(0, Math.max(1, n % c[n % c.length].length)) : 'abc';
      }),
    },
  );
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** encodeURIComponent throws on lone surrogates: send them as the bytes a sloppy client would (CESU-8). */
export function safeEncode(value: string): string {
  let out = '';
  for (const ch of value) {
    const code = ch.charCodeAt(0);
    if (ch.length === 1 && code >= 0xd800 && code <= 0xdfff) {
      out += [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)]
        .map((b) => `%${b.toString(16).toUpperCase()}`)
        .join('');
    } else out += encodeURIComponent(ch);
  }
  return out;
}
