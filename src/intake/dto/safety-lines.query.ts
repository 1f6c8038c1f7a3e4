import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsIn, IsOptional, IsString, Matches } from 'class-validator';

import { CountryCodeField } from '../../common/dto/field-decorators.js';
import { ResourceResponse } from '../../resources/dto/resource.response.js';
import { AUDIENCES, LINE_ROLES } from '../../taxonomy/taxonomy.js';
import { EmergencyNumberResponse } from './intake.response.js';

const toList = (value: unknown) =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean)
    : value;

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

  @ApiPropertyOptional({
    description: 'Roles to lead with, in order (comma-separated). A crisis and a domestic-violence line are always included.',
    example: ['domestic_violence'],
    enum: LINE_ROLES.codes,
    isArray: true,
  })
  @IsOptional()
  @Transform(({ value }) => toList(value))
  @ArrayMaxSize(LINE_ROLES.codes.length)
  @IsIn(LINE_ROLES.codes, { each: true, message: `each value of roles must be one of: ${LINE_ROLES.codes.join(', ')}` })
  roles?: string[];

  @ApiPropertyOptional({
    description: 'Who the person is, so the most specific line comes first (comma-separated).',
    example: ['veterans'],
    enum: AUDIENCES.codes,
    isArray: true,
  })
  @IsOptional()
  @Transform(({ value }) => toList(value))
  @ArrayMaxSize(AUDIENCES.codes.length)
  @IsIn(AUDIENCES.codes, { each: true, message: `each value of audiences must be one of: ${AUDIENCES.codes.join(', ')}` })
  audiences?: string[];
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
