import { ApiHeader, ApiPreconditionFailedResponse, ApiPreconditionRequiredResponse } from '@nestjs/swagger';

import { stack } from '../decorator-stack.js';
import { ProblemDetailsDto } from '../problem/problem.dto.js';

/** How one API words its If-Match precondition: the header, and its two problems (412 and 428). */
export interface IfMatchWording {
  header: string;
  example: string;
  failed: string;
  required: string;
}

/**
 * The ETag response header of a versioned representation (versionEtag), documented for `what` is
 * versioned: the tag a client sends back as If-Match on its next write.
 */
export function versionEtagHeader(what: string, example: string) {
  return { ETag: { description: `The version of the ${what}, for the next If-Match.`, schema: { type: 'string', example } } };
}

/**
 * A write that needs If-Match (optimistic concurrency, parseIfMatch): the required header and the
 * 412 and 428 problem answers, worded for what is written (a resource, a provider's listing).
 */
export function IfMatchRequired({ header, example, failed, required }: IfMatchWording) {
  return stack(
    ApiHeader({ name: 'If-Match', required: true, description: header, example }),
    ApiPreconditionFailedResponse({ type: ProblemDetailsDto, description: failed }),
    ApiPreconditionRequiredResponse({ type: ProblemDetailsDto, description: required }),
  );
}
