import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsBoolean, IsIn, IsOptional } from 'class-validator';

/** `?x=a&x=b` and `?x=a,b` both become ['a','b'] (trimmed, empties dropped). */
export function toList(value: unknown): unknown {
  if (value === undefined) return undefined;
  const items = (Array.isArray(value) ? (value as unknown[]) : [value]).flatMap((v) => (typeof v === 'string' ? v.split(',') : [v]));
  return items.map((v) => (typeof v === 'string' ? v.trim() : v)).filter((v) => v !== '');
}

/**
 * An optional multi-value query parameter restricted to a vocabulary. `match` says whether a
 * resource needs any of the values (most filters) or every one of them (needs such as accessibility).
 */
export function QueryEnumList(values: readonly string[], description: string, example?: string[], match: 'any' | 'all' = 'any') {
  return applyDecorators(
    ApiPropertyOptional({
      description: `${description} Repeat the parameter or use a comma list; a resource matches if it has ${match === 'any' ? 'any' : 'every one'} of the values.`,
      type: [String],
      enum: values,
      isArray: true,
      example,
    }),
    IsOptional(),
    Transform(({ value }) => toList(value)),
    ArrayMaxSize(values.length),
    IsIn(values, { each: true, message: `each value of $property must be one of: ${values.join(', ')}` }),
  );
}

/** An optional boolean query parameter: only `true` or `false` (not 1/yes), to keep URLs unambiguous. */
export function QueryBoolean(description: string) {
  return applyDecorators(
    ApiPropertyOptional({ description, type: Boolean, example: true }),
    IsOptional(),
    Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value)),
    IsBoolean({ message: '$property must be true or false' }),
  );
}
