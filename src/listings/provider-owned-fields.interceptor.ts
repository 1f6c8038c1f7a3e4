import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Observable } from 'rxjs';

import { safeFieldPath } from '../common/http/json-body.js';
import { refusedProviderFields } from '../resources/curation/provider-fields.js';
import { ListingErrors } from './listings.errors.js';

/**
 * PATCH /v1/listing: a field that is not the provider's is refused by name (422
 * listing_field_not_provider_owned), before validation would call it merely unknown. Interceptors
 * run before pipes; the DTO's whitelist still refuses anything this let through.
 */
@Injectable()
export class ProviderOwnedFieldsInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const refused = refusedProviderFields(context.switchToHttp().getRequest<FastifyRequest>().body);
    // Names are echoed only when they are plain names (the validation errors' rule).
    if (refused.length) throw ListingErrors.fieldsNotProviderOwned([...new Set(refused.map((f) => safeFieldPath(f.split('.'))))]);
    return next.handle();
  }
}
