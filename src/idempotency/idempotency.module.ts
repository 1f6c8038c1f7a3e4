import { Module } from '@nestjs/common';
import { IdempotencyPurgeJob } from './idempotency-purge.job.js';
import { IdempotencyService } from './idempotency.service.js';

@Module({ providers: [IdempotencyService, IdempotencyPurgeJob], exports: [IdempotencyService] })
export class IdempotencyModule {}
