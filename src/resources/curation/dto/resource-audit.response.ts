import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

import { ResourceResponse } from '../../dto/resource.response.js';

export const AUDIT_ACTIONS = ['create', 'update', 'delete', 'verify'] as const;
export const AUDIT_ACTORS = ['partner', 'provider'] as const;
export const DEFAULT_AUDIT_LIMIT = 50;

export class ResourceAuditQuery {
  @ApiPropertyOptional({
    description: 'Most recent entries to return.',
    type: 'integer',
    default: DEFAULT_AUDIT_LIMIT,
    minimum: 1,
    maximum: 200,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}

export class ResourceAuditEntryResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: AUDIT_ACTIONS }) action: (typeof AUDIT_ACTIONS)[number];
  @ApiProperty({
    enum: AUDIT_ACTORS,
    description: "partner: a partner's key (curation); provider: the provider's listing key, on its own listing.",
  })
  actorType: (typeof AUDIT_ACTORS)[number];
  @ApiProperty({
    example: 'provider key 5b0e8a52-4f0c-4d55-9f43-0c6f3a1d2e7b',
    description: 'Who made the change, for people: `<actorType> key <keyId>`.',
  })
  actor: string;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'uuid',
    description: "The partner whose key made the change (null for a provider's listing key).",
  })
  partnerId: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'The API key (or listing key) that made the change.' }) keyId:
    string | null;
  @ApiProperty({
    type: ResourceResponse,
    nullable: true,
    description: 'The resource as the API showed it before the change (null on create).',
  })
  before: ResourceResponse | null;
  @ApiProperty({ type: ResourceResponse, nullable: true, description: 'The resource as the API showed it after the change.' })
  after: ResourceResponse | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class ResourceAuditListResponse {
  @ApiProperty({ type: [ResourceAuditEntryResponse], description: 'Newest first.' }) data: ResourceAuditEntryResponse[];
}
