import { createHash } from 'node:crypto';

/**
 * Mend's namespace for name-based (version 5) UUIDs. HSDS gives every nested record (location,
 * phone, attribute, taxonomy term, …) a UUID; Mend stores most of them as columns of the
 * resource, so their ids are derived from the resource id and the record's place in it. The
 * same resource exports the same ids every time, and so does every taxonomy term everywhere.
 */
const MEND_NAMESPACE = Buffer.from('5b0c36f2-7a39-4d0e-9c47-2f6a1e8d9b30'.replace(/-/g, ''), 'hex');

/** RFC 9562 UUIDv5 of the parts, joined with ':'. */
export function hsdsId(...parts: (string | number)[]): string {
  const hash = createHash('sha1').update(MEND_NAMESPACE).update(parts.join(':')).digest();
  hash[6] = (hash[6] & 0x0f) | 0x50; // version 5
  hash[8] = (hash[8] & 0x3f) | 0x80; // RFC variant
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
