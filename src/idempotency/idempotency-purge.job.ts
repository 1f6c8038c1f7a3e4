import { Injectable, Logger } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { IdempotencyService } from './idempotency.service.js';

/** Forgets Idempotency-Keys after their 24 h; runs hourly. */
@Injectable()
export class IdempotencyPurgeJob {
  private readonly logger = new Logger('IdempotencyPurge');
  constructor(private readonly idempotency: IdempotencyService) {}

  @Cron(CronExpression.EVERY_HOUR, { name: 'purge-idempotency-records' })
  async purgeExpiredRecords(): Promise<number> {
    const purged = await this.idempotency.purgeExpired();
    if (purged) this.logger.log(`Purged ${purged} expired idempotency records`);
    return purged;
  }
}
