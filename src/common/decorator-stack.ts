import { applyDecorators } from '@nestjs/common';

/**
 * Applies property decorators as the same lines written as a stack would be (the last first), so
 * class-validator runs them, and stopAtFirstError reports, in the order they are listed here.
 */
export function stack(...decorators: PropertyDecorator[]): PropertyDecorator {
  return applyDecorators(...decorators.reverse());
}
