import { describe, expect, it } from '@jest/globals';

import { decodeCursor, encodeCursor } from '../../resources/page-cursor.js';
import { ProblemException } from '../problem/problem.js';
import { createdAtCursors } from './created-at-cursor.js';

const ID = '3f0c9a52-6a7e-4c2b-9d3e-0a1b2c3d4e5f';
// Issued by the two cursor implementations this codec replaced: clients may hold cursors like these.
const ISSUED_NAME_CURSOR =
  'eyJzIjoibmFtZSIsImsiOiJDb3VwbGVzIENsaW5pYyIsImkiOiIzZjBjOWE1Mi02YTdlLTRjMmItOWQzZS0wYTFiMmMzZDRlNWYiLCJmIjoiYWJjREVGXy0xMiIsInQiOjU3LCJ4Ijp0cnVlfQ';
const ISSUED_FEE_CURSOR =
  'eyJzIjoiZmVlIiwiayI6MTI1MDAsImkiOiIzZjBjOWE1Mi02YTdlLTRjMmItOWQzZS0wYTFiMmMzZDRlNWYiLCJmIjoiYWJjREVGXy0xMiIsInQiOjEwMDAsIngiOmZhbHNlfQ';
const ISSUED_REFERRAL_CURSOR = 'WyIyMDI2LTAzLTAxVDEyOjM0OjU2Ljc4OTAxMloiLCIzZjBjOWE1Mi02YTdlLTRjMmItOWQzZS0wYTFiMmMzZDRlNWYiXQ';
const FINGERPRINT = 'abcDEF_-12';

const wire = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** The problem's code and its field reason, or undefined when `decode` does not throw. */
function refusal(decode: () => unknown): { code: string; reason?: string } | undefined {
  try {
    decode();
    return undefined;
  } catch (error) {
    if (!(error instanceof ProblemException)) throw error;
    return { code: error.code, reason: error.errors?.[0]?.code };
  }
}

describe('search result cursors', () => {
  it('decode cursors issued before the shared codec, and encode to the same text', () => {
    expect(decodeCursor(ISSUED_NAME_CURSOR, 'name', FINGERPRINT)).toEqual({ key: 'Couples Clinic', id: ID, total: 57, totalExact: true });
    expect(decodeCursor(ISSUED_FEE_CURSOR, 'fee', FINGERPRINT)).toEqual({ key: 12500, id: ID, total: 1000, totalExact: false });
    expect(encodeCursor('name', 'Couples Clinic', ID, FINGERPRINT, 57, true)).toBe(ISSUED_NAME_CURSOR);
    expect(encodeCursor('fee', 12500, ID, FINGERPRINT, 1000, false)).toBe(ISSUED_FEE_CURSOR);
  });

  it('refuse anything the SQL casts would refuse, another sort order, or other filters', () => {
    const valid = { s: 'fee', k: 12500, i: ID, f: FINGERPRINT, t: 3, x: true };
    const invalidCursor = { code: 'validation_failed', reason: 'invalid_cursor' };
    expect(refusal(() => decodeCursor('!!!', 'fee', FINGERPRINT))).toEqual(invalidCursor);
    expect(refusal(() => decodeCursor(wire(null), 'fee', FINGERPRINT))).toEqual(invalidCursor);
    expect(refusal(() => decodeCursor(wire({ ...valid, k: 2 ** 31 }), 'fee', FINGERPRINT))).toEqual(invalidCursor);
    expect(refusal(() => decodeCursor(wire({ ...valid, k: 1.5 }), 'fee', FINGERPRINT))).toEqual(invalidCursor);
    expect(refusal(() => decodeCursor(wire({ ...valid, k: 'a' }), 'fee', FINGERPRINT))).toEqual(invalidCursor);
    expect(refusal(() => decodeCursor(wire({ ...valid, s: 'name', k: 'a\u0000' }), 'name', FINGERPRINT))).toEqual(invalidCursor);
    expect(refusal(() => decodeCursor(wire({ ...valid, i: ID.toUpperCase() }), 'fee', FINGERPRINT))).toEqual(invalidCursor);
    expect(refusal(() => decodeCursor(wire({ ...valid, t: -1 }), 'fee', FINGERPRINT))).toEqual(invalidCursor);
    expect(refusal(() => decodeCursor(wire(valid), 'distance', FINGERPRINT))).toEqual(invalidCursor);
    expect(refusal(() => decodeCursor(wire(valid), 'fee', 'other-filt'))).toEqual({
      code: 'validation_failed',
      reason: 'cursor_filters_mismatch',
    });
    expect(refusal(() => decodeCursor(wire({ ...valid, f: 12 }), 'fee', FINGERPRINT))).toEqual({
      code: 'validation_failed',
      reason: 'cursor_filters_mismatch',
    });
    expect(refusal(() => decodeCursor(wire(valid), 'fee', FINGERPRINT))).toBeUndefined();
  });
});

describe('referral and report list cursors (created_at, id)', () => {
  it('decode cursors issued before the shared codec, and encode to the same text', () => {
    const cursor = { createdAt: '2026-03-01T12:34:56.789012Z', id: ID };
    expect(createdAtCursors.decode(ISSUED_REFERRAL_CURSOR)).toEqual(cursor);
    expect(createdAtCursors.encode(cursor)).toBe(ISSUED_REFERRAL_CURSOR);
  });

  it('refuse times PostgreSQL would not read back as themselves, and ids that are not lowercase UUIDs', () => {
    const invalidCursor = { code: 'validation_failed', reason: 'invalid_cursor' };
    expect(refusal(() => createdAtCursors.decode('@@'))).toEqual(invalidCursor);
    expect(refusal(() => createdAtCursors.decode(wire({ createdAt: '2026-03-01T12:34:56.789012Z', id: ID })))).toEqual(invalidCursor);
    expect(refusal(() => createdAtCursors.decode(wire(['2026-02-30T12:34:56.789012Z', ID])))).toEqual(invalidCursor);
    expect(refusal(() => createdAtCursors.decode(wire(['2026-03-01T24:00:00.000000Z', ID])))).toEqual(invalidCursor);
    expect(refusal(() => createdAtCursors.decode(wire(['2026-03-01T12:34:56.789Z', ID])))).toEqual(invalidCursor);
    expect(refusal(() => createdAtCursors.decode(wire(['2026-03-01T12:34:56.789012Z', ID.toUpperCase()])))).toEqual(invalidCursor);
  });
});
