import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDateString,
  IsDefined,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';

import { stack } from '../../common/decorator-stack.js';
import { OptionalText } from '../../common/dto/field-decorators.js';
import { PARTNER_SCOPES } from '../scopes.js';

const ORIGIN = /^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?$/;

export class CreatePartnerRequest {
  @ApiProperty({ example: 'Second Chances Relationship Blog', maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({
    type: [String],
    example: ['https://secondchances.example'],
    description: 'Origins (scheme://host[:port]) allowed to use publishable keys and frame the widget.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(ORIGIN, { each: true, message: 'each allowedOrigins value must be an origin such as https://example.org (no path)' })
  allowedOrigins?: string[];

  @ApiPropertyOptional({ type: 'integer', default: 600, minimum: 1, maximum: 100000, description: 'Requests per minute per key.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100000)
  rateLimitPerMinute?: number;

  @ApiPropertyOptional({ example: 'https://secondchances.example/hooks/mend', description: 'HTTPS endpoint for referral events.' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  @Matches(/^https:\/\/\S+$/, { message: 'webhookUrl must be an https:// URL' })
  webhookUrl?: string;
}

export class CreateKeyRequest {
  @ApiProperty({ enum: ['secret', 'publishable'] })
  @IsIn(['secret', 'publishable'])
  kind: 'secret' | 'publishable';

  @ApiPropertyOptional({
    enum: ['live', 'test'],
    description:
      "Defaults to the partner's environment. Must match the partner's environment (its first key's): a partner is live or test, so test keys only ever reach test data and test webhooks. 422 otherwise.",
  })
  @IsOptional()
  @IsIn(['live', 'test'])
  environment?: 'live' | 'test';

  @ApiPropertyOptional({
    enum: PARTNER_SCOPES,
    isArray: true,
    description:
      'Defaults: secret keys get directory, intake and referral scopes; publishable keys directory:read, intakes:write, referrals:write.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(PARTNER_SCOPES.length)
  // Never listing:write: listing keys are only made by redeeming a listing claim.
  @IsIn(PARTNER_SCOPES, { each: true })
  scopes?: (typeof PARTNER_SCOPES)[number][];

  @OptionalText({ example: 'production server', maxLength: 100 })
  name?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'When the key stops working.' })
  @IsOptional()
  @IsDateString({ strict: true, strictSeparator: true })
  expiresAt?: string;
}

/** How long a rotated credential keeps working next to the new one: 0 to 720 hours (30 days), 24 by default. */
function OverlapHours(description: string) {
  return stack(
    ApiPropertyOptional({ type: 'integer', default: 24, minimum: 0, maximum: 720, description }),
    IsOptional(),
    Type(() => Number),
    IsInt(),
    Min(0),
    Max(720),
  );
}

export class RotateKeyRequest {
  @OverlapHours('Hours the old key keeps working.')
  overlapHours?: number;
}

export class UpdatePartnerStatusRequest {
  @ApiProperty({
    enum: ['active', 'suspended'],
    description: 'suspended: every key of the partner stops working at once, on every instance.',
  })
  @IsIn(['active', 'suspended'])
  status: 'active' | 'suspended';
}

export class RotateWebhookSecretRequest {
  @OverlapHours('Hours deliveries stay signed with the old secret too (0: stop at once).')
  overlapHours?: number;
}

export class ApiKeyResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'mend_sk_live_Ab12Cd', description: 'The visible start of the key.' }) prefix: string;
  @ApiProperty({ enum: ['secret', 'publishable'] }) kind: string;
  @ApiProperty({ enum: ['live', 'test'] }) environment: string;
  @ApiProperty({ nullable: true, type: String }) name: string | null;
  @ApiProperty({ enum: PARTNER_SCOPES, isArray: true }) scopes: string[];
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) expiresAt: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) revokedAt: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) lastUsedAt: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) rotatedFromId: string | null;
}

export class IssuedKeyResponse extends ApiKeyResponse {
  @ApiProperty({ example: 'mend_sk_live_Ab12Cd…', description: 'The key itself. Shown once: store it now.' }) key: string;
}

export class PartnerResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: [String] }) allowedOrigins: string[];
  @ApiProperty({ type: 'integer' }) rateLimitPerMinute: number;
  @ApiProperty({ nullable: true, type: String }) webhookUrl: string | null;
  @ApiProperty({ enum: ['active', 'suspended'] }) status: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class CreatedPartnerResponse {
  @ApiProperty({ type: PartnerResponse }) partner: PartnerResponse;
  @ApiProperty({ type: [IssuedKeyResponse], description: 'A secret and a publishable key, shown once.' }) keys: IssuedKeyResponse[];
}

export class KeyListResponse {
  @ApiProperty({ type: [ApiKeyResponse] }) data: ApiKeyResponse[];
}

export class RotatedKeyResponse {
  @ApiProperty({ type: IssuedKeyResponse }) key: IssuedKeyResponse;
  @ApiProperty({ type: ApiKeyResponse, description: 'The old key, now expiring at the end of the overlap.' }) previous: ApiKeyResponse;
}

export class SetWebhookRequest {
  @ApiProperty({
    nullable: true,
    type: String,
    example: 'https://secondchances.example/hooks/mend',
    description: 'HTTPS endpoint for referral events; null removes it.',
  })
  // Required, but may be null: `{}` must not silently remove a registered webhook.
  @ValidateIf((_o, v) => v !== null)
  @IsDefined({ message: 'url is required (null removes the webhook)' })
  @IsString()
  @MaxLength(500)
  url: string | null;
}

export class WebhookSettingsResponse {
  @ApiProperty({ nullable: true, type: String }) url: string | null;
  @ApiProperty({
    example: 'whsec_…',
    description:
      "The partner's own random secret. Verify Mend-Signature (t=…,v1=HMAC-SHA-256(secret, `${t}.${body}`)) with it; during a rotation's overlap the header carries a v1 for each secret, and any match verifies.",
  })
  signingSecret: string;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'date-time',
    description: 'Until when deliveries are also signed with the previous secret (after a rotation); null when they are not.',
  })
  previousSigningSecretExpiresAt: string | null;
  @ApiProperty({ example: ['referral.created', 'referral.status_changed'] }) events: string[];
}
