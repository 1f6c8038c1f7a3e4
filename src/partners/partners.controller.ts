import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { apiKeySecret, Environment } from '../config/environment.js';
import { webhookSigningSecret } from '../referrals/webhook-signature.js';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequireScopes, RequireSecretKey } from './access.decorator.js';
import { ApiKeysService } from './api-keys.service.js';
import { CurrentPrincipal } from './current-principal.decorator.js';
import {
  CreatedPartnerResponse, CreateKeyRequest, CreatePartnerRequest, IssuedKeyResponse, KeyListResponse, PartnerResponse,
  RotatedKeyResponse, RotateKeyRequest, ApiKeyResponse, SetWebhookRequest, WebhookSettingsResponse,
} from './dto/partner.dto.js';
import { mapIssuedKey, mapKey, mapPartner } from './partners.mapper.js';
import { PartnersService } from './partners.service.js';
import type { Principal } from './principal.js';

const uuid = new ParseUUIDPipe({ version: '4', errorHttpStatusCode: 404 });

@ApiTags('partners')
@ApiBearerAuth('secretKey')
@Controller('partners')
export class PartnersController {
  constructor(
    private readonly partners: PartnersService,
    private readonly keys: ApiKeysService,
    private readonly env: Environment,
  ) {}

  @Get('me')
  @RequireSecretKey()
  @ApiOperation({ operationId: 'getOwnPartner', summary: 'The calling partner' })
  @ApiOkResponse({ type: PartnerResponse })
  async getOwnPartner(@CurrentPrincipal() principal: Principal): Promise<PartnerResponse> {
    return mapPartner(await this.partners.getPartner(principal.partnerId));
  }

  @Get('me/webhook')
  @RequireSecretKey()
  @ApiOperation({ operationId: 'getWebhookSettings', summary: 'Webhook URL and the secret to verify Mend-Signature' })
  @ApiOkResponse({ type: WebhookSettingsResponse })
  async getWebhookSettings(@CurrentPrincipal() principal: Principal): Promise<WebhookSettingsResponse> {
    const partner = await this.partners.getPartner(principal.partnerId);
    return this.webhookSettings(partner.id, partner.webhookUrl);
  }

  @Put('me/webhook')
  @RequireSecretKey()
  @ApiOperation({ operationId: 'setWebhook', summary: 'Register (or remove) the HTTPS endpoint for referral events' })
  @ApiOkResponse({ type: WebhookSettingsResponse })
  async setWebhook(@CurrentPrincipal() principal: Principal, @Body() body: SetWebhookRequest): Promise<WebhookSettingsResponse> {
    const partner = await this.partners.setWebhook(principal.partnerId, body.url ?? null, this.env.NODE_ENV === 'production');
    return this.webhookSettings(partner.id, partner.webhookUrl);
  }

  private webhookSettings(partnerId: string, url: string | null): WebhookSettingsResponse {
    return { url, signingSecret: webhookSigningSecret(apiKeySecret(this.env), partnerId), events: ['referral.created', 'referral.status_changed'] };
  }

  @Post()
  @RequireScopes('admin')
  @ApiOperation({ operationId: 'createPartner', summary: 'Create a partner with a secret and a publishable key (admin)' })
  @ApiCreatedResponse({ type: CreatedPartnerResponse })
  async createPartner(@Body() body: CreatePartnerRequest): Promise<CreatedPartnerResponse> {
    const { partner, keys } = await this.partners.createPartner(body);
    return { partner: mapPartner(partner), keys: keys.map((k) => mapIssuedKey(k.key, k.plaintext)) };
  }

  @Get(':partnerId')
  @RequireScopes('admin')
  @ApiOperation({ operationId: 'getPartner', summary: 'One partner (admin)' })
  @ApiOkResponse({ type: PartnerResponse })
  async getPartner(@Param('partnerId', uuid) partnerId: string): Promise<PartnerResponse> {
    return mapPartner(await this.partners.getPartner(partnerId));
  }

  @Post(':partnerId/keys')
  @RequireScopes('admin')
  @ApiOperation({ operationId: 'createPartnerKey', summary: "Issue a key for a partner (admin); it is shown once" })
  @ApiCreatedResponse({ type: IssuedKeyResponse })
  async createPartnerKey(@Param('partnerId', uuid) partnerId: string, @Body() body: CreateKeyRequest): Promise<IssuedKeyResponse> {
    await this.partners.getPartner(partnerId);
    const { key, plaintext } = await this.keys.issueKey({
      partnerId, kind: body.kind, environment: body.environment ?? 'live', scopes: body.scopes, name: body.name,
      expiresAt: body.expiresAt ? new Date(body.expiresAt) : null,
    });
    return mapIssuedKey(key, plaintext);
  }
}

/** A partner manages its own keys with a secret key; admins may act on any key. */
@ApiTags('partners')
@ApiBearerAuth('secretKey')
@Controller('keys')
export class KeysController {
  constructor(private readonly keys: ApiKeysService) {}

  private scope(principal: Principal): string | null {
    return principal.scopes.includes('admin') ? null : principal.partnerId;
  }

  @Get()
  @RequireSecretKey()
  @ApiOperation({ operationId: 'listKeys', summary: "The calling partner's keys (never the keys themselves)" })
  @ApiOkResponse({ type: KeyListResponse })
  async listKeys(@CurrentPrincipal() principal: Principal): Promise<KeyListResponse> {
    return { data: (await this.keys.listKeys(principal.partnerId)).map(mapKey) };
  }

  @Post(':keyId/revoke')
  @HttpCode(200)
  @RequireSecretKey()
  @ApiOperation({ operationId: 'revokeKey', summary: 'Revoke a key at once' })
  @ApiOkResponse({ type: ApiKeyResponse })
  async revokeKey(@CurrentPrincipal() principal: Principal, @Param('keyId', uuid) keyId: string): Promise<ApiKeyResponse> {
    return mapKey(await this.keys.revoke(this.scope(principal), keyId));
  }

  @Post(':keyId/rotate')
  @RequireSecretKey()
  @ApiOperation({ operationId: 'rotateKey', summary: 'Issue a replacement; the old key keeps working for overlapHours' })
  @ApiCreatedResponse({ type: RotatedKeyResponse })
  async rotateKey(@CurrentPrincipal() principal: Principal, @Param('keyId', uuid) keyId: string, @Body() body: RotateKeyRequest): Promise<RotatedKeyResponse> {
    const { key, plaintext, previous } = await this.keys.rotate(this.scope(principal), keyId, body.overlapHours ?? 24);
    return { key: mapIssuedKey(key, plaintext), previous: mapKey(previous) };
  }
}
