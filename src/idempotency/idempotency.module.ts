import { Module } from '@nestjs/common';
import { IdempotencyPurgeJob } from './idempotency-purge.job.js';
import { IdempotencyRepository } from './idempotency.repository.js';
import { IdempotencyService } from './idempotency.service.js';

@Module({ providers: [IdempotencyService, IdempotencyRepository, IdempotencyPurgeJob], exports: [IdempotencyService] })
export class IdempotencyModule {}
