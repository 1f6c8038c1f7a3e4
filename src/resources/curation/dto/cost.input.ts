import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';

import { FEE_PERIODS, type FeePeriod } from '../../../taxonomy/taxonomy.js';
import { CURRENCIES } from '../../resource-record.js';
import { IsNotLessThanField } from './cross-field.validators.js';
import { MAX_FEE_MINOR, RemovableInteger, RemovableText } from './resource-field.decorators.js';

export class CostInput {
  @ApiProperty({ description: 'Costs the couple nothing.' })
  @IsBoolean()
  free: boolean;

  @ApiProperty({ description: 'Fees adjusted to income.' })
  @IsBoolean()
  slidingScale: boolean;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    maximum: MAX_FEE_MINOR,
    example: 9000,
    description: 'Lowest fee per session, in integer minor units (cents, pence).',
  })
  @IsOptional()
  @Max(MAX_FEE_MINOR)
  @Min(0)
  @IsInt({ message: 'feeMin must be an integer number of minor units (cents)' })
  feeMin?: number;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    maximum: MAX_FEE_MINOR,
    example: 15000,
    description: 'Highest fee per session, in integer minor units; not below feeMin.',
  })
  @IsOptional()
  @IsNotLessThanField('feeMin')
  @Max(MAX_FEE_MINOR)
  @Min(0)
  @IsInt({ message: 'feeMax must be an integer number of minor units (cents)' })
  feeMax?: number;

  @ApiProperty({ enum: CURRENCIES, example: 'USD', description: 'ISO 4217 currency of the fees.' })
  @IsIn(CURRENCIES)
  currency: (typeof CURRENCIES)[number];

  @ApiPropertyOptional({ enum: FEE_PERIODS.codes, example: 'per_session', description: 'What one fee buys. Absent means per_session.' })
  @IsOptional()
  @IsIn(FEE_PERIODS.codes)
  feePeriod?: FeePeriod;

  @ApiProperty()
  @IsBoolean()
  insuranceAccepted: boolean;

  @ApiProperty({ type: [String], example: ['Aetna', 'Cigna'], description: 'Insurer names as the provider lists them.' })
  @MaxLength(100, { each: true })
  @MinLength(1, { each: true })
  @IsString({ each: true })
  @ArrayMaxSize(50)
  @IsArray()
  insurers: string[];

  @ApiProperty({ description: 'Can be used with no insurance at all.' })
  @IsBoolean()
  noInsuranceNeeded: boolean;

  @ApiPropertyOptional({ maxLength: 1000, example: 'First session free.' })
  @IsOptional()
  @MaxLength(1000)
  @IsString()
  notes?: string;
}

export class CostPatch extends PartialType(CostInput) {
  @RemovableInteger() feeMin?: number;
  @RemovableInteger() feeMax?: number;
  @RemovableText() notes?: string;
}
