import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class LivenessResponse {
  @ApiProperty({ enum: ['ok'], example: 'ok' }) status: 'ok';
}

export class HealthIndicatorStatus {
  @ApiProperty({ enum: ['up', 'down'], example: 'up' }) status: 'up' | 'down';
}

/** @nestjs/terminus's health check result, keyed by indicator (database). */
export class ReadinessResponse {
  @ApiProperty({ enum: ['ok'], example: 'ok' }) status: 'ok';
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { $ref: '#/components/schemas/HealthIndicatorStatus' },
    example: { database: { status: 'up' } },
  })
  info?: Record<string, HealthIndicatorStatus>;
  @ApiPropertyOptional({ type: 'object', additionalProperties: { $ref: '#/components/schemas/HealthIndicatorStatus' }, example: {} })
  error?: Record<string, HealthIndicatorStatus>;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { $ref: '#/components/schemas/HealthIndicatorStatus' },
    example: { database: { status: 'up' } },
  })
  details?: Record<string, HealthIndicatorStatus>;
}
