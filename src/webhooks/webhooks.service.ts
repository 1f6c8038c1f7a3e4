import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { PartnersService } from '../partners/partners.service.js';
import { type OutboxEvent, WebhookOutboxRepository } from './webhook-outbox.repository.js';

/** Webhook events for other modules to send: queued with the change they report, delivered by WebhookDispatcher. */
@Injectable()
export class WebhooksService {
  constructor(
    private readonly outbox: WebhookOutboxRepository,
    private readonly partners: PartnersService,
  ) {}

  /** Queues the event in the caller's transaction, when the partner has registered a webhook (otherwise there is no one to tell). */
  async queueEvent(tx: EntityManager, event: OutboxEvent): Promise<void> {
    if (!(await this.partners.findWebhookUrl(event.partnerId, tx))) return;
    await this.outbox.enqueue(tx, event);
  }

  /**
   * Queues a directory event (resource.report_created) for every curator's webhook, in the caller's
   * transaction: a partner that holds a live secret key with resources:write (or admin) and has a
   * webhook URL is subscribed, as a partner's webhook receives its own referrals' events.
   * Returns how many were queued.
   */
  async queueCuratorEvent(tx: EntityManager, type: string, payload: Record<string, unknown>): Promise<number> {
    const curators = await this.partners.findCuratorWebhookPartnerIds(tx);
    for (const partnerId of curators) await this.outbox.enqueue(tx, { partnerId, type, payload });
    return curators.length;
  }
}
