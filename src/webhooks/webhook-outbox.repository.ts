import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

export interface OutboxEvent {
  partnerId: string;
  /** The referral the event reports, if any: erasing the referral deletes its events (FK ON DELETE CASCADE). */
  referralId?: string;
  type: string;
  payload: Record<string, unknown>;
}

/** An event claimed for delivery: leased to this instance until the lease runs out. */
export interface ClaimedEvent {
  id: string;
  partnerId: string;
  type: string;
  payload: Record<string, unknown>;
  /** Including this one. */
  attempts: number;
  createdAt: Date;
}

/**
 * webhook_outbox, the durable queue of webhook events: written in the same transaction as the
 * change it reports, so no event is lost if the process dies; claimed with FOR UPDATE SKIP LOCKED
 * so that several instances deliver each event once at a time (index webhook_outbox_due_idx).
 */
@Injectable()
export class WebhookOutboxRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Queues an event in the caller's transaction (the outbox pattern). */
  async enqueue(manager: EntityManager, event: OutboxEvent): Promise<void> {
    await manager.query(`INSERT INTO webhook_outbox (partner_id, referral_id, type, payload) VALUES ($1, $2, $3, $4::jsonb)`, [
      event.partnerId,
      event.referralId ?? null,
      event.type,
      JSON.stringify(event.payload),
    ]);
  }

  /**
   * Claims up to `limit` due events (pending, or delivering with an expired lease: the instance
   * that claimed them died) for `leaseSeconds`, counting the attempt.
   */
  async claimDue(limit: number, leaseSeconds: number): Promise<ClaimedEvent[]> {
    // TypeORM answers an UPDATE … RETURNING with [rows, affectedCount].
    const [claimed]: [ClaimedEvent[], number] = await this.dataSource.query(
      `UPDATE webhook_outbox o SET state = 'delivering', attempts = o.attempts + 1,
              next_attempt_at = now() + make_interval(secs => $2)
       FROM (SELECT id FROM webhook_outbox
             WHERE (state = 'pending' AND next_attempt_at <= now()) OR (state = 'delivering' AND next_attempt_at <= now())
             ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED) due
       WHERE o.id = due.id
       RETURNING o.id, o.partner_id AS "partnerId", o.type, o.payload, o.attempts, o.created_at AS "createdAt"`,
      [limit, leaseSeconds],
    );
    return claimed;
  }

  async markDelivered(id: string): Promise<void> {
    await this.dataSource.query(`UPDATE webhook_outbox SET state = 'delivered', delivered_at = now(), last_error = NULL WHERE id = $1`, [
      id,
    ]);
  }

  /** A failed attempt: retried after `retryInSeconds`, or given up on (`failed`). */
  async markAttemptFailed(id: string, error: string, outcome: 'pending' | 'failed', retryInSeconds: number): Promise<void> {
    await this.dataSource.query(
      `UPDATE webhook_outbox SET state = $2, last_error = $3, next_attempt_at = now() + make_interval(secs => $4) WHERE id = $1`,
      [id, outcome, error, retryInSeconds],
    );
  }

  /** Deletes delivered and failed events older than `retentionDays` (pending ones stay); returns how many. */
  async purgeFinished(retentionDays: number): Promise<number> {
    const [, affected]: [unknown, number] = await this.dataSource.query(
      `DELETE FROM webhook_outbox WHERE state IN ('delivered', 'failed')
         AND coalesce(delivered_at, created_at) < now() - make_interval(days => $1)`,
      [retentionDays],
    );
    return affected ?? 0;
  }
}
