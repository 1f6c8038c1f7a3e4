import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Key format: mend_<sk|pk|lk>_<live|test>_<32 base62 random><6 base62 checksum> (lk: a provider's
 * listing key). The checksum (CRC-32 of everything before it) lets clients, support and
 * leaked-secret scanners recognise a real Mend key, and lets the API reject typos without a
 * database call. Listing claim tokens share the shape with `lc` (mend_lc_live_…) but are never keys:
 * parseKey refuses them, so a claim token presented as a key is a 401 like any unknown key.
 */
export type KeyKind = 'secret' | 'publishable' | 'listing';
export type KeyEnvironment = 'live' | 'test';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const RANDOM_LENGTH = 32;
const CHECKSUM_LENGTH = 6;
export const KEY_PATTERN = /^mend_(sk|pk|lk)_(live|test)_([0-9A-Za-z]{38})$/;
export const CLAIM_TOKEN_PATTERN = /^mend_lc_(live|test)_([0-9A-Za-z]{38})$/;
const KIND_CODES: Record<KeyKind, string> = { secret: 'sk', publishable: 'pk', listing: 'lk' };
const KINDS_BY_CODE: Record<string, KeyKind> = { sk: 'secret', pk: 'publishable', lk: 'listing' };
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

function checksummed(code: string, environment: KeyEnvironment): string {
  const body = `mend_${code}_${environment}_${randomBase62(RANDOM_LENGTH)}`;
  return body + checksum(body);
}

export function generateKey(kind: KeyKind, environment: KeyEnvironment): NewKey {
  const plaintext = checksummed(KIND_CODES[kind], environment);
  return { plaintext, prefix: visiblePrefix(plaintext), kind, environment };
}

/** A one-time listing claim token (190 random bits); stored only as hashKey() of it, like keys. */
export function generateClaimToken(environment: KeyEnvironment): { plaintext: string; prefix: string } {
  const plaintext = checksummed('lc', environment);
  return { plaintext, prefix: visiblePrefix(plaintext) };
}

export function visiblePrefix(plaintext: string): string {
  return plaintext.slice(0, 'mend_sk_live_'.length + VISIBLE_PREFIX_RANDOM_CHARS).replace(/_$/, '');
}

/** Parses a presented key; undefined when it is not a well-formed Mend key with a valid checksum. */
export function parseKey(presented: string): { kind: KeyKind; environment: KeyEnvironment } | undefined {
  const match = KEY_PATTERN.exec(presented);
  if (!match || !hasValidChecksum(presented)) return undefined;
  return { kind: KINDS_BY_CODE[match[1]], environment: match[2] as KeyEnvironment };
}

/** Whether a presented claim token is well formed with a valid checksum (checked before any database call). */
export function isWellFormedClaimToken(presented: string): boolean {
  return CLAIM_TOKEN_PATTERN.test(presented) && hasValidChecksum(presented);
}

function hasValidChecksum(presented: string): boolean {
  const expected = checksum(presented.slice(0, -CHECKSUM_LENGTH));
  return timingSafeEqual(Buffer.from(expected), Buffer.from(presented.slice(-CHECKSUM_LENGTH)));
}

/** Keys are stored only as a keyed hash: a database leak alone cannot be replayed. */
export function hashKey(plaintext: string, serverSecret: string): string {
  return createHmac('sha256', serverSecret).update(plaintext).digest('hex');
}
