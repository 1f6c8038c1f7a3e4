import type { Type as Class } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsInt, IsNumber, IsObject, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';

import { stack } from '../decorator-stack.js';
import { POSTAL_CODE_PATTERN } from '../place/place.js';

/** An optional postal code (US ZIP, Canadian code or its first three characters). */
export function PostalCodeField(description: string) {
  return stack(
    ApiPropertyOptional({ description, example: '43215', pattern: POSTAL_CODE_PATTERN.source, maxLength: 10 }),
    IsOptional(),
    IsString(),
    MaxLength(10),
    Matches(POSTAL_CODE_PATTERN, { message: 'postalCode must be a postal code such as 43215' }),
  );
}

/** An optional ISO 3166-1 alpha-2 country code. */
export function CountryCodeField(description: string, example: string) {
  return stack(
    ApiPropertyOptional({ description, example, pattern: '^[A-Z]{2}$' }),
    IsOptional(),
    IsString(),
    Matches(/^[A-Z]{2}$/, { message: 'country must be an ISO 3166-1 alpha-2 code such as US' }),
  );
}

/** The page size of a cursor-paginated list: 1 to 100, 20 by default. */
export function PageLimit(description?: string) {
  return stack(
    ApiPropertyOptional({ ...(description === undefined ? {} : { description }), type: 'integer', default: 20, minimum: 1, maximum: 100 }),
    IsOptional(),
    Type(() => Number),
    IsInt(),
    Min(1),
    Max(100),
  );
}

/** The opaque cursor of a cursor-paginated list (page.nextCursor of the previous page). */
export function PageCursor(description: string, maxLength: number) {
  return stack(
    ApiPropertyOptional({ description }),
    IsOptional(),
    IsString(),
    MaxLength(maxLength),
    Matches(/^[A-Za-z0-9_-]+$/, { message: 'cursor is not a valid page cursor' }),
  );
}

/** An optional string of at most the `maxLength` it documents. */
export function OptionalText(api: ApiPropertyOptions & { maxLength: number }) {
  return stack(ApiPropertyOptional(api), IsOptional(), IsString(), MaxLength(api.maxLength));
}

/** An amount of money in currency units, with cents at most: 0 to `max`. */
export function MoneyAmount(max: number) {
  return stack(IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 }), Min(0), Max(max));
}

/** An object validated as `type` (whitelisted and checked field by field); an optional one may be absent or null. */
export function NestedObject(type: Class, options: { optional?: boolean; description?: string } = {}) {
  const { optional = false, ...api } = options;
  return stack(
    optional ? ApiPropertyOptional({ type, ...api }) : ApiProperty({ type, ...api }),
    optional ? IsOptional() : IsDefined(),
    IsObject(),
    ValidateNested(),
    Type(() => type),
  );
}
