import { Injectable } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

import { RetentionJob } from '../common/scheduling/retention-job.js';
import { Environment } from '../config/environment.js';
import { IdempotencyService } from './idempotency.service.js';

/** Forgets Idempotency-Keys after their 24 h; hourly, on one instance. */
@Injectable()
export class IdempotencyPurgeJob extends RetentionJob {
  constructor(
    private readonly idempotency: IdempotencyService,
    @InjectDataSource() dataSource: DataSource,
    registry: SchedulerRegistry,
    env: Environment,
  ) {
    super(
      { name: 'purge-idempotency-records', logger: 'IdempotencyPurge', purged: 'expired idempotency records' },
      { dataSource, registry, env },
    );
  }

  protected deleteExpired(): Promise<number> {
    return this.idempotency.purgeExpired();
  }
}
