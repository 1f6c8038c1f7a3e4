import { Injectable } from '@nestjs/common';
import type { EntityManager, SelectQueryBuilder } from 'typeorm';

import { DataSourceRepository } from '../common/database/sql-repository.js';
import { Referral, ReferralEvent } from './referral.entity.js';

export interface ReferralFilter {
  status?: string;
  createdFrom?: Date;
  createdTo?: Date;
  after?: { createdAt: string; id: string };
  limit: number;
}

@Injectable()
export class ReferralsRepository extends DataSourceRepository {
  /** The partner's own referral, or undefined (another partner's id looks exactly like a missing one). */
  findOwn(partnerId: string, id: string, manager: EntityManager = this.dataSource.manager, lock = false): Promise<Referral | null> {
    return manager.getRepository(Referral).findOne({ where: { id, partnerId }, lock: lock ? { mode: 'pessimistic_write' } : undefined });
  }

  /**
   * A referral to this resource that its partner let the provider answer, or undefined: a
   * referral to another resource, or one that does not allow it, looks exactly like a missing one.
   */
  findForProvider(resourceId: string, id: string, manager: EntityManager, lock = false): Promise<Referral | null> {
    return manager.getRepository(Referral).findOne({
      where: { id, resourceId, allowProviderResponse: true },
      lock: lock ? { mode: 'pessimistic_write' } : undefined,
    });
  }

  history(referralIds: string[], manager: EntityManager = this.dataSource.manager): Promise<ReferralEvent[]> {
    if (!referralIds.length) return Promise.resolve([]);
    return manager
      .getRepository(ReferralEvent)
      .createQueryBuilder('e')
      .where('e.referralId IN (:...ids)', { ids: referralIds })
      .orderBy('e.createdAt', 'ASC')
      .addOrderBy('e.id', 'ASC')
      .getMany();
  }

  /** Keyset page, newest first, on (created_at, id) — index referral_partner_created_idx. */
  async list(partnerId: string, f: ReferralFilter): Promise<{ referral: Referral; cursorAt: string }[]> {
    return this.page(f, (q) => q.where('r.partnerId = :partnerId', { partnerId }));
  }

  /** The referrals to one resource that allow its provider to answer, newest first — index referral_resource_created_idx. */
  async listForProvider(resourceId: string, f: ReferralFilter): Promise<{ referral: Referral; cursorAt: string }[]> {
    return this.page(f, (q) => q.where('r.resourceId = :resourceId AND r.allowProviderResponse', { resourceId }));
  }

  private async page(
    f: ReferralFilter,
    scope: (q: SelectQueryBuilder<Referral>) => SelectQueryBuilder<Referral>,
  ): Promise<{ referral: Referral; cursorAt: string }[]> {
    const q = scope(
      this.dataSource
        .getRepository(Referral)
        .createQueryBuilder('r')
        // Microsecond text of created_at for the cursor: a JS Date would round to milliseconds and skip rows.
        .addSelect(`to_char(r.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`, 'cursor_at'),
    );
    if (f.status) q.andWhere('r.status = :status', { status: f.status });
    if (f.createdFrom) q.andWhere('r.createdAt >= :from', { from: f.createdFrom });
    if (f.createdTo) q.andWhere('r.createdAt < :to', { to: f.createdTo });
    if (f.after)
      q.andWhere('(r.createdAt, r.id) < (:afterAt::timestamptz, :afterId::uuid)', { afterAt: f.after.createdAt, afterId: f.after.id });
    const { entities, raw } = await q
      .orderBy('r.createdAt', 'DESC')
      .addOrderBy('r.id', 'DESC')
      .limit(f.limit + 1)
      .getRawAndEntities<{ cursor_at: string }>();
    return entities.map((referral, i) => ({ referral, cursorAt: raw[i].cursor_at }));
  }

  async insert(manager: EntityManager, referral: Partial<Referral>): Promise<Referral> {
    const repo = manager.getRepository(Referral);
    return repo.save(repo.create(referral));
  }

  async update(manager: EntityManager, referral: Referral): Promise<Referral> {
    return manager.getRepository(Referral).save(referral);
  }

  async addEvent(manager: EntityManager, event: Partial<ReferralEvent>): Promise<ReferralEvent> {
    const repo = manager.getRepository(ReferralEvent);
    return repo.save(repo.create(event));
  }

  /** Deletes the partner's referral; its events and webhook events cascade (foreign keys). */
  async delete(manager: EntityManager, partnerId: string, id: string): Promise<boolean> {
    const result = await manager.getRepository(Referral).delete({ id, partnerId });
    return (result.affected ?? 0) > 0;
  }
}
