import { createHash } from 'node:crypto';

/**
 * Entity tags of the directory (RFC 9110 §8.8.3). A resource's tag is its row version, which
 * every write increases, so If-Match can be checked in the UPDATE itself
 * (`WHERE id = $1 AND version = …`). A list's tag is a hash of the body.
 */
export function resourceEtag(version: number): string {
  return `"v${version}"`;
}

/** A weak tag for a response body: equal bodies, equal tags. */
export function bodyEtag(body: unknown): string {
  return `W/"${createHash('sha256').update(JSON.stringify(body)).digest('base64url').slice(0, 27)}"`;
}

/** The entity tags of an If-Match / If-None-Match header, as sent (W/ kept; "*" as is). */
function entityTags(header: string): string[] {
  return header
    .split(',')
    .map((tag) => tag.trim())
    .filter((tag) => tag.length > 0);
}

const opaque = (tag: string): string => (tag.startsWith('W/') ? tag.slice(2) : tag);

export type IfMatch = { kind: 'missing' } | { kind: 'any' } | { kind: 'versions'; versions: number[] };

/**
 * The versions an If-Match header accepts. RFC 9110 §13.1.1 compares If-Match strongly: a weak
 * tag (W/"v3") never matches, so it fails the precondition (412) like a tag that is not ours.
 * Our resource tags are strong; a client that only holds a weak one (weakened by a compressing
 * proxy) reads the resource again.
 */
export function parseIfMatch(header: string | string[] | undefined): IfMatch {
  const value = Array.isArray(header) ? header.join(',') : header;
  if (!value?.trim()) return { kind: 'missing' };
  const tags = entityTags(value);
  if (tags.includes('*')) return { kind: 'any' };
  const versions = tags.filter((tag) => !tag.startsWith('W/')).flatMap((tag) => {
    const match = /^"v([0-9]{1,9})"$/.exec(tag);
    return match ? [Number(match[1])] : [];
  });
  return { kind: 'versions', versions };
}

/** If-None-Match (weak comparison): does the client already hold the current representation? */
export function ifNoneMatchHolds(header: string | string[] | undefined, etag: string): boolean {
  const value = Array.isArray(header) ? header.join(',') : header;
  if (!value?.trim()) return false;
  const current = etag.startsWith('W/') ? etag.slice(2) : etag;
  return entityTags(value).some((tag) => tag === '*' || opaque(tag) === current);
}
