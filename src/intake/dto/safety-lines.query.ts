import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsIn, IsOptional, IsString, Matches } from 'class-validator';

import { stack } from '../../common/decorator-stack.js';
import { CountryCodeField } from '../../common/dto/field-decorators.js';
import { LangField } from '../../common/i18n/localized.js';
import { ResourceResponse } from '../../resources/dto/resource.response.js';
import { ACCESSIBILITY, AUDIENCES, LINE_ROLES } from '../../taxonomy/taxonomy.js';
import { EmergencyNumberResponse } from './intake.response.js';

const toList = (value: unknown) =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean)
    : value;

/** An optional comma list of taxonomy codes, each from `codes`. */
function CommaCodeList(codes: readonly string[], description: string, example: string) {
  return stack(
    ApiPropertyOptional({ description, example: [example], enum: codes, isArray: true }),
    IsOptional(),
    Transform(({ value }) => toList(value)),
    ArrayMaxSize(codes.length),
    IsIn(codes, { each: true, message: `each value of $property must be one of: ${codes.join(', ')}` }),
  );
}

export class SafetyLinesQuery {
  @CountryCodeField('ISO 3166-1 country where the person is. Absent: US lines, said so in countryAssumed.', 'GB')
  country?: string;

  @ApiPropertyOptional({
    description: 'ISO 3166-2 region, for regional lines (CA-ON, GB-SCT).',
    example: 'GB-SCT',
    pattern: '^[A-Z]{2}-[A-Z0-9]{1,3}$',
  })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Z]{2}-[A-Z0-9]{1,3}$/, { message: 'region must be an ISO 3166-2 code such as GB-SCT' })
  region?: string;

  @CommaCodeList(
    LINE_ROLES.codes,
    'Roles to lead with, in order (comma-separated). A crisis and a domestic-violence line are always included.',
    'domestic_violence',
  )
  roles?: string[];

  @CommaCodeList(AUDIENCES.codes, 'Who the person is, so the most specific line comes first (comma-separated).', 'veterans')
  audiences?: string[];

  @CommaCodeList(
    ACCESSIBILITY.codes,
    'Accessibility needs (comma-separated): lines reachable that way come first within a role, with those routes first among their contact channels.',
    'asl',
  )
  accessibility?: string[];

  @LangField(
    'The language of the texts Mend writes (emergency notes): en or es; with es, lines that serve in Spanish come first within their role. Wins over Accept-Language.',
  )
  lang?: 'en' | 'es';
}

export class SafetyLinesResponse {
  @ApiProperty({ example: 'US', description: 'The country whose lines are listed.' }) country: string;
  @ApiProperty({ description: 'True when no country was given and US lines were assumed.' }) countryAssumed: boolean;
  @ApiProperty({ type: EmergencyNumberResponse, nullable: true }) emergency: EmergencyNumberResponse | null;
  @ApiProperty({
    type: [ResourceResponse],
    description: 'Verified, non-demo lines serving the country (and region), the requested roles first.',
  })
  lines: ResourceResponse[];
}
