/**
 * Why the embedded database could not start, as one paragraph that ends with a fix.
 * Entry points print `message` alone (no stack) and exit non-zero.
 */
export class EmbeddedStartError extends Error {
  override readonly name = 'EmbeddedStartError';
}
