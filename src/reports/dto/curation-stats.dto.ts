import { ApiProperty } from '@nestjs/swagger';

import { RESOURCE_KINDS } from '../../taxonomy/taxonomy.js';
import { REPORT_REASONS, type ReportReason } from '../../taxonomy/taxonomy.js';

export class VerificationPolicyResponse {
  @ApiProperty({ type: 'integer', example: 180 }) dueDays: number;
  @ApiProperty({ type: 'integer', example: 365 }) staleDays: number;
  @ApiProperty({ type: 'integer', example: 90 }) safetyLineDueDays: number;
  @ApiProperty({ type: 'integer', example: 180 }) safetyLineStaleDays: number;
}

export class StatusCounts {
  @ApiProperty({ type: 'integer', example: 120 }) current: number;
  @ApiProperty({ type: 'integer', example: 14 }) due: number;
  @ApiProperty({ type: 'integer', example: 3 }) stale: number;
}

export class KindStatusCounts extends StatusCounts {
  @ApiProperty({ enum: RESOURCE_KINDS.codes, example: 'practice' }) kind: string;
}

export class ListingStats {
  @ApiProperty({ type: 'integer', example: 137, description: 'Active listings that are not demo listings.' }) total: number;
  @ApiProperty({ type: StatusCounts }) byStatus: StatusCounts;
  @ApiProperty({ type: [KindStatusCounts], description: 'Per kind (kinds with listings only), in kind order.' }) byKind: KindStatusCounts[];
}

export class ReasonAgeCounts {
  @ApiProperty({ enum: REPORT_REASONS.codes, example: 'phone_not_working' }) reason: ReportReason;
  @ApiProperty({ type: 'integer', example: 4 }) total: number;
  @ApiProperty({ type: 'integer', example: 1, description: 'Open for less than a day.' }) underOneDay: number;
  @ApiProperty({ type: 'integer', example: 2, description: 'Open for one to seven days.' }) oneToSevenDays: number;
  @ApiProperty({ type: 'integer', example: 1, description: 'Open for more than seven days.' }) overSevenDays: number;
}

export class ResolutionStats {
  @ApiProperty({ type: 'integer', example: 31, description: 'Reports resolved or dismissed in the last 90 days.' }) closed: number;
  @ApiProperty({
    type: 'number',
    nullable: true,
    example: 18.5,
    description: 'Median hours from report to resolution or dismissal over those reports; null when none.',
  })
  medianHours: number | null;
}

export class ReportStats {
  @ApiProperty({ type: 'integer', example: 4 }) open: number;
  @ApiProperty({ type: [ReasonAgeCounts], description: 'Open reports per reason (reasons with open reports only), by age.' })
  openByReason: ReasonAgeCounts[];
  @ApiProperty({ type: ResolutionStats }) last90Days: ResolutionStats;
}

export class SafetyLineStats {
  @ApiProperty({ type: 'integer', example: 50, description: 'Active safety lines (hotlines with a role, not demo).' }) total: number;
  @ApiProperty({ type: 'integer', example: 46 }) current: number;
  @ApiProperty({ type: 'integer', example: 3, description: 'Due for a check: still shown.' }) due: number;
  @ApiProperty({ type: 'integer', example: 1, description: 'Stale: no longer shown as safety lines.' }) stale: number;
  @ApiProperty({ type: 'integer', example: 0, description: 'Suspended by reports from the field until a curator reviews them.' })
  suspended: number;
}

export class CurationStatsResponse {
  @ApiProperty({ format: 'date-time', description: 'The moment the statuses were computed for.' }) asOf: string;
  @ApiProperty({ type: VerificationPolicyResponse }) policy: VerificationPolicyResponse;
  @ApiProperty({ type: ListingStats }) listings: ListingStats;
  @ApiProperty({ type: ReportStats }) reports: ReportStats;
  @ApiProperty({ type: SafetyLineStats }) safetyLines: SafetyLineStats;
}
