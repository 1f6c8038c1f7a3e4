import { Injectable } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

import { RetentionJob } from '../common/scheduling/retention-job.js';
import { Environment } from '../config/environment.js';
import { IntakeRepository } from './intake.repository.js';

/** Deletes intakes past their retention period (INTAKE_RETENTION_DAYS); hourly, on one instance. */
@Injectable()
export class IntakePurgeJob extends RetentionJob {
  constructor(
    private readonly intakes: IntakeRepository,
    @InjectDataSource() dataSource: DataSource,
    registry: SchedulerRegistry,
    env: Environment,
  ) {
    super({ name: 'purge-expired-intakes', logger: 'IntakePurge', purged: 'expired intakes' }, { dataSource, registry, env });
  }

  protected deleteExpired(): Promise<number> {
    return this.intakes.purgeExpired();
  }
}
