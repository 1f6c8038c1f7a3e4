import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';

import { type Cidr, parseCidrList } from '../common/http/cidr.js';
import { Environment } from '../config/environment.js';
import { PartnersService, type WebhookDestination } from '../partners/partners.service.js';
import { type ClaimedEvent, WebhookOutboxRepository } from './webhook-outbox.repository.js';
import { signWebhook } from './webhook-signature.js';
import { postWebhook } from './webhook-target.js';

const BATCH = 20;
const MAX_ATTEMPTS = 10;
const DELIVERY_TIMEOUT_MS = 10_000;
// A row claimed by an instance that then died is reclaimed after this lease.
const LEASE_SECONDS = 60;

/** Exponential backoff: 10 s, 20 s, 40 s … capped at 6 h. */
export function nextDelaySeconds(attempts: number): number {
  return Math.min(10 * 2 ** Math.max(0, attempts - 1), 6 * 3600);
}

/**
 * Drains the webhook outbox. Several API instances may run it at once: rows are claimed with
 * FOR UPDATE SKIP LOCKED and leased, so each event is delivered by one instance at a time;
 * delivery is at-least-once (receivers dedupe on Mend-Event-Id). Each event goes to the partner's
 * webhook URL as it is at delivery time, signed with the partner's live secrets.
 */
@Injectable()
export class WebhookDispatcher implements OnApplicationShutdown {
  private readonly logger = new Logger('Webhooks');
  private running = false;
  private stopped = false;
  private readonly allowed: Cidr[];

  constructor(
    private readonly outbox: WebhookOutboxRepository,
    private readonly partners: PartnersService,
    env: Environment,
  ) {
    this.allowed = parseCidrList(env.WEBHOOK_TEST_ALLOWED_CIDRS);
  }

  @Interval('deliver-webhooks', 2000)
  async tick(): Promise<void> {
    if (this.running || this.stopped) return;
    await this.deliverDue();
  }

  /** Claims and delivers the due events; returns how many were attempted. */
  async deliverDue(): Promise<number> {
    if (this.running) return 0;
    this.running = true;
    try {
      const claimed = await this.outbox.claimDue(BATCH, LEASE_SECONDS);
      if (!claimed.length) return 0;
      const destinations = await this.partners.findWebhookDestinations([...new Set(claimed.map((event) => event.partnerId))]);
      const byPartner = new Map(destinations.map((d) => [d.partnerId, d]));
      // One failing event must not hold back the others; its lease expires and it is retried.
      await Promise.allSettled(claimed.map((event) => this.deliver(event, byPartner.get(event.partnerId))));
      return claimed.length;
    } catch (error) {
      this.logger.warn(`Webhook delivery round failed: ${(error as Error).message}`);
      return 0;
    } finally {
      this.running = false;
    }
  }

  private async deliver(event: ClaimedEvent, destination: WebhookDestination | undefined): Promise<void> {
    const body = JSON.stringify({
      id: event.id,
      type: event.type,
      createdAt: new Date(event.createdAt).toISOString(),
      data: event.payload,
    });
    let error: string | undefined;
    if (!destination?.url) {
      error = 'no webhook URL registered';
    } else if (destination.secrets.length === 0) {
      error = 'no signing secret yet (filled at start-up)';
    } else {
      try {
        // Through the pinned lookup: private, loopback and metadata addresses are refused at
        // connect time, whatever the URL resolved to when it was saved. Redirects are not followed.
        const status = await postWebhook({
          url: destination.url,
          timeoutMs: DELIVERY_TIMEOUT_MS,
          allowed: this.allowed,
          headers: {
            'content-type': 'application/json',
            'user-agent': 'Mend-Webhooks/1',
            'mend-event-id': event.id,
            'mend-event-type': event.type,
            'mend-signature': signWebhook(destination.secrets, body),
          },
          body,
        });
        if (status < 200 || status >= 300) error = `HTTP ${status}`;
      } catch (e) {
        error = (e as Error).message;
      }
    }
    if (!error) {
      await this.outbox.markDelivered(event.id);
      return;
    }
    const failed = event.attempts >= MAX_ATTEMPTS;
    await this.outbox.markAttemptFailed(event.id, error.slice(0, 500), failed ? 'failed' : 'pending', nextDelaySeconds(event.attempts));
  }

  onApplicationShutdown(): void {
    this.stopped = true;
  }
}
