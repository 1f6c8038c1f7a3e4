import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { type DataSource, type EntityManager, LessThan, type Repository } from 'typeorm';

import { Intake } from './intake.entity.js';

@Injectable()
export class IntakeRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(Intake) private readonly intakes: Repository<Intake>,
  ) {}

  async save(intake: Omit<Intake, 'id' | 'createdAt'>, manager?: EntityManager): Promise<Intake> {
    const repo = manager ? manager.getRepository(Intake) : this.intakes;
    return repo.save(repo.create(intake));
  }

  transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** The partner's own intake, with what a referral from it depends on; null for another partner's or a missing one. */
  findOwnForReferral(
    manager: EntityManager,
    partnerId: string,
    id: string,
  ): Promise<Pick<Intake, 'doNotContact' | 'jointWorkExcluded' | 'safetyScreened' | 'answers'> | null> {
    return manager.getRepository(Intake).findOne({
      where: { id, partnerId },
      select: { id: true, doNotContact: true, jointWorkExcluded: true, safetyScreened: true, answers: true },
    });
  }

  async deleteOwn(manager: EntityManager, partnerId: string, id: string): Promise<boolean> {
    const result = await manager.getRepository(Intake).delete({ id, partnerId });
    return (result.affected ?? 0) > 0;
  }

  /** Deletes expired intakes; returns how many. */
  async purgeExpired(now = new Date()): Promise<number> {
    const result = await this.intakes.delete({ expiresAt: LessThan(now) });
    return result.affected ?? 0;
  }
}
