/** A UUID in its hyphenated form (RFC 9562), lowercase and unanchored: for composing patterns. */
export const UUID_TEXT = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/** A whole hyphenated UUID in either case: what PostgreSQL's uuid type reads. */
export const UUID_PATTERN = new RegExp(`^${UUID_TEXT}$`, 'i');

/** A whole hyphenated UUID in lowercase, as PostgreSQL prints one (and so as ids in our cursors are written). */
export const LOWERCASE_UUID_PATTERN = new RegExp(`^${UUID_TEXT}$`);
