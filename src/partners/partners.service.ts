import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { apiKeySecret, Environment } from '../config/environment.js';
import { legacyWebhookSigningSecret, newWebhookSigningSecret } from '../referrals/webhook-signature.js';
import { assertWebhookTarget, type Cidr, parseCidrList, WebhookTargetError } from '../referrals/webhook-target.js';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { ApiKeysService } from './api-keys.service.js';
import type { KeyEnvironment } from './api-key.format.js';
import type { CreatePartnerRequest } from './dto/partner.dto.js';
import { PartnerOrigins } from './partner-origins.js';
import { Partner } from './partner.entity.js';
import { PartnerErrors } from './partners.errors.js';
import type { Scope } from './scopes.js';

@Injectable()
export class PartnersService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Partners');
  private readonly allowedWebhookCidrs: Cidr[];

  constructor(
    @InjectRepository(Partner) private readonly partners: Repository<Partner>,
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
    const legacy: { id: string }[] = await this.partners.query(`SELECT id FROM partner WHERE webhook_signing_secret IS NULL`);
    for (const { id } of legacy) {
      await this.partners.query(`UPDATE partner SET webhook_signing_secret = $2 WHERE id = $1 AND webhook_signing_secret IS NULL`, [
        id, legacyWebhookSigningSecret(apiKeySecret(this.env), id),
      ]);
    }
    if (legacy.length) this.logger.log(`Stored the webhook signing secrets of ${legacy.length} partners created before per-partner secrets`);
  }

  /** Creates a partner with a secret and a publishable key (shown once). */
  async createPartner(input: CreatePartnerRequest, environment: KeyEnvironment = 'live', secretScopes?: Scope[]) {
    if (input.webhookUrl) await this.checkWebhookUrl('webhookUrl', input.webhookUrl);
    // In production a page allowed to use a publishable key must be served over https (a plain-http
    // page can be rewritten by anyone on the network); localhost origins are for development.
    const insecure = (input.allowedOrigins ?? []).filter((o) => !o.startsWith('https://'));
    if (this.env.NODE_ENV === 'production' && insecure.length) throw PartnerErrors.insecureOrigins(insecure);
    const partner = await this.partners.save(
      this.partners.create({
        name: input.name,
        allowedOrigins: [...new Set(input.allowedOrigins ?? [])],
        rateLimitPerMinute: input.rateLimitPerMinute ?? 600,
        webhookUrl: input.webhookUrl ?? null,
        webhookSigningSecret: newWebhookSigningSecret(),
      }),
    );
    const secret = await this.keys.issueKey({ partnerId: partner.id, kind: 'secret', environment, scopes: secretScopes, name: 'initial secret key' });
    const publishable = await this.keys.issueKey({ partnerId: partner.id, kind: 'publishable', environment, name: 'initial publishable key' });
    await this.origins.refresh();
    return { partner, keys: [secret, publishable] };
  }

  async getPartner(id: string): Promise<Partner> {
    const partner = await this.partners.findOne({ where: { id } });
    if (!partner) throw PartnerErrors.partnerNotFound();
    return partner;
  }

  /**
   * Webhooks go to public HTTPS endpoints only: a malformed or non-http(s) URL is a 400; one whose
   * host is or resolves to a loopback, private, link-local, CGNAT, multicast, unspecified or
   * metadata address is a 422 naming the field (src/referrals/webhook-target.ts). Plain http only
   * to a test or development receiver on WEBHOOK_TEST_ALLOWED_CIDRS (refused in production).
   */
  async setWebhook(partnerId: string, url: string | null): Promise<Partner> {
    if (url !== null) await this.checkWebhookUrl('url', url);
    const partner = await this.getPartner(partnerId);
    partner.webhookUrl = url;
    return this.partners.save(partner);
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
  async rotateWebhookSecret(partnerId: string, overlapHours: number): Promise<Partner> {
    const partner = await this.getPartner(partnerId);
    partner.webhookPreviousSigningSecret = overlapHours > 0 ? partner.webhookSigningSecret : null;
    partner.webhookPreviousSecretExpiresAt = overlapHours > 0 ? new Date(Date.now() + overlapHours * 3_600_000) : null;
    partner.webhookSigningSecret = newWebhookSigningSecret();
    return this.partners.save(partner);
  }

  /** Suspends or reactivates a partner; every instance stops (or resumes) accepting its keys at once. */
  async setStatus(partnerId: string, status: 'active' | 'suspended'): Promise<Partner> {
    const partner = await this.getPartner(partnerId);
    partner.status = status;
    const saved = await this.partners.save(partner);
    await this.keys.forgetPartner(partnerId);
    await this.origins.refresh();
    return saved;
  }

  findByName(name: string): Promise<Partner | null> {
    return this.partners.findOne({ where: { name } });
  }
}
