/**
 * docs/openapi.json and response bodies as the tests walk them: loose JSON, `any` on purpose
 * (the test override in eslint.config.js allows using it; the assertions, and the contract
 * harness against the document, are what check its shape).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the one loose-JSON type the tests share, see above
export type Json = Record<string, any>;
