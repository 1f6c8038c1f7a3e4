import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
} from 'class-validator';

import { stack } from '../../common/decorator-stack.js';
import { CountryCodeField, MoneyAmount, NestedObject, OptionalText, PostalCodeField } from '../../common/dto/field-decorators.js';
import { LangField } from '../../common/i18n/localized.js';
import { LAT_LNG_PATTERN } from '../../common/place/place.js';
import { ACCESSIBILITY, APPROACHES, AUDIENCES, AVAILABILITY, FORMATS } from '../../taxonomy/taxonomy.js';
import { ABOUT_ME, CONCERNS, DEPRECATED_WILLINGNESS, RELATIONSHIPS, WILLINGNESS } from '../matching/types.js';

/** A safety screening answer: an optional yes/no. */
function SafetyAnswer(description: string) {
  return stack(ApiPropertyOptional({ description }), IsOptional(), IsBoolean());
}

/** An optional preference among taxonomy codes. */
function PreferenceList(codes: readonly string[], example: string, description?: string) {
  return stack(
    ApiPropertyOptional({ enum: codes, isArray: true, example: [example], description }),
    IsOptional(),
    IsArray(),
    ArrayMaxSize(codes.length),
    IsIn(codes, { each: true }),
  );
}

export class SafetyAnswersDto {
  @SafetyAnswer('Has either partner been hit, pushed, choked or threatened with harm?')
  physicalViolence?: boolean;

  @SafetyAnswer('Is either partner afraid of the other?')
  feelsAfraid?: boolean;

  @SafetyAnswer('Does one partner monitor, isolate or control the other (phone, money, friends)?')
  coerciveControl?: boolean;

  @SafetyAnswer('Is anyone thinking about suicide or self-harm?')
  selfHarmRisk?: boolean;

  @SafetyAnswer('Has either partner been forced or pressured into sexual acts?')
  sexualViolence?: boolean;

  @SafetyAnswer(
    'Has either partner ever choked or strangled the other (hands, arm or an object on the neck), even once? ' +
      'Asked apart from physicalViolence: it is among the strongest signs that a partner may kill. Yes: urgent, with guidance to get ' +
      'medical care even without visible marks and to ask an advocate for a danger assessment. Optional: not needed for `answered`.',
  )
  strangulation?: boolean;

  @SafetyAnswer(
    'Has either partner used or threatened to use a weapon, or threatened to kill the other? ' +
      'Among the strongest signs that a partner may kill. Yes: urgent, with guidance to ask an advocate for a danger assessment. ' +
      'Optional: not needed for `answered`.',
  )
  weaponOrThreatsToKill?: boolean;
}

export class PreferencesDto {
  @PreferenceList(APPROACHES.codes, 'gottman')
  approaches?: string[];

  @PreferenceList(AUDIENCES.codes, 'lgbtq_affirming')
  audiences?: string[];

  @PreferenceList(AVAILABILITY.codes, 'evenings')
  availability?: string[];

  @PreferenceList(
    ACCESSIBILITY.codes,
    'asl',
    'Accessibility needs (GET /v1/taxonomy defines each code), a strong preference: resources that meet more of them come first, ' +
      'each need met is a reason (accessibility_match) and each one not listed is a caveat (not_listed_<code>) saying what to ask. ' +
      'Safety lines reachable that way come first, with those routes (videophone, TTY, relay, text) first among their contact channels. Not stored.',
  )
  accessibility?: string[];
}

/**
 * A couple's situation. Deliberately no names, contact details or narrative: unknown
 * fields are rejected, so there is nowhere to put them.
 */
export class CreateIntakeRequest {
  @ApiProperty({ enum: CONCERNS, isArray: true, description: 'What damaged trust.', example: ['infidelity', 'lying'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(CONCERNS.length)
  @ArrayUnique()
  @IsIn(CONCERNS, { each: true })
  concerns: string[];

  @ApiProperty({
    enum: [...WILLINGNESS, ...DEPRECATED_WILLINGNESS],
    example: 'both',
    description:
      'How you both feel about getting help: `both` want to work on it together; `one_hesitant`: one of you is hesitant about counseling; ' +
      '`one_leaning_out`: one of you is unsure about staying together (discernment counseling); `one_unwilling`: one of you does not want to take part. ' +
      'Deprecated: `one_unsure` (read as `one_leaning_out`).',
  })
  @IsIn([...WILLINGNESS, ...DEPRECATED_WILLINGNESS])
  willingness: (typeof WILLINGNESS)[number] | (typeof DEPRECATED_WILLINGNESS)[number];

  @NestedObject(SafetyAnswersDto, { optional: true, description: 'Best asked of each partner privately; any yes counts.' })
  safety?: SafetyAnswersDto;

  @ApiPropertyOptional({
    enum: ABOUT_ME,
    example: 'worried_about_my_behaviour',
    description:
      'Asked of the person filling in the form, never inferred from the safety answers. `worried_about_my_behaviour`: they are worried about their own ' +
      'controlling, jealous or abusive behaviour towards their partner. The response then recommends individual help (never couples counseling first), ' +
      'lists programs for people who want to stop abusive behaviour under `forPartnerWhoUsesAbuse` (only then), keeps the crisis and domestic-violence lines, ' +
      'and offers no joint work and no service for people harmed by a partner. Safety answers still count as given.',
  })
  @IsOptional()
  @IsIn(ABOUT_ME)
  aboutMe?: (typeof ABOUT_ME)[number];

  @ApiPropertyOptional({
    description:
      'Nobody may reach out to the couple unprompted (kept on referrals). Absent means true. Forced to true whenever any safety answer is yes ' +
      '(a call or message can alert the partner who causes harm); the response says so in doNotContactForced.',
  })
  @IsOptional()
  @IsBoolean()
  doNotContact?: boolean;

  @ApiPropertyOptional({ enum: RELATIONSHIPS, example: 'unmarried' })
  @IsOptional()
  @IsIn(RELATIONSHIPS)
  relationship?: (typeof RELATIONSHIPS)[number];

  @PostalCodeField('US ZIP or Canadian postal code (with country).')
  postalCode?: string;

  @CountryCodeField(
    'ISO 3166-1 country where the couple is (any country: the safety lines and emergency number are its own where Mend has them); with postalCode, US or CA.',
    'US',
  )
  country?: string;

  @ApiPropertyOptional({
    description: 'A point "lat,lng" instead of postalCode.',
    example: '39.96,-82.99',
    pattern: LAT_LNG_PATTERN.source,
  })
  @IsOptional()
  @IsString()
  @Matches(LAT_LNG_PATTERN, { message: 'near must be "lat,lng" in decimal degrees' })
  near?: string;

  @ApiPropertyOptional({
    description: 'Where they will be during sessions (ISO 3166-2), for telehealth licensure.',
    example: 'US-OH',
    pattern: '^[A-Z]{2}-[A-Z0-9]{1,3}$',
  })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Z]{2}-[A-Z0-9]{1,3}$/, { message: 'region must be an ISO 3166-2 code such as US-OH' })
  region?: string;

  @ApiPropertyOptional({ description: 'How far they can travel for in-person help, km.', default: 40, minimum: 1, maximum: 500 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(1)
  @Max(500)
  maxTravelKm?: number;

  @ApiPropertyOptional({ enum: [...FORMATS.codes, 'any'], isArray: true, example: ['video', 'in_person'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5)
  @IsIn([...FORMATS.codes, 'any'], { each: true })
  formats?: string[];

  @ApiPropertyOptional({ description: 'Languages (ISO 639-1), any of them.', example: ['es'], type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @Matches(/^[a-z]{2}$/, { each: true, message: 'each language must be an ISO 639-1 code such as es' })
  languages?: string[];

  @ApiPropertyOptional({
    description: 'Budget per session in currency units; 0 means they need free help.',
    example: 80,
    minimum: 0,
    maximum: 10000,
  })
  @IsOptional()
  @MoneyAmount(10000)
  budgetPerSession?: number;

  @OptionalText({ description: 'Insurer name, or "none".', example: 'Aetna', maxLength: 100 })
  insurance?: string;

  @NestedObject(PreferencesDto, { optional: true })
  preferences?: PreferencesDto;

  @LangField(
    'The language of the texts in the response (guidance, reasons, next steps): en or es. Wins over the `lang` query parameter ' +
      'and over Accept-Language; kept with the Idempotency-Key, so a retry is answered in the same language.',
  )
  lang?: 'en' | 'es';

  @ApiPropertyOptional({ description: 'How many matches to return.', type: 'integer', default: 10, minimum: 1, maximum: 25 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(25)
  limit?: number;
}
