import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsOptional, IsString, IsUrl, MaxLength, MinLength } from 'class-validator';

import { stack } from '../../../common/decorator-stack.js';
import { UUID_TEXT } from '../../../common/uuid.js';
import { ACCESSIBILITY } from '../../../taxonomy/taxonomy.js';

// The decorator stacks and patterns a resource's fields share (resource.request.ts and its nested inputs).

// Kebab-case, and never shaped like a UUID: GET /v1/resources/{id} reads those as ids.
export const SLUG = new RegExp(`^(?!${UUID_TEXT}$)[a-z0-9]+(-[a-z0-9]+)*$`);
export const REGION = /^[A-Z]{2}-[A-Z0-9]{1,3}$/;
export const AREA = /^[A-Z]{2}(-[A-Z0-9]{1,3})?$/;
export const PHONE = /^\+?[0-9][0-9 ().-]{1,28}$/;
export const URL_OPTIONS = { protocols: ['http', 'https'], require_protocol: true };
/** Fees above this (minor units: $100,000) are a typo, not a price. */
export const MAX_FEE_MINOR = 10_000_000;

// Each stack ends with its type check: class-validator runs a property's decorators bottom-up
// and (stopAtFirstError) reports the first failure, so `"cheap"` for a fee says "must be an
// integer", not "must not be greater than".

/** A required list of taxonomy codes (from src/taxonomy/taxonomy.ts), each at most once. */
export function CodeList(codes: readonly string[], description: string, example: string[]) {
  return applyDecorators(
    ApiProperty({ enum: codes, isArray: true, description, example }),
    IsIn(codes, { each: true, message: `each value of $property must be one of: ${codes.join(', ')}` }),
    ArrayUnique(),
    ArrayMaxSize(codes.length),
    IsArray(),
  );
}

/** A list of accessibility codes, each at most once (the checks against the rest of the record are the full record's). */
export function AccessibilityCodes() {
  return applyDecorators(
    IsIn(ACCESSIBILITY.codes, { each: true, message: `each value of accessibility must be one of: ${ACCESSIBILITY.codes.join(', ')}` }),
    ArrayUnique(),
    ArrayMaxSize(ACCESSIBILITY.codes.length),
    IsArray(),
  );
}

/** A required, non-empty string of at most the `maxLength` it documents. */
export function Text(api: ApiPropertyOptions & { maxLength: number }) {
  return stack(ApiProperty(api), MaxLength(api.maxLength), MinLength(1), IsString());
}

/** An optional http(s) URL of at most the `maxLength` it documents. */
export function OptionalHttpUrl(api: ApiPropertyOptions & { maxLength: number }) {
  return stack(
    ApiPropertyOptional(api),
    IsOptional(),
    IsUrl(URL_OPTIONS, { message: '$property must be an http(s) URL' }),
    MaxLength(api.maxLength),
    IsString(),
  );
}

/** A real (non-demo) listing must say where its facts come from and when they were checked. */
export const requiredUnlessDemo = (o: { demo?: boolean }, value: unknown) => o.demo !== true || (value !== undefined && value !== null);

/** In a merge patch, null removes an optional field (RFC 7396): these say so, so a generated client can send it. */
export const RemovableText = () => ApiPropertyOptional({ type: String, nullable: true });
export const RemovableInteger = () => ApiPropertyOptional({ type: 'integer', nullable: true });
export const RemovableList = (type: unknown) => ApiPropertyOptional({ type: type as never, isArray: true, nullable: true });
