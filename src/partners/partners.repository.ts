import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, In, IsNull, Not, type Repository } from 'typeorm';

import { ApiKey } from './api-key.entity.js';
import { Partner } from './partner.entity.js';

export type NewPartner = Pick<Partner, 'name' | 'allowedOrigins' | 'rateLimitPerMinute' | 'webhookUrl' | 'webhookSigningSecret'>;
export type NewApiKey = Pick<
  ApiKey,
  'partnerId' | 'kind' | 'environment' | 'name' | 'prefix' | 'hash' | 'scopes' | 'expiresAt' | 'rotatedFromId'
> &
  Partial<Pick<ApiKey, 'resourceId'>>;

/** Where a partner's webhook events go and the secrets that sign them (the previous one only while its overlap lasts). */
export interface WebhookDestination {
  partnerId: string;
  url: string | null;
  secrets: string[];
}

/** The partner and api_key tables, through their TypeORM entities. */
@Injectable()
export class PartnersRepository {
  constructor(
    @InjectRepository(Partner) private readonly partners: Repository<Partner>,
    @InjectRepository(ApiKey) private readonly keys: Repository<ApiKey>,
  ) {}

  insertPartner(partner: NewPartner): Promise<Partner> {
    return this.partners.save(this.partners.create(partner));
  }

  savePartner(partner: Partner): Promise<Partner> {
    return this.partners.save(partner);
  }

  findPartner(id: string): Promise<Partner | null> {
    return this.partners.findOne({ where: { id } });
  }

  findPartnerByName(name: string): Promise<Partner | null> {
    return this.partners.findOne({ where: { name } });
  }

  /** The union of active partners' allowed origins. */
  async activeOrigins(): Promise<string[]> {
    const rows: { origin: string }[] = await this.partners
      .createQueryBuilder('p')
      .select('DISTINCT unnest(p.allowed_origins)', 'origin')
      .where(`p.status = 'active'`)
      .getRawMany();
    return rows.map((r) => r.origin);
  }

  /** Partners created before per-partner webhook signing secrets. */
  async partnersWithoutSigningSecret(): Promise<string[]> {
    const rows = await this.partners.find({ select: { id: true }, where: { webhookSigningSecret: IsNull() } });
    return rows.map((p) => p.id);
  }

  /** Stores the signing secret unless the partner has one already (another instance may have stored it). */
  async storeMissingSigningSecret(partnerId: string, secret: string): Promise<void> {
    await this.partners.update({ id: partnerId, webhookSigningSecret: IsNull() }, { webhookSigningSecret: secret });
  }

  /** Active partners with a webhook URL and a live secret key with resources:write or admin (see PartnersService). */
  async findCuratorWebhookPartnerIds(manager: EntityManager = this.partners.manager): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(
      `SELECT p.id FROM partner p
       WHERE p.status = 'active' AND p.webhook_url IS NOT NULL
         AND EXISTS (SELECT 1 FROM api_key k WHERE k.partner_id = p.id AND k.kind = 'secret' AND k.revoked_at IS NULL
                       AND (k.expires_at IS NULL OR k.expires_at > now()) AND k.scopes && ARRAY['resources:write', 'admin'])
       ORDER BY p.id`,
    );
    return rows.map((r) => r.id);
  }

  /** The partner's webhook URL, in the caller's transaction; null when none is registered (or no such partner). */
  async findWebhookUrl(partnerId: string, manager: EntityManager = this.partners.manager): Promise<string | null> {
    const partner = await manager.getRepository(Partner).findOne({ select: { id: true, webhookUrl: true }, where: { id: partnerId } });
    return partner?.webhookUrl ?? null;
  }

  /** Each partner's webhook URL and live signing secrets: the current one, then the previous one until its overlap ends (database clock). */
  async findWebhookDestinations(partnerIds: string[]): Promise<WebhookDestination[]> {
    if (!partnerIds.length) return [];
    const rows: { id: string; url: string | null; secrets: string[] }[] = await this.partners
      .createQueryBuilder('p')
      .select('p.id', 'id')
      .addSelect('p.webhook_url', 'url')
      .addSelect(
        `array_remove(ARRAY[p.webhook_signing_secret,
           CASE WHEN p.webhook_previous_secret_expires_at > now() THEN p.webhook_previous_signing_secret END], NULL)`,
        'secrets',
      )
      .where('p.id IN (:...ids)', { ids: partnerIds })
      .getRawMany();
    return rows.map((r) => ({ partnerId: r.id, url: r.url, secrets: r.secrets }));
  }

  /** The partner's oldest key: its environment is the partner's. */
  async firstKey(partnerId: string): Promise<ApiKey | undefined> {
    const [first] = await this.keys.find({ where: { partnerId }, order: { createdAt: 'ASC' }, take: 1 });
    return first;
  }

  insertKey(key: NewApiKey, manager: EntityManager = this.keys.manager): Promise<ApiKey> {
    const keys = manager.getRepository(ApiKey);
    return keys.save(keys.create(key));
  }

  /** A key by its hash, with its partner. */
  findKeyByHash(hash: string): Promise<ApiKey | null> {
    return this.keys.findOne({ where: { hash }, relations: { partner: true } });
  }

  /** One partner key; with a partner id, only that partner's. Never a listing key (they have no partner). */
  findKey(keyId: string, partnerId: string | null): Promise<ApiKey | null> {
    return this.keys.findOne({ where: partnerId ? { id: keyId, partnerId } : { id: keyId, partnerId: Not(IsNull()) } });
  }

  listKeys(partnerId: string): Promise<ApiKey[]> {
    return this.keys.find({ where: { partnerId }, order: { createdAt: 'ASC' } });
  }

  async recordKeyUse(keyId: string, at: Date): Promise<void> {
    await this.keys.update(keyId, { lastUsedAt: at });
  }

  /** Revokes the key at `at` unless it is revoked already (the first revocation's time stays). */
  async revokeKey(keyId: string, at: Date): Promise<void> {
    await this.keys.update({ id: keyId, revokedAt: IsNull() }, { revokedAt: at });
  }

  /** Revokes these listing keys; returns every one of them (revoked now or before), for cache eviction. */
  async revokeListingKeys(keyIds: string[], at: Date): Promise<ApiKey[]> {
    await this.keys.update({ id: In(keyIds), kind: 'listing', revokedAt: IsNull() }, { revokedAt: at });
    return this.keys.find({ where: { id: In(keyIds), kind: 'listing' } });
  }

  async setKeyExpiry(keyId: string, expiresAt: Date): Promise<void> {
    await this.keys.update(keyId, { expiresAt });
  }
}
