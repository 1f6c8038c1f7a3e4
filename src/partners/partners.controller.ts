import { Body, Controller, Get, HttpCode, Patch, Post, Put } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { NoStore } from '../common/http/no-store.js';
import { UuidParam } from '../common/http/request-params.js';
import { ApiProblem } from '../common/problem/api-problem.decorator.js';
import { RequireScopes, RequireSecretKey, RequireSecretScopes } from './access.decorator.js';
import { ApiKeysService } from './api-keys.service.js';
import { CurrentPrincipal } from './current-principal.decorator.js';
import {
  ApiKeyResponse,
  CreatedPartnerResponse,
  CreateKeyRequest,
  CreatePartnerRequest,
  IssuedKeyResponse,
  KeyListResponse,
  PartnerResponse,
  RotatedKeyResponse,
  RotateKeyRequest,
  RotateWebhookSecretRequest,
  SetWebhookRequest,
  UpdatePartnerStatusRequest,
  WebhookSettingsResponse,
} from './dto/partner.dto.js';
import { mapIssuedKey, mapKey, mapPartner, mapWebhookSettings } from './partners.mapper.js';
import { PartnersService } from './partners.service.js';
import type { Principal } from './principal.js';

const V4 = { version: '4' } as const;

@ApiTags('partners')
@NoStore()
@Controller('partners')
export class PartnersController {
  constructor(
    private readonly partners: PartnersService,
    private readonly keys: ApiKeysService,
  ) {}

  @Get('me')
  @RequireSecretKey()
  @ApiOperation({ operationId: 'getOwnPartner', summary: 'The calling partner' })
  @ApiOkResponse({ type: PartnerResponse })
  async getOwnPartner(@CurrentPrincipal() principal: Principal): Promise<PartnerResponse> {
    return mapPartner(await this.partners.getPartner(principal.partnerId));
  }

  @Get('me/webhook')
  @RequireSecretScopes('webhooks:manage')
  @ApiOperation({ operationId: 'getWebhookSettings', summary: 'Webhook URL and the secret to verify Mend-Signature' })
  @ApiOkResponse({ type: WebhookSettingsResponse })
  async getWebhookSettings(@CurrentPrincipal() principal: Principal): Promise<WebhookSettingsResponse> {
    return mapWebhookSettings(await this.partners.getWebhookSettings(principal.partnerId));
  }

  @Put('me/webhook')
  @RequireSecretScopes('webhooks:manage')
  @ApiOperation({ operationId: 'setWebhook', summary: 'Register (or remove) the HTTPS endpoint for referral events' })
  @ApiOkResponse({ type: WebhookSettingsResponse })
  @ApiProblem(422, 'The URL does not reach a public https:// endpoint (webhook_url_not_allowed).')
  async setWebhook(@CurrentPrincipal() principal: Principal, @Body() body: SetWebhookRequest): Promise<WebhookSettingsResponse> {
    return mapWebhookSettings(await this.partners.setWebhook(principal.partnerId, body.url ?? null));
  }

  @Post('me/webhook/rotate-secret')
  @RequireSecretScopes('webhooks:manage')
  @ApiOperation({ operationId: 'rotateWebhookSecret', summary: 'New signing secret; deliveries carry both signatures for overlapHours' })
  @ApiCreatedResponse({ type: WebhookSettingsResponse })
  async rotateWebhookSecret(
    @CurrentPrincipal() principal: Principal,
    @Body() body: RotateWebhookSecretRequest,
  ): Promise<WebhookSettingsResponse> {
    return mapWebhookSettings(await this.partners.rotateWebhookSecret(principal.partnerId, body.overlapHours ?? 24));
  }

  @Post()
  @RequireScopes('admin')
  @ApiOperation({ operationId: 'createPartner', summary: 'Create a partner with a secret and a publishable key (admin)' })
  @ApiCreatedResponse({ type: CreatedPartnerResponse })
  @ApiProblem(
    422,
    'allowedOrigins not https:// in production (insecure_origin), or a webhook URL that does not reach a public https:// endpoint (webhook_url_not_allowed).',
  )
  async createPartner(@Body() body: CreatePartnerRequest): Promise<CreatedPartnerResponse> {
    const { partner, keys } = await this.partners.createPartner(body);
    return { partner: mapPartner(partner), keys: keys.map((k) => mapIssuedKey(k.key, k.plaintext)) };
  }

  @Get(':partnerId')
  @RequireScopes('admin')
  @ApiOperation({ operationId: 'getPartner', summary: 'One partner (admin)' })
  @ApiOkResponse({ type: PartnerResponse })
  @ApiProblem(404, 'No such partner.')
  async getPartner(@UuidParam('partnerId', V4) partnerId: string): Promise<PartnerResponse> {
    return mapPartner(await this.partners.getPartner(partnerId));
  }

  @Patch(':partnerId')
  @RequireScopes('admin')
  @ApiOperation({
    operationId: 'updatePartnerStatus',
    summary: 'Suspend or reactivate a partner (admin); its keys stop or resume working on every instance at once',
  })
  @ApiOkResponse({ type: PartnerResponse })
  @ApiProblem(404, 'No such partner.')
  async updatePartnerStatus(
    @UuidParam('partnerId', V4) partnerId: string,
    @Body() body: UpdatePartnerStatusRequest,
  ): Promise<PartnerResponse> {
    return mapPartner(await this.partners.setStatus(partnerId, body.status));
  }

  @Post(':partnerId/keys')
  @RequireScopes('admin')
  @ApiOperation({ operationId: 'createPartnerKey', summary: 'Issue a key for a partner (admin); it is shown once' })
  @ApiCreatedResponse({ type: IssuedKeyResponse })
  @ApiProblem(404, 'No such partner.')
  @ApiProblem(422, "The key's environment is not the partner's (environment_mismatch).")
  async createPartnerKey(@UuidParam('partnerId', V4) partnerId: string, @Body() body: CreateKeyRequest): Promise<IssuedKeyResponse> {
    await this.partners.getPartner(partnerId);
    const { key, plaintext } = await this.keys.issueKey({
      partnerId,
      kind: body.kind,
      environment: body.environment,
      scopes: body.scopes,
      name: body.name,
      expiresAt: body.expiresAt ? new Date(body.expiresAt) : null,
    });
    return mapIssuedKey(key, plaintext);
  }
}

/** A partner manages its own keys with a secret key; admins may act on any key. */
@ApiTags('partners')
@NoStore()
@Controller('keys')
export class KeysController {
  constructor(private readonly keys: ApiKeysService) {}

  @Get()
  @RequireSecretScopes('keys:manage')
  @ApiOperation({ operationId: 'listKeys', summary: "The calling partner's keys (never the keys themselves)" })
  @ApiOkResponse({ type: KeyListResponse })
  async listKeys(@CurrentPrincipal() principal: Principal): Promise<KeyListResponse> {
    return { data: (await this.keys.listKeys(principal.partnerId)).map(mapKey) };
  }

  @Post(':keyId/revoke')
  @HttpCode(200)
  @RequireSecretScopes('keys:manage')
  @ApiOperation({
    operationId: 'revokeKey',
    summary: 'Revoke a key at once',
    description: 'Your own key, or one whose scopes your key holds too (admin holds all); otherwise 403 revocation_exceeds_caller.',
  })
  @ApiOkResponse({ type: ApiKeyResponse })
  @ApiProblem(404, 'No key of yours has this id.')
  async revokeKey(@CurrentPrincipal() principal: Principal, @UuidParam('keyId', V4) keyId: string): Promise<ApiKeyResponse> {
    return mapKey(await this.keys.revoke(principal, keyId));
  }

  @Post(':keyId/rotate')
  @RequireSecretScopes('keys:manage')
  @ApiOperation({ operationId: 'rotateKey', summary: 'Issue a replacement; the old key keeps working for overlapHours' })
  @ApiCreatedResponse({ type: RotatedKeyResponse })
  @ApiProblem(404, 'No key of yours has this id.')
  @ApiProblem(409, 'Only an active key can be rotated (key_not_active).')
  async rotateKey(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('keyId', V4) keyId: string,
    @Body() body: RotateKeyRequest,
  ): Promise<RotatedKeyResponse> {
    const { key, plaintext, previous } = await this.keys.rotate(principal, keyId, body.overlapHours ?? 24);
    return { key: mapIssuedKey(key, plaintext), previous: mapKey(previous) };
  }
}
