import type { ApiKey } from './api-key.entity.js';
import type { ApiKeyResponse, IssuedKeyResponse, PartnerResponse, WebhookSettingsResponse } from './dto/partner.dto.js';
import type { Partner } from './partner.entity.js';
import type { WebhookSettings } from './partners.service.js';

export const WEBHOOK_EVENTS = ['referral.created', 'referral.status_changed'];

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function mapKey(key: ApiKey): ApiKeyResponse {
  return {
    id: key.id,
    prefix: key.prefix,
    kind: key.kind,
    environment: key.environment,
    name: key.name,
    scopes: key.scopes,
    createdAt: key.createdAt.toISOString(),
    expiresAt: iso(key.expiresAt),
    revokedAt: iso(key.revokedAt),
    lastUsedAt: iso(key.lastUsedAt),
    rotatedFromId: key.rotatedFromId,
  };
}

export function mapIssuedKey(key: ApiKey, plaintext: string): IssuedKeyResponse {
  return { ...mapKey(key), key: plaintext };
}

export function mapPartner(p: Partner): PartnerResponse {
  return {
    id: p.id,
    name: p.name,
    allowedOrigins: p.allowedOrigins,
    rateLimitPerMinute: p.rateLimitPerMinute,
    webhookUrl: p.webhookUrl,
    status: p.status,
    createdAt: p.createdAt.toISOString(),
  };
}

export function mapWebhookSettings(settings: WebhookSettings): WebhookSettingsResponse {
  return {
    url: settings.url,
    signingSecret: settings.signingSecret,
    previousSigningSecretExpiresAt: iso(settings.previousSecretExpiresAt),
    events: WEBHOOK_EVENTS,
  };
}
