import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class LivenessResponse {
  @ApiProperty({ enum: ['ok'], example: 'ok' }) status: 'ok';
}

export class HealthIndicatorStatus {
  @ApiProperty({ enum: ['up', 'down'], example: 'up' }) status: 'up' | 'down';
}

/** The directory index check: whether it is built, how big, and how fresh. */
export class DirectoryIndexStatus extends HealthIndicatorStatus {
  @ApiProperty({ description: 'The index has been built (directory reads are served).', example: true }) built: boolean;
  @ApiProperty({ type: 'integer', description: 'Resources held, any status.', example: 1200 }) resources: number;
  @ApiProperty({ type: 'integer', description: 'Active resources held.', example: 1180 }) active: number;
  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: 'Highest directory change applied; null before the first build.',
    example: 4711,
  })
  lastAppliedSeq: number | null;
  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: 'Milliseconds since the index was last confirmed to hold every committed change; null before the first build.',
    example: 120,
  })
  lagMs: number | null;
  @ApiProperty({ description: 'The change notification connection is up (otherwise a 500 ms poll keeps the index fresh).', example: true })
  listening: boolean;
}

/** The checks of a readiness answer, by indicator: database and directoryIndex. */
const CHECKS = {
  type: 'object' as const,
  // A $ref as is (Nest's metadata type has no $ref; the document takes it unchanged).
  properties: { directoryIndex: { $ref: '#/components/schemas/DirectoryIndexStatus' } as never },
  additionalProperties: { $ref: '#/components/schemas/HealthIndicatorStatus' },
};

const DIRECTORY_INDEX_EXAMPLE = {
  status: 'up',
  built: true,
  resources: 1200,
  active: 1180,
  lastAppliedSeq: 4711,
  lagMs: 120,
  listening: true,
};

/** @nestjs/terminus's health check result, keyed by indicator (database, directoryIndex). */
export class ReadinessResponse {
  @ApiProperty({ enum: ['ok'], example: 'ok' }) status: 'ok';
  @ApiPropertyOptional({ ...CHECKS, example: { database: { status: 'up' }, directoryIndex: DIRECTORY_INDEX_EXAMPLE } })
  info?: Record<string, HealthIndicatorStatus>;
  @ApiPropertyOptional({ ...CHECKS, example: {} })
  error?: Record<string, HealthIndicatorStatus>;
  @ApiPropertyOptional({ ...CHECKS, example: { database: { status: 'up' }, directoryIndex: DIRECTORY_INDEX_EXAMPLE } })
  details?: Record<string, HealthIndicatorStatus>;
}
