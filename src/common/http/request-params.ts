import { createParamDecorator, type ExecutionContext, Param, ParseUUIDPipe, type ParseUUIDPipeOptions } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

/**
 * A request header as one string: a header sent on several lines is one comma-separated list
 * (RFC 9110 §5.3), which is how Node hands it over as an array.
 */
export function headerText(header: string | string[]): string;
export function headerText(header: string | string[] | undefined): string | undefined;
export function headerText(header: string | string[] | undefined): string | undefined {
  return Array.isArray(header) ? header.join(',') : header;
}

/** A handler parameter decorator whose value is read from the Fastify request (`@X()` on the parameter). */
export function requestParam<T>(read: (request: FastifyRequest) => T) {
  return createParamDecorator((_data: unknown, context: ExecutionContext): T => read(context.switchToHttp().getRequest<FastifyRequest>()));
}

/**
 * A path parameter that names a record by its UUID. Any other text answers 404 like a missing
 * record (it names none), not 400. `version` narrows it to one UUID version (partners' ids are v4).
 */
export function UuidParam(name: string, { version }: Pick<ParseUUIDPipeOptions, 'version'> = {}): ParameterDecorator {
  return Param(name, new ParseUUIDPipe({ version, errorHttpStatusCode: 404 }));
}
