/**
 * PATCH /v1/resources/{id} is a JSON merge patch (RFC 7396), so its own media type is taken as
 * well as application/json (on that route only: ACCEPTS_MERGE_PATCH), parsed by the same JSON
 * parser (prototype-name checks, problems that echo nothing) within the body limit.
 */
export { MERGE_PATCH_MEDIA_TYPE, registerMergePatchParser } from '../../common/http/json-body.js';
