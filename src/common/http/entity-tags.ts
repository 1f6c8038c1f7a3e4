import { createHash } from 'node:crypto';

import { headerText } from './request-params.js';

/**
 * Entity tags and the conditional request headers that carry them (RFC 9110 §8.8.3, §13.1).
 * A versioned representation's tag is its version (`"v3"`), which every write increases, so
 * If-Match can be checked in the UPDATE itself (`WHERE id = $1 AND version = …`); a list's tag
 * is a hash of the body.
 */
export function versionEtag(version: number): string {
  return `"v${version}"`;
}

/** A weak tag for a response body: equal bodies, equal tags. */
export function bodyEtag(body: unknown): string {
  return jsonEtag(JSON.stringify(body));
}

/** bodyEtag of a body already serialised (so a large list is stringified once, not twice). */
export function jsonEtag(json: string | Buffer): string {
  return `W/"${createHash('sha256').update(json).digest('base64url').slice(0, 27)}"`;
}

interface EntityTag {
  weak: boolean;
  /** The quoted part, quotes included: what the comparisons compare. */
  opaque: string;
}

// entity-tag = [ "W/" ] DQUOTE *etagc DQUOTE; etagc = %x21 / %x23-7E / obs-text (a comma is allowed).
const ENTITY_TAG = /^(W\/)?("[\x21\x23-\x7e\x80-\xff]*")$/;

/**
 * The members of an If-Match / If-None-Match header: "*" or entity tags. Several header lines
 * count as one list; a comma inside a quoted tag does not split it; a member that is not an entity
 * tag matches nothing, so it is left out.
 */
function conditionMembers(header: string | string[]): { any: boolean; tags: EntityTag[] } {
  const text = headerText(header);
  const members: string[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || (text[i] === ',' && !quoted)) {
      members.push(text.slice(start, i).trim());
      start = i + 1;
    } else if (text[i] === '"') {
      quoted = !quoted;
    }
  }
  const tags = members.flatMap((member) => {
    const match = ENTITY_TAG.exec(member);
    return match ? [{ weak: match[1] !== undefined, opaque: match[2] }] : [];
  });
  return { any: members.includes('*'), tags };
}

const isBlank = (header: string | string[] | undefined): header is undefined => !headerText(header)?.trim();

export type IfMatch = { kind: 'missing' } | { kind: 'any' } | { kind: 'versions'; versions: number[] };

/**
 * The versions an If-Match header accepts. RFC 9110 §13.1.1 compares If-Match strongly: a weak
 * tag (W/"v3") never matches, so it fails the precondition (412) like a tag that is not ours.
 * Version tags are strong; a client that only holds a weak one (weakened by a compressing
 * proxy) reads the representation again.
 */
export function parseIfMatch(header: string | string[] | undefined): IfMatch {
  if (isBlank(header)) return { kind: 'missing' };
  const { any, tags } = conditionMembers(header);
  if (any) return { kind: 'any' };
  const versions = tags
    .filter((tag) => !tag.weak)
    .flatMap((tag) => {
      const match = /^"v([0-9]{1,9})"$/.exec(tag.opaque);
      return match ? [Number(match[1])] : [];
    });
  return { kind: 'versions', versions };
}

/**
 * Whether If-None-Match already holds the current representation (RFC 9110 §13.1.2): `*`, or any
 * listed tag equal to `etag` under weak comparison (W/ on either side ignored).
 */
export function ifNoneMatchHolds(header: string | string[] | undefined, etag: string): boolean {
  if (isBlank(header)) return false;
  const current = ENTITY_TAG.exec(etag)?.[2] ?? etag;
  const { any, tags } = conditionMembers(header);
  return any || tags.some((tag) => tag.opaque === current);
}
