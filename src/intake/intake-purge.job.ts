import { Injectable, Logger } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { IntakeRepository } from './intake.repository.js';

/** Deletes intakes past their retention period (INTAKE_RETENTION_DAYS); runs hourly. */
@Injectable()
export class IntakePurgeJob {
  private readonly logger = new Logger('IntakePurge');
  constructor(private readonly intakes: IntakeRepository) {}

  @Cron(CronExpression.EVERY_HOUR, { name: 'purge-expired-intakes' })
  async purgeExpiredIntakes(): Promise<number> {
    const purged = await this.intakes.purgeExpired();
    if (purged) this.logger.log(`Purged ${purged} expired intakes`);
    return purged;
  }
}
