import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';

export class FieldErrorDto {
  @ApiProperty({ example: 'radiusKm', description: 'Dotted field path or query parameter.' }) field: string;
  @ApiProperty({ example: 'min', description: 'Stable reason code.' }) code: string;
  @ApiProperty({ example: 'radiusKm must not be less than 1' }) message: string;
}

/**
 * RFC 9457 problem details, the shape of every error (served as application/problem+json).
 * The extension members some problems add are listed, optional, so generated clients can read
 * them; others may be added later (the schema stays open). A member whose values are a feature's
 * vocabulary is declared here, in its place, and its values are supplied by the module that raises
 * the problem (documentProblemExtension), so common code never imports a feature module.
 */
export class ProblemDetailsDto {
  @ApiProperty({ example: 'https://mend.dev/problems/validation-failed' }) type: string;
  @ApiProperty({ example: 'Bad Request' }) title: string;
  @ApiProperty({ type: 'integer', example: 400, minimum: 400, maximum: 599 }) status: number;
  @ApiPropertyOptional({ example: 'The request has invalid fields: radiusKm.' }) detail?: string;
  @ApiPropertyOptional({ example: '/v1/resources' }) instance?: string;
  @ApiProperty({ example: 'validation_failed', description: 'Stable machine-readable code.' }) code: string;
  @ApiPropertyOptional({ example: '6ea06bae-ab56-41e0-9758-41bd09c199c7' }) requestId?: string;
  @ApiPropertyOptional({ type: [FieldErrorDto] }) errors?: FieldErrorDto[];

  // Values and descriptions supplied by referrals.errors.ts (invalid_transition, referral_unsafe).
  @ApiPropertyOptional({ type: String }) currentStatus?: string;
  @ApiPropertyOptional({ type: [String] }) allowedTransitions?: string[];
  @ApiPropertyOptional({ type: String }) reason?: string;

  @ApiPropertyOptional({
    type: [String],
    example: ['referrals:read'],
    description: 'insufficient_scope (403): the scopes the endpoint needs.',
  })
  requiredScopes?: string[];

  @ApiPropertyOptional({
    type: [String],
    description: 'rotation_exceeds_caller (403): the scopes the rotated key holds that the caller lacks.',
  })
  missingScopes?: string[];

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'not_ready (503 from /health/ready): the failing checks.',
  })
  checks?: Record<string, unknown>;
}

/** The extension members whose values belong to a feature module (see ProblemDetailsDto). */
export type FeatureProblemExtension = 'currentStatus' | 'allowedTransitions' | 'reason';

/**
 * Documents an extension member (its values and the problem that carries it) from the module
 * that raises the problem; the member keeps its place in ProblemDetailsDto (a property
 * documented again is merged, not appended).
 */
export function documentProblemExtension(
  member: FeatureProblemExtension,
  schema: Required<Pick<ApiPropertyOptions, 'enum' | 'description'>> & Pick<ApiPropertyOptions, 'isArray'>,
): void {
  ApiPropertyOptional(schema)(ProblemDetailsDto.prototype, member);
}
