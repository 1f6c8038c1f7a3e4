import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

import { ResourceResponse } from '../../resources/dto/resource.response.js';

export class ReasonDto {
  @ApiProperty({ example: 'within_budget', description: 'Stable machine-readable code.' }) code: string;
  @ApiProperty({ example: 'within your budget of $80 (sliding scale)' }) text: string;
}

export class EmergencyNumberResponse {
  @ApiProperty({ example: 'GB', description: 'ISO 3166-1 country the number is for.' }) country: string;
  @ApiProperty({ example: '999' }) number: string;
  @ApiProperty({ type: [String], example: ['112'], description: 'Other numbers that also reach emergency services there.' })
  alsoWorks: string[];
  @ApiPropertyOptional({
    description: 'How to reach emergency services when speaking aloud is not safe, where the country offers a way.',
    example: 'If you cannot speak, call 999 from a mobile, listen, and press 55 when asked.',
  })
  ifYouCannotSpeak?: string;
}

export class SafetyResponse {
  @ApiProperty({ enum: ['none', 'elevated', 'urgent'] }) level: string;
  @ApiProperty({ description: 'False when no safety question was answered (the lines are still shown).' }) answered: boolean;
  @ApiProperty({ description: "Plain-language guidance; the emergency number is the one of the intake's country." }) guidance: string;
  @ApiProperty({ description: 'False when violence, fear, coercive control, sexual violence or self-harm risk was reported.' })
  couplesCounselingRecommended: boolean;
  @ApiProperty({ type: [ReasonDto] }) reasons: ReasonDto[];
  @ApiProperty({
    type: EmergencyNumberResponse,
    nullable: true,
    description: "The emergency number of the intake's country; null when the country is unknown or not covered.",
  })
  emergency: EmergencyNumberResponse | null;
  @ApiProperty({ example: 'US', description: 'The country whose lines are listed.' }) linesCountry: string;
  @ApiProperty({ description: 'True when the intake named no country and US lines were assumed.' }) countryAssumed: boolean;
  @ApiProperty({
    type: [ResourceResponse],
    description:
      "Verified, non-demo crisis and safety lines that serve the intake's country (and region): always at least one crisis line and one " +
      'domestic-violence line where the directory has them, the roles the answers call for first, the line most specific to the person first ' +
      "(veterans, LGBTQ+ youth, Native American, Deaf). Each line's lineRoles says what it is for.",
  })
  resources: ResourceResponse[];
}

export class AccountabilityResponse {
  @ApiProperty() title: string;
  @ApiProperty() text: string;
  @ApiProperty({ type: [ResourceResponse], description: 'Programs whose eligibility is people_who_use_abuse.' })
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
  @ApiProperty({
    enum: ['en', 'es'],
    example: 'es',
    description: 'The language the texts are written in (also Content-Language); a replay keeps the language of the first response.',
  })
  lang: 'en' | 'es';
  @ApiProperty({ format: 'date-time', description: 'When the stored answers are purged.' }) expiresAt: string;
  @ApiProperty({ description: 'Nobody may reach out to the couple unprompted; copied to every referral.' }) doNotContact: boolean;
  @ApiProperty({ description: 'True when the request asked for doNotContact false but a safety answer forced it on.' })
  doNotContactForced: boolean;
  @ApiProperty({
    type: Boolean,
    nullable: true,
    description:
      'False when a safety answer rules out joint sessions (referrals then go only to services that see partners separately); ' +
      'null when the safety questions were not all answered (not screened: each partner should be asked privately before any joint session); ' +
      'true only when every safety answer was no.',
  })
  jointSessionsAppropriate: boolean | null;
  @ApiProperty({ type: SafetyResponse }) safety: SafetyResponse;
  @ApiProperty({ type: RecommendationResponse }) recommendation: RecommendationResponse;
  @ApiProperty({ type: [MatchResponse] }) matches: MatchResponse[];
  @ApiPropertyOptional({
    type: AccountabilityResponse,
    description:
      'Only when the person filling in the form said they are worried about their own behaviour (`aboutMe: worried_about_my_behaviour`), and Mend lists such a program within reach: programs for people who want to stop controlling or abusive behaviour, addressed to them. Never among matches, never inferred from the concerns or the safety answers.',
  })
  forPartnerWhoUsesAbuse?: AccountabilityResponse;
  @ApiProperty({ type: [ReasonDto], description: 'How the search was widened, in order, when too few resources met every constraint.' })
  relaxations: ReasonDto[];
  @ApiProperty({ type: [ReasonDto] }) nextSteps: ReasonDto[];
}
