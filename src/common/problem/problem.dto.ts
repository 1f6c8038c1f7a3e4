import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

import { JOINT_WORK_CONFLICT_TEXT } from '../../intake/matching/joint-work.js';
import { REFERRAL_STATUSES } from '../../referrals/referral-lifecycle.js';

export class FieldErrorDto {
  @ApiProperty({ example: 'radiusKm', description: 'Dotted field path or query parameter.' }) field: string;
  @ApiProperty({ example: 'min', description: 'Stable reason code.' }) code: string;
  @ApiProperty({ example: 'radiusKm must not be less than 1' }) message: string;
}

/**
 * RFC 9457 problem details, the shape of every error (served as application/problem+json).
 * The extension members some problems add are listed, optional, so generated clients can read
 * them; others may be added later (the schema stays open).
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

  @ApiPropertyOptional({ enum: REFERRAL_STATUSES, description: "invalid_transition (409): the referral's status now." })
  currentStatus?: (typeof REFERRAL_STATUSES)[number];

  @ApiPropertyOptional({
    enum: REFERRAL_STATUSES,
    isArray: true,
    description: 'invalid_transition (409): the statuses it can move to from currentStatus.',
  })
  allowedTransitions?: (typeof REFERRAL_STATUSES)[number][];

  @ApiPropertyOptional({
    enum: Object.keys(JOINT_WORK_CONFLICT_TEXT),
    description: 'referral_unsafe (422): why the resource is not a safe referral for this intake.',
  })
  reason?: string;

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
