import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Environment } from '../config/environment.js';
import { signWebhook } from './webhook-signature.js';
import { type Cidr, parseCidrList, postWebhook } from './webhook-target.js';

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
  /** The partner's current signing secret, then the previous one while its overlap lasts. */
  secrets: string[];
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
  private readonly allowed: Cidr[];

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly env: Environment,
  ) {
    this.allowed = parseCidrList(env.WEBHOOK_TEST_ALLOWED_CIDRS);
  }

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
         RETURNING o.id, o.partner_id, o.type, o.payload, o.attempts, o.created_at, p.webhook_url,
                   array_remove(ARRAY[p.webhook_signing_secret,
                     CASE WHEN p.webhook_previous_secret_expires_at > now() THEN p.webhook_previous_signing_secret END], NULL) AS secrets`,
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
    } else if (event.secrets.length === 0) {
      error = 'no signing secret yet (filled at start-up)';
    } else {
      try {
        // Through the pinned lookup: private, loopback and metadata addresses are refused at
        // connect time, whatever the URL resolved to when it was saved. Redirects are not followed.
        const status = await postWebhook({
          url: event.webhook_url,
          timeoutMs: DELIVERY_TIMEOUT_MS,
          allowed: this.allowed,
          headers: {
            'content-type': 'application/json',
            'user-agent': 'Mend-Webhooks/1',
            'mend-event-id': event.id,
            'mend-event-type': event.type,
            'mend-signature': signWebhook(event.secrets, body),
          },
          body,
        });
        if (status < 200 || status >= 300) error = `HTTP ${status}`;
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
