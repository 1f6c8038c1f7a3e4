import { ApiProperty } from '@nestjs/swagger';
import { ResourceResponse } from '../../resources/dto/resource.response.js';

export class ReasonDto {
  @ApiProperty({ example: 'within_budget', description: 'Stable machine-readable code.' }) code: string;
  @ApiProperty({ example: 'within your budget of $80 (sliding scale)' }) text: string;
}

export class SafetyResponse {
  @ApiProperty({ enum: ['none', 'elevated', 'urgent'] }) level: string;
  @ApiProperty({ description: 'Plain-language guidance.' }) guidance: string;
  @ApiProperty({ description: 'False when violence, fear or coercive control was reported.' }) couplesCounselingRecommended: boolean;
  @ApiProperty({ type: [ReasonDto] }) reasons: ReasonDto[];
  @ApiProperty({ type: [ResourceResponse], description: 'Crisis and domestic-violence lines from the directory, first when safety is at stake.' })
  resources: ResourceResponse[];
}

export class RecommendationResponse {
  @ApiProperty({ enum: ['couples_counseling', 'discernment_counseling', 'individual_counseling', 'safety_first'] }) type: string;
  @ApiProperty() title: string;
  @ApiProperty() explanation: string;
  @ApiProperty({ type: [String] }) alsoConsider: string[];
}

export class MatchResponse {
  @ApiProperty({ type: ResourceResponse }) resource: ResourceResponse;
  @ApiProperty({ minimum: 0, maximum: 1, example: 0.82 }) score: number;
  @ApiProperty({ type: [ReasonDto] }) reasons: ReasonDto[];
  @ApiProperty({ type: [ReasonDto] }) caveats: ReasonDto[];
}

export class IntakeResponse {
  @ApiProperty({ format: 'uuid', description: 'Use it to create a referral.' }) id: string;
  @ApiProperty({ format: 'date-time', description: 'When the stored answers are purged.' }) expiresAt: string;
  @ApiProperty({ type: SafetyResponse }) safety: SafetyResponse;
  @ApiProperty({ type: RecommendationResponse }) recommendation: RecommendationResponse;
  @ApiProperty({ type: [MatchResponse] }) matches: MatchResponse[];
  @ApiProperty({ type: [ReasonDto], description: 'How the search was widened, in order, when too few resources met every constraint.' })
  relaxations: ReasonDto[];
  @ApiProperty({ type: [ReasonDto] }) nextSteps: ReasonDto[];
}
