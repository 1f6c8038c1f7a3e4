import { Injectable } from '@nestjs/common';

import { RetentionJob } from '../common/scheduling/retention-job.js';
import { IdempotencyService } from './idempotency.service.js';

/** Forgets Idempotency-Keys after their 24 h; hourly, on one instance. */
@Injectable()
export class IdempotencyPurgeJob extends RetentionJob {
  constructor(idempotency: IdempotencyService) {
    super('purge-idempotency-records', 'expired idempotency records', () => idempotency.purgeExpired());
  }
}
