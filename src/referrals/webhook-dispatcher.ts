import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { apiKeySecret, Environment } from '../config/environment.js';
import { signWebhook, webhookSigningSecret } from './webhook-signature.js';

const BATCH = 20;
const MAX_ATTEMPTS = 10;
const DELIVERY_TIMEOUT_MS = 10_000;
// A row claimed by an instance that then died is reclaimed after this lease.
const LEASE_SECONDS = 60;

interface ClaimedEvent {
  id: string;
  partner_id: string;
  type: string;
  payload: Record<string, unknown>;
  attempts: number;
  created_at: Date;
  webhook_url: string | null;
}

/** Exponential backoff: 10 s, 20 s, 40 s … capped at 6 h. */
export function nextDelaySeconds(attempts: number): number {
  return Math.min(10 * 2 ** Math.max(0, attempts - 1), 6 * 3600);
}

/**
 * Drains the webhook outbox. Several API instances may run it at once: rows are claimed with
 * FOR UPDATE SKIP LOCKED and leased, so each event is delivered by one instance at a time;
 * delivery is at-least-once (receivers dedupe on Mend-Event-Id).
 */
@Injectable()
export class WebhookDispatcher implements OnApplicationShutdown {
  private readonly logger = new Logger('Webhooks');
  private running = false;
  private stopped = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly env: Environment,
  ) {}

  @Interval('deliver-webhooks', 2000)
  async tick(): Promise<void> {
    if (this.running || this.stopped || this.env.NODE_ENV === 'test') return; // tests drive deliverDue() themselves
    await this.deliverDue();
  }

  /** Claims and delivers the due events; returns how many were attempted. */
  async deliverDue(): Promise<number> {
    if (this.running) return 0;
    this.running = true;
    try {
      // TypeORM answers an UPDATE … RETURNING with [rows, affectedCount].
      const [claimed]: [ClaimedEvent[], number] = await this.dataSource.query(
        `UPDATE webhook_outbox o SET state = 'delivering', attempts = o.attempts + 1,
                next_attempt_at = now() + make_interval(secs => $2)
         FROM (SELECT id FROM webhook_outbox
               WHERE (state = 'pending' AND next_attempt_at <= now()) OR (state = 'delivering' AND next_attempt_at <= now())
               ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED) due,
              partner p
         WHERE o.id = due.id AND p.id = o.partner_id
         RETURNING o.id, o.partner_id, o.type, o.payload, o.attempts, o.created_at, p.webhook_url`,
        [BATCH, LEASE_SECONDS],
      );
      // One failing event must not hold back the others; its lease expires and it is retried.
      await Promise.allSettled(claimed.map((event) => this.deliver(event)));
      return claimed.length;
    } catch (error) {
      this.logger.warn(`Webhook delivery round failed: ${(error as Error).message}`);
      return 0;
    } finally {
      this.running = false;
    }
  }

  private async deliver(event: ClaimedEvent): Promise<void> {
    const body = JSON.stringify({ id: event.id, type: event.type, createdAt: new Date(event.created_at).toISOString(), data: event.payload });
    let error: string | undefined;
    if (!event.webhook_url) {
      error = 'no webhook URL registered';
    } else {
      try {
        const response = await fetch(event.webhook_url, {
          method: 'POST',
          redirect: 'error',
          signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
          headers: {
            'content-type': 'application/json',
            'user-agent': 'Mend-Webhooks/1',
            'mend-event-id': event.id,
            'mend-event-type': event.type,
            'mend-signature': signWebhook(webhookSigningSecret(apiKeySecret(this.env), event.partner_id), body),
          },
          body,
        });
        if (!response.ok) error = `HTTP ${response.status}`;
      } catch (e) {
        error = (e as Error).message;
      }
    }
    if (!error) {
      await this.dataSource.query(`UPDATE webhook_outbox SET state = 'delivered', delivered_at = now(), last_error = NULL WHERE id = $1`, [event.id]);
      return;
    }
    const failed = event.attempts >= MAX_ATTEMPTS;
    await this.dataSource.query(
      `UPDATE webhook_outbox SET state = $2, last_error = $3, next_attempt_at = now() + make_interval(secs => $4) WHERE id = $1`,
      [event.id, failed ? 'failed' : 'pending', error.slice(0, 500), nextDelaySeconds(event.attempts)],
    );
  }

  onApplicationShutdown(): void {
    this.stopped = true;
  }
}
