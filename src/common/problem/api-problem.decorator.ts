import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiResponse, getSchemaPath } from '@nestjs/swagger';

import { ProblemDetailsDto } from './problem.dto.js';

export const PROBLEM_MEDIA_TYPE = 'application/problem+json';

/** A documented error answer: RFC 9457 problem details, served as application/problem+json. */
export function ApiProblem(status: number, description: string, headers?: Parameters<typeof ApiResponse>[0]['headers']) {
  return applyDecorators(
    ApiExtraModels(ProblemDetailsDto),
    ApiResponse({
      status,
      description,
      headers,
      content: { [PROBLEM_MEDIA_TYPE]: { schema: { $ref: getSchemaPath(ProblemDetailsDto) } } },
    }),
  );
}
