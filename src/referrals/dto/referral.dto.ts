import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsIn, IsOptional, IsString, IsUUID, Matches } from 'class-validator';

import { PageCursor, PageLimit } from '../../common/dto/field-decorators.js';
import { REFERRAL_OUTCOMES, REFERRAL_STATUSES } from '../referral-lifecycle.js';

export class CreateReferralRequest {
  @ApiProperty({ format: 'uuid', description: 'The intake (from POST /v1/intakes) this referral follows.' })
  @IsUUID()
  intakeId: string;

  @ApiProperty({ format: 'uuid', description: 'The resource the couple is referred to.' })
  @IsUUID()
  resourceId: string;

  @ApiPropertyOptional({
    example: 'case-4711',
    maxLength: 64,
    description: "The partner's own opaque case id — never a name or contact detail.",
  })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9._:-]{1,64}$/, { message: 'clientReference must be an opaque id (letters, digits, . _ : -), at most 64 characters' })
  clientReference?: string;
}

export class UpdateReferralRequest {
  @ApiProperty({ enum: REFERRAL_STATUSES, example: 'accepted' })
  @IsIn(REFERRAL_STATUSES)
  status: (typeof REFERRAL_STATUSES)[number];

  @ApiPropertyOptional({
    example: 'first_session_booked',
    maxLength: 64,
    description: 'A short reason code (not free text about the couple).',
  })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z0-9_]{1,64}$/, { message: 'reason must be a code of lowercase letters, digits and underscores' })
  reason?: string;

  @ApiPropertyOptional({
    enum: REFERRAL_OUTCOMES,
    description: 'How it ended; only with a final status (completed, failed, rejected, cancelled).',
  })
  @IsOptional()
  @IsIn(REFERRAL_OUTCOMES)
  outcome?: (typeof REFERRAL_OUTCOMES)[number];
}

export class ListReferralsQuery {
  @ApiPropertyOptional({ enum: REFERRAL_STATUSES })
  @IsOptional()
  @IsIn(REFERRAL_STATUSES)
  status?: (typeof REFERRAL_STATUSES)[number];

  @ApiPropertyOptional({ format: 'date-time', description: 'Created at or after.' })
  @IsOptional()
  @IsDateString({ strict: true, strictSeparator: true })
  createdFrom?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Created before.' })
  @IsOptional()
  @IsDateString({ strict: true, strictSeparator: true })
  createdTo?: string;

  @PageLimit()
  limit?: number;

  @PageCursor('page.nextCursor of the previous page.', 200)
  cursor?: string;
}

export class ReferralEventResponse {
  @ApiProperty({ nullable: true, enum: [...REFERRAL_STATUSES, null], description: 'null on the first event.' }) from: string | null;
  @ApiProperty({ enum: REFERRAL_STATUSES }) to: string;
  @ApiProperty({ nullable: true, type: String }) reason: string | null;
  @ApiProperty({ nullable: true, enum: [...REFERRAL_OUTCOMES, null] }) outcome: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'The key that made the change.' }) keyId: string | null;
  @ApiProperty({ format: 'date-time' }) at: string;
}

export class CapacitySnapshotResponse {
  @ApiProperty() acceptingNewClients: boolean;
  @ApiProperty({ nullable: true, type: 'integer' }) waitTimeDays: number | null;
  @ApiProperty({ format: 'date-time' }) capturedAt: string;
}

export class ReferralResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'Null once the intake has been purged.' }) intakeId:
    string | null;
  @ApiProperty({ format: 'uuid' }) resourceId: string;
  @ApiProperty({ nullable: true, type: String }) clientReference: string | null;
  @ApiProperty({ enum: REFERRAL_STATUSES }) status: string;
  @ApiProperty({ nullable: true, enum: [...REFERRAL_OUTCOMES, null] }) outcome: string | null;
  @ApiProperty({ description: 'Nobody may reach out to the couple unprompted.' }) doNotContact: boolean;
  @ApiProperty({
    type: Boolean,
    nullable: true,
    description:
      "False when the intake's safety answers rule out joint sessions: see each partner separately. Null when the intake was not screened: " +
      'ask each partner about safety alone before any joint session. True only when every safety answer was no. Says nothing about why.',
  })
  jointSessionsAppropriate: boolean | null;
  @ApiProperty({ type: CapacitySnapshotResponse }) capacityAtReferral: CapacitySnapshotResponse;
  @ApiProperty({ enum: REFERRAL_STATUSES, isArray: true, description: 'Statuses it may move to next.' }) allowedTransitions: string[];
  @ApiProperty({ type: [ReferralEventResponse] }) history: ReferralEventResponse[];
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class ReferralPageInfo {
  @ApiProperty({ type: 'integer', example: 20 }) limit: number;
  @ApiProperty({ type: String, nullable: true, example: null, description: 'Pass as cursor for the next page; null on the last page.' })
  nextCursor: string | null;
}

export class ReferralListResponse {
  @ApiProperty({ type: [ReferralResponse] }) data: ReferralResponse[];
  @ApiProperty({ type: ReferralPageInfo }) page: ReferralPageInfo;
}
