import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { type Cidr, parseCidrList } from '../common/http/cidr.js';
import { apiKeySecret, Environment } from '../config/environment.js';
import { legacyWebhookSigningSecret, newWebhookSigningSecret } from '../webhooks/webhook-signature.js';
import { assertWebhookTarget, WebhookTargetError } from '../webhooks/webhook-target.js';
import type { KeyEnvironment } from './api-key.format.js';
import { ApiKeysService } from './api-keys.service.js';
import type { CreatePartnerRequest } from './dto/partner.dto.js';
import type { Partner } from './partner.entity.js';
import { PartnerOrigins } from './partner-origins.js';
import { PartnerErrors } from './partners.errors.js';
import { PartnersRepository, type WebhookDestination } from './partners.repository.js';
import type { Scope } from './scopes.js';

export type { WebhookDestination };

/** A partner's webhook: its URL, the secret receivers verify with, and until when the previous secret still signs too. */
export interface WebhookSettings {
  url: string | null;
  signingSecret: string;
  /** Set only while a rotation's overlap lasts. */
  previousSecretExpiresAt: Date | null;
}

@Injectable()
export class PartnersService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Partners');
  private readonly allowedWebhookCidrs: Cidr[];

  constructor(
    private readonly partners: PartnersRepository,
    private readonly keys: ApiKeysService,
    private readonly origins: PartnerOrigins,
    private readonly env: Environment,
  ) {
    this.allowedWebhookCidrs = parseCidrList(env.WEBHOOK_TEST_ALLOWED_CIDRS);
  }

  /**
   * Partners created before per-partner signing secrets get the secret they had (derived from
   * API_KEY_SECRET) stored, so their receivers keep verifying; from then on each rotates its own.
   */
  async onApplicationBootstrap(): Promise<void> {
    const legacy = await this.partners.partnersWithoutSigningSecret();
    for (const id of legacy) await this.partners.storeMissingSigningSecret(id, legacyWebhookSigningSecret(apiKeySecret(this.env), id));
    if (legacy.length)
      this.logger.log(`Stored the webhook signing secrets of ${legacy.length} partners created before per-partner secrets`);
  }

  /** Creates a partner with a secret and a publishable key (shown once). */
  async createPartner(input: CreatePartnerRequest, environment: KeyEnvironment = 'live', secretScopes?: Scope[]) {
    if (input.webhookUrl) await this.checkWebhookUrl('webhookUrl', input.webhookUrl);
    // In production a page allowed to use a publishable key must be served over https (a plain-http
    // page can be rewritten by anyone on the network); localhost origins are for development.
    const insecure = (input.allowedOrigins ?? []).filter((o) => !o.startsWith('https://'));
    if (this.env.NODE_ENV === 'production' && insecure.length) throw PartnerErrors.insecureOrigins(insecure);
    const partner = await this.partners.insertPartner({
      name: input.name,
      allowedOrigins: [...new Set(input.allowedOrigins ?? [])],
      rateLimitPerMinute: input.rateLimitPerMinute ?? 600,
      webhookUrl: input.webhookUrl ?? null,
      webhookSigningSecret: newWebhookSigningSecret(),
    });
    const secret = await this.keys.issueKey({
      partnerId: partner.id,
      kind: 'secret',
      environment,
      scopes: secretScopes,
      name: 'initial secret key',
    });
    const publishable = await this.keys.issueKey({
      partnerId: partner.id,
      kind: 'publishable',
      environment,
      name: 'initial publishable key',
    });
    await this.origins.refresh();
    return { partner, keys: [secret, publishable] };
  }

  async getPartner(id: string): Promise<Partner> {
    const partner = await this.partners.findPartner(id);
    if (!partner) throw PartnerErrors.partnerNotFound();
    return partner;
  }

  async getWebhookSettings(partnerId: string): Promise<WebhookSettings> {
    return webhookSettings(await this.getPartner(partnerId));
  }

  /**
   * Webhooks go to public HTTPS endpoints only: a malformed or non-http(s) URL is a 400; one whose
   * host is or resolves to a loopback, private, link-local, CGNAT, multicast, unspecified or
   * metadata address is a 422 naming the field (src/webhooks/webhook-target.ts). Plain http only
   * to a test or development receiver on WEBHOOK_TEST_ALLOWED_CIDRS (refused in production).
   */
  async setWebhook(partnerId: string, url: string | null): Promise<WebhookSettings> {
    if (url !== null) await this.checkWebhookUrl('url', url);
    const partner = await this.getPartner(partnerId);
    partner.webhookUrl = url;
    return webhookSettings(await this.partners.savePartner(partner));
  }

  private async checkWebhookUrl(field: string, url: string): Promise<void> {
    let parsed: URL | undefined;
    try {
      parsed = new URL(url);
    } catch {
      parsed = undefined;
    }
    if (!parsed || !['https:', 'http:'].includes(parsed.protocol) || parsed.username || parsed.password) {
      throw PartnerErrors.invalidWebhookUrl(field);
    }
    try {
      await assertWebhookTarget(parsed, this.allowedWebhookCidrs);
    } catch (error) {
      if (!(error instanceof WebhookTargetError)) throw error;
      throw PartnerErrors.webhookUrlNotAllowed(field, error.code, error.message);
    }
  }

  /**
   * A new random signing secret. The old one keeps signing too (both v1 signatures are sent) for
   * `overlapHours`, so a receiver can switch without rejecting deliveries; 0 ends it at once.
   */
  async rotateWebhookSecret(partnerId: string, overlapHours: number): Promise<WebhookSettings> {
    const partner = await this.getPartner(partnerId);
    partner.webhookPreviousSigningSecret = overlapHours > 0 ? partner.webhookSigningSecret : null;
    partner.webhookPreviousSecretExpiresAt = overlapHours > 0 ? new Date(Date.now() + overlapHours * 3_600_000) : null;
    partner.webhookSigningSecret = newWebhookSigningSecret();
    return webhookSettings(await this.partners.savePartner(partner));
  }

  /**
   * Curators subscribed to directory events: active partners with a webhook URL and a live secret
   * key (not revoked, not expired) holding resources:write or admin. Read in the caller's transaction.
   */
  findCuratorWebhookPartnerIds(manager?: EntityManager): Promise<string[]> {
    return this.partners.findCuratorWebhookPartnerIds(manager);
  }

  /** The partner's webhook URL, read in the caller's transaction (null: no webhook, nothing to queue). */
  findWebhookUrl(partnerId: string, manager?: EntityManager): Promise<string | null> {
    return this.partners.findWebhookUrl(partnerId, manager);
  }

  /** Where each partner's events are delivered, and the secrets that sign them now. */
  findWebhookDestinations(partnerIds: string[]): Promise<WebhookDestination[]> {
    return this.partners.findWebhookDestinations(partnerIds);
  }

  /** Suspends or reactivates a partner; every instance stops (or resumes) accepting its keys at once. */
  async setStatus(partnerId: string, status: 'active' | 'suspended'): Promise<Partner> {
    const partner = await this.getPartner(partnerId);
    partner.status = status;
    const saved = await this.partners.savePartner(partner);
    await this.keys.forgetPartner(partnerId);
    await this.origins.refresh();
    return saved;
  }

  findByName(name: string): Promise<Partner | null> {
    return this.partners.findPartnerByName(name);
  }
}

/** The previous secret is shown only while it still signs. */
function webhookSettings(p: Partner, now = Date.now()): WebhookSettings {
  const previousLive =
    p.webhookPreviousSigningSecret && p.webhookPreviousSecretExpiresAt && p.webhookPreviousSecretExpiresAt.getTime() > now;
  return {
    url: p.webhookUrl,
    signingSecret: p.webhookSigningSecret ?? '',
    previousSecretExpiresAt: previousLive ? p.webhookPreviousSecretExpiresAt : null,
  };
}
