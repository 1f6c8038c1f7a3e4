import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { Equals, IsIn, IsObject, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';

import { PageCursor, PageLimit } from '../../common/dto/field-decorators.js';
import { UpdateResourceRequest } from '../../resources/curation/dto/resource.request.js';
import { ResourceResponse } from '../../resources/dto/resource.response.js';
import { REPORT_REASONS, type ReportReason } from '../../taxonomy/taxonomy.js';
import { NOTE_FINDINGS } from '../note-screening.js';

export const REPORT_STATUSES = ['open', 'resolved', 'dismissed'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];
/** Why a curator dismissed a report: codes, never free text. */
export const DISMISS_REASONS = ['listing_correct', 'duplicate', 'not_about_listing', 'could_not_confirm', 'spam', 'other'] as const;
export type DismissReason = (typeof DISMISS_REASONS)[number];
export const REPORT_NOTE_MAX = 280;

export class CreateReportRequest {
  @ApiProperty({
    enum: REPORT_REASONS.codes,
    example: 'phone_not_working',
    description: 'What is wrong with the listing (labels: GET /v1/taxonomy, reportReason).',
  })
  @IsIn(REPORT_REASONS.codes)
  reason: ReportReason;

  @ApiPropertyOptional({
    maxLength: REPORT_NOTE_MAX,
    example: 'The number rings out every time, three days in a row.',
    description: `What is wrong, in a few words (at most ${REPORT_NOTE_MAX} characters). Never contact details or names, yours or anyone's: a note that looks like an email, a phone number other than the listing's own, a link to a person's page, a street address or a person's name is refused (422 report_note_personal_data, errors[0].code says which: ${NOTE_FINDINGS.join(', ')}).`,
  })
  @IsOptional()
  @IsString()
  @MaxLength(REPORT_NOTE_MAX)
  note?: string;
}

/** What the reporter gets back: enough to refer to the report, nothing about other reports. */
export class ReportReceiptResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) resourceId: string;
  @ApiProperty({ enum: REPORT_REASONS.codes, example: 'phone_not_working' }) reason: ReportReason;
  @ApiProperty({ enum: ['open'], example: 'open', description: 'Every report starts open, for a curator to triage.' }) status: 'open';
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class ReportedResourceResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'national-domestic-violence-hotline' }) slug: string;
  @ApiProperty({ example: 'National Domestic Violence Hotline' }) name: string;
  @ApiProperty({ example: 'hotline' }) kind: string;
}

export class ReportClosureResponse {
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'The curator partner who closed it.' }) partnerId:
    string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'The key it was closed with.' }) keyId: string | null;
  @ApiProperty({ description: 'Resolved with the listing re-verified (verifiedBy: report_review).' }) reverified: boolean;
  @ApiProperty({ description: 'Resolved with a change to the listing (in its audit trail).' }) listingUpdated: boolean;
  @ApiProperty({ nullable: true, enum: [...DISMISS_REASONS, null], description: 'Why it was dismissed (dismissed reports only).' })
  dismissReason: DismissReason | null;
}

export class ReportResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: ReportedResourceResponse }) resource: ReportedResourceResponse;
  @ApiProperty({ enum: REPORT_REASONS.codes }) reason: ReportReason;
  @ApiProperty({
    nullable: true,
    type: String,
    description: `The reporter's note (screened for personal data; erased REPORT_NOTE_RETENTION_DAYS after the report is closed).`,
  })
  note: string | null;
  @ApiProperty({ enum: REPORT_STATUSES }) status: ReportStatus;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'uuid',
    description: 'The partner whose key sent it (attribution); null for a visitor without a key.',
  })
  reporterPartnerId: string | null;
  @ApiProperty({
    description:
      'One of the reports that suspend this safety line from every safety list (phone_not_working or closed, from several people within the window) until a curator resolves or dismisses one of them.',
  })
  suspendsSafetyLine: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: ReportClosureResponse, nullable: true, description: 'Who closed it, when and how; null while open.' })
  closed: ReportClosureResponse | null;
}

export class ReportPageInfo {
  @ApiProperty({ type: 'integer', example: 20 }) limit: number;
  @ApiProperty({ type: String, nullable: true, example: null, description: 'Pass as cursor for the next page; null on the last page.' })
  nextCursor: string | null;
}

export class ReportListResponse {
  @ApiProperty({ type: [ReportResponse], description: 'Newest first.' }) data: ReportResponse[];
  @ApiProperty({ type: ReportPageInfo }) page: ReportPageInfo;
}

export class ListReportsQuery {
  @ApiPropertyOptional({ enum: REPORT_STATUSES, description: 'Only reports in this status (all by default).', example: 'open' })
  @IsOptional()
  @IsIn(REPORT_STATUSES)
  status?: ReportStatus;

  @ApiPropertyOptional({ enum: REPORT_REASONS.codes, example: 'phone_not_working' })
  @IsOptional()
  @IsIn(REPORT_REASONS.codes)
  reason?: ReportReason;

  @ApiPropertyOptional({
    description: "Only this resource's reports: its UUID or slug.",
    example: 'national-domestic-violence-hotline',
    pattern: '^[A-Za-z0-9-]{1,120}$',
  })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9-]{1,120}$/, { message: 'resource must be a resource UUID or slug' })
  resource?: string;

  @PageLimit()
  limit?: number;

  @PageCursor('page.nextCursor of the previous page.', 200)
  cursor?: string;
}

export class ResolveReportRequest {
  @ApiPropertyOptional({
    enum: [true],
    example: true,
    description:
      "Record that the listing's details were confirmed now: lastVerifiedAt = now, verifiedBy = report_review (in the listing's audit trail). No If-Match needed for this alone.",
  })
  @IsOptional()
  @Equals(true, { message: 'reverify must be true when given' })
  reverify?: true;

  @ApiPropertyOptional({
    type: UpdateResourceRequest,
    description:
      "A JSON merge patch of the listing, applied through the curation update path (validated, audited) with the listing's ETag in If-Match (428 without it, 412 when stale), in the same transaction as the resolution.",
    example: { acceptingNewClients: false, waitTimeDays: 60 },
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => UpdateResourceRequest)
  listing?: UpdateResourceRequest;
}

export class DismissReportRequest {
  @ApiProperty({
    enum: DISMISS_REASONS,
    example: 'listing_correct',
    description:
      'Why: the listing was checked and is right, a duplicate of another report, not about this listing, could not be confirmed, spam, other.',
  })
  @IsIn(DISMISS_REASONS)
  reason: DismissReason;
}

/** The resolve answer: the closed report, and the listing as it now is when the resolve changed or re-verified it. */
export class ResolveReportResponse {
  @ApiProperty({ type: ReportResponse }) report: ReportResponse;
  @ApiProperty({
    type: ResourceResponse,
    nullable: true,
    description: 'The listing after the change or re-verification; null when neither was asked for.',
  })
  resource: ResourceResponse | null;
}
