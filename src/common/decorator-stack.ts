import { applyDecorators } from '@nestjs/common';

/**
 * Applies decorators as the same lines written as a stack would be (the last first), so
 * class-validator runs them, and stopAtFirstError reports, in the order they are listed here.
 */
export function stack(...decorators: (ClassDecorator | MethodDecorator | PropertyDecorator)[]) {
  return applyDecorators(...decorators.reverse());
}
