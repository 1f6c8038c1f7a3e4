import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor, UseInterceptors } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { Observable } from 'rxjs';

/**
 * `Cache-Control: no-store` on every response of a route, success or problem: set before the
 * handler runs, so an error thrown by it keeps the header too. For responses carrying intake
 * answers, referral history, keys or webhook secrets: no browser or shared cache may keep them.
 */
@Injectable()
export class NoStoreInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    void context.switchToHttp().getResponse<FastifyReply>().header('cache-control', 'no-store');
    return next.handle();
  }
}

export const NoStore = () => UseInterceptors(NoStoreInterceptor);
