import { Injectable } from '@nestjs/common';

import { RetentionJob } from '../common/scheduling/retention-job.js';
import { IntakeRepository } from './intake.repository.js';

/** Deletes intakes past their retention period (INTAKE_RETENTION_DAYS); hourly, on one instance. */
@Injectable()
export class IntakePurgeJob extends RetentionJob {
  constructor(intakes: IntakeRepository) {
    super('purge-expired-intakes', 'expired intakes', () => intakes.purgeExpired());
  }
}
