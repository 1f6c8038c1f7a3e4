import { Module } from '@nestjs/common';
import { ConfigModule } from '../config/config.module.js';
import { IdempotencyPurgeJob } from './idempotency-purge.job.js';
import { IdempotencyRepository } from './idempotency.repository.js';
import { IdempotencyService } from './idempotency.service.js';

@Module({ imports: [ConfigModule], providers: [IdempotencyService, IdempotencyRepository, IdempotencyPurgeJob], exports: [IdempotencyService] })
export class IdempotencyModule {}
