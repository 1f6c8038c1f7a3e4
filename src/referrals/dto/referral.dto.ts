import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsDateString, IsIn, IsOptional, IsString, IsUUID, Matches } from 'class-validator';

import { PageCursor, PageLimit } from '../../common/dto/field-decorators.js';
import { PROVIDER_ANSWERS, PROVIDER_DECLINE_REASONS, REFERRAL_OUTCOMES, REFERRAL_STATUSES } from '../referral-lifecycle.js';

const ACTORS = ['partner', 'provider'] as const;

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

  @ApiPropertyOptional({
    type: Boolean,
    example: true,
    description:
      "Let the resource's provider answer this referral itself (accepted or rejected, with a reason code) with its listing key, " +
      'seeing only the referral id, its status, its dates, doNotContact and jointSessionsAppropriate. Absent: false (only you change its status).',
  })
  @IsOptional()
  @IsBoolean()
  allowProviderResponse?: boolean;
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
  @ApiProperty({ enum: ACTORS, description: "partner: one of your keys; provider: the resource's listing key answering the referral." })
  by: (typeof ACTORS)[number];
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
  @ApiProperty({ description: "Whether the resource's provider may answer it (allowProviderResponse at creation)." })
  allowProviderResponse: boolean;
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

/**
 * A referral as the resource's provider sees it (GET /v1/listing/referrals): what a provider needs
 * to answer it and to act safely, nothing more. No intake, no partner, no client reference: Mend
 * holds no contact details, and the couple reaches out themselves.
 */
export class ProviderReferralResponse {
  @ApiProperty({ format: 'uuid', example: '6a0f3c1e-2b4d-4e8f-9a7c-5d1e3f2a4b6c' }) id: string;
  @ApiProperty({ enum: REFERRAL_STATUSES, example: 'requested' }) status: string;
  @ApiProperty({
    example: true,
    description: 'Whether you can answer it now (accepted or rejected): only while it is requested or on hold.',
  })
  answerable: boolean;
  @ApiProperty({ example: true, description: 'Nobody may reach out to the couple unprompted: wait for them to contact you.' })
  doNotContact: boolean;
  @ApiProperty({
    type: Boolean,
    nullable: true,
    example: false,
    description:
      'False: see each partner separately, never in a joint session. Null: the couple was not screened; ask each partner about safety alone ' +
      'before any joint session. True only when every safety answer was no. Says nothing about why.',
  })
  jointSessionsAppropriate: boolean | null;
  @ApiProperty({ format: 'date-time', example: '2026-12-02T15:04:05.000Z' }) createdAt: string;
  @ApiProperty({ format: 'date-time', example: '2026-12-02T15:04:05.000Z' }) updatedAt: string;
}

export class ProviderReferralListResponse {
  @ApiProperty({ type: [ProviderReferralResponse] }) data: ProviderReferralResponse[];
  @ApiProperty({ type: ReferralPageInfo }) page: ReferralPageInfo;
}

export class ListProviderReferralsQuery {
  @PageLimit()
  limit?: number;

  @PageCursor('page.nextCursor of the previous page.', 200)
  cursor?: string;
}

export class AnswerReferralRequest {
  @ApiProperty({ enum: PROVIDER_ANSWERS, example: 'rejected', description: 'accepted: you will take the couple on; rejected: you cannot.' })
  @IsIn(PROVIDER_ANSWERS)
  status: (typeof PROVIDER_ANSWERS)[number];

  @ApiPropertyOptional({
    enum: PROVIDER_DECLINE_REASONS,
    example: 'not_accepting_clients',
    description: 'Why you decline (with rejected only): a code about your practice, never about the couple.',
  })
  @IsOptional()
  @IsIn(PROVIDER_DECLINE_REASONS)
  reason?: (typeof PROVIDER_DECLINE_REASONS)[number];
}
