import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { ProblemException } from '../common/problem/problem.js';
import { ApiKeysService } from './api-keys.service.js';
import type { KeyEnvironment } from './api-key.format.js';
import type { CreatePartnerRequest } from './dto/partner.dto.js';
import { PartnerOrigins } from './partner-origins.js';
import { Partner } from './partner.entity.js';
import type { Scope } from './scopes.js';

@Injectable()
export class PartnersService {
  constructor(
    @InjectRepository(Partner) private readonly partners: Repository<Partner>,
    private readonly keys: ApiKeysService,
    private readonly origins: PartnerOrigins,
  ) {}

  /** Creates a partner with a secret and a publishable key (shown once). */
  async createPartner(input: CreatePartnerRequest, environment: KeyEnvironment = 'live', secretScopes?: Scope[]) {
    const partner = await this.partners.save(
      this.partners.create({
        name: input.name,
        allowedOrigins: [...new Set(input.allowedOrigins ?? [])],
        rateLimitPerMinute: input.rateLimitPerMinute ?? 600,
        webhookUrl: input.webhookUrl ?? null,
      }),
    );
    const secret = await this.keys.issueKey({ partnerId: partner.id, kind: 'secret', environment, scopes: secretScopes, name: 'initial secret key' });
    const publishable = await this.keys.issueKey({ partnerId: partner.id, kind: 'publishable', environment, name: 'initial publishable key' });
    await this.origins.refresh();
    return { partner, keys: [secret, publishable] };
  }

  async getPartner(id: string): Promise<Partner> {
    const partner = await this.partners.findOne({ where: { id } });
    if (!partner) throw ProblemException.notFound('Partner');
    return partner;
  }

  /**
   * Webhooks go to HTTPS only; plain http to this machine is allowed outside production so a
   * developer (and the tests) can run a local receiver.
   */
  async setWebhook(partnerId: string, url: string | null, production: boolean): Promise<Partner> {
    if (url !== null) {
      let parsed: URL | undefined;
      try {
        parsed = new URL(url);
      } catch {
        parsed = undefined;
      }
      const local = parsed && parsed.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname);
      if (!parsed || !(parsed.protocol === 'https:' || (local && !production)) || parsed.username || parsed.password) {
        throw ProblemException.badRequest('url', 'invalid_webhook_url', 'url must be an https:// URL without credentials.');
      }
    }
    const partner = await this.getPartner(partnerId);
    partner.webhookUrl = url;
    return this.partners.save(partner);
  }

  findByName(name: string): Promise<Partner | null> {
    return this.partners.findOne({ where: { name } });
  }
}
