import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Key format: mend_<sk|pk>_<live|test>_<32 base62 random><6 base62 checksum>.
 * The checksum (CRC-32 of everything before it) lets clients, support and leaked-secret
 * scanners recognise a real Mend key, and lets the API reject typos without a database call.
 */
export type KeyKind = 'secret' | 'publishable';
export type KeyEnvironment = 'live' | 'test';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const RANDOM_LENGTH = 32;
const CHECKSUM_LENGTH = 6;
export const KEY_PATTERN = /^mend_(sk|pk)_(live|test)_([0-9A-Za-z]{38})$/;
/** How much of a key is stored in clear, to tell keys apart in support and dashboards. */
const VISIBLE_PREFIX_RANDOM_CHARS = 6;

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(text: string): number {
  let crc = 0xffffffff;
  for (const byte of Buffer.from(text, 'utf8')) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function base62(value: number, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) {
    out = ALPHABET[value % 62] + out;
    value = Math.floor(value / 62);
  }
  return out;
}

function randomBase62(length: number): string {
  // Rejection sampling keeps every character uniform (248 = 4 × 62).
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < 248 && out.length < length) out += ALPHABET[byte % 62];
    }
  }
  return out;
}

export function checksum(body: string): string {
  return base62(crc32(body), CHECKSUM_LENGTH);
}

export interface NewKey {
  plaintext: string;
  prefix: string;
  kind: KeyKind;
  environment: KeyEnvironment;
}

export function generateKey(kind: KeyKind, environment: KeyEnvironment): NewKey {
  const body = `mend_${kind === 'secret' ? 'sk' : 'pk'}_${environment}_${randomBase62(RANDOM_LENGTH)}`;
  const plaintext = body + checksum(body);
  return { plaintext, prefix: visiblePrefix(plaintext), kind, environment };
}

export function visiblePrefix(plaintext: string): string {
  return plaintext.slice(0, 'mend_sk_live_'.length + VISIBLE_PREFIX_RANDOM_CHARS).replace(/_$/, '');
}

/** Parses a presented key; undefined when it is not a well-formed Mend key with a valid checksum. */
export function parseKey(presented: string): { kind: KeyKind; environment: KeyEnvironment } | undefined {
  const match = KEY_PATTERN.exec(presented);
  if (!match) return undefined;
  const body = presented.slice(0, -CHECKSUM_LENGTH);
  const expected = checksum(body);
  const given = presented.slice(-CHECKSUM_LENGTH);
  if (!timingSafeEqual(Buffer.from(expected), Buffer.from(given))) return undefined;
  return { kind: match[1] === 'sk' ? 'secret' : 'publishable', environment: match[2] as KeyEnvironment };
}

/** Keys are stored only as a keyed hash: a database leak alone cannot be replayed. */
export function hashKey(plaintext: string, serverSecret: string): string {
  return createHmac('sha256', serverSecret).update(plaintext).digest('hex');
}
