import { Module } from '@nestjs/common';

import { IdempotencyRepository } from './idempotency.repository.js';
import { IdempotencyService } from './idempotency.service.js';
import { IdempotencyPurgeJob } from './idempotency-purge.job.js';

@Module({ providers: [IdempotencyService, IdempotencyRepository, IdempotencyPurgeJob], exports: [IdempotencyService] })
export class IdempotencyModule {}
