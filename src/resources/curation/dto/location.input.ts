import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNumber, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

import { IsRegionOfCountryField } from './cross-field.validators.js';
import { REGION, Text } from './resource-field.decorators.js';

export class LocationInput {
  @ApiPropertyOptional({ example: '100 Main St', maxLength: 200 })
  @IsOptional()
  @MaxLength(200)
  @IsString()
  address?: string;

  @Text({ example: 'Columbus', maxLength: 100 })
  city: string;

  @ApiProperty({ example: 'US-OH', description: 'ISO 3166-2 region, inside country.', pattern: REGION.source })
  @IsRegionOfCountryField('country')
  @Matches(REGION, { message: 'region must be an ISO 3166-2 region such as US-OH' })
  @IsString()
  region: string;

  @ApiPropertyOptional({ example: '43215', maxLength: 12, pattern: '^[A-Za-z0-9][A-Za-z0-9 -]{1,11}$' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9 -]{1,11}$/, { message: 'postalCode must be a postal code such as 43215' })
  @IsString()
  postalCode?: string;

  @ApiProperty({ example: 'US', description: 'ISO 3166-1 alpha-2 country.', pattern: '^[A-Z]{2}$' })
  @Matches(/^[A-Z]{2}$/, { message: 'country must be an ISO 3166-1 alpha-2 code such as US' })
  @IsString()
  country: string;

  @ApiProperty({ example: 39.9671, minimum: -90, maximum: 90 })
  @Max(90)
  @Min(-90)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  latitude: number;

  @ApiProperty({ example: -83.0044, minimum: -180, maximum: 180 })
  @Max(180)
  @Min(-180)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  longitude: number;
}
