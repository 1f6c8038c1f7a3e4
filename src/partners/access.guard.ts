import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';

import { rateLimitSubject } from '../common/http/client-network.js';
import { Environment } from '../config/environment.js';
import { ACCESS_KEY, type AccessRule } from './access.decorator.js';
import { ApiKeysService } from './api-keys.service.js';
import { corsHeaders, PartnerOrigins } from './partner-origins.js';
import { PartnerErrors } from './partners.errors.js';
import { rateLimitHeaders, type RateLimitPolicy, RateLimitService } from './rate-limit.service.js';
import { hasScopes, PUBLISHABLE_SCOPES } from './scopes.js';

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/**
 * Mend's own widget frame (src/widget) runs on Mend's origin inside a partner page and calls the
 * API same-origin, so its Origin header is Mend's (or "null" under its no-referrer policy), never
 * the partner's. It names the partner page in Mend-Embed-Origin instead: the origin the browser
 * reported for the page that framed it, a page the frame's CSP frame-ancestors already limited to
 * the key's allowed origins. The claim counts only on a same-origin request (Sec-Fetch-Site is set
 * by the browser; no script can), i.e. one made by Mend's own code, and the guard still checks it
 * against the key's allowed origins, so a publishable key keeps working only for its partner's
 * pages. (Accepting Mend's origin outright would let any Mend page use any partner's key.)
 */
export function widgetEmbeddingOrigin(request: FastifyRequest): string | undefined {
  const embedding = request.headers['mend-embed-origin'];
  return request.headers['sec-fetch-site'] === 'same-origin' && typeof embedding === 'string' ? embedding : undefined;
}

/**
 * Every API route: who is calling (key or anonymous), may they (scopes, origin for
 * publishable keys), CORS for the partner's origins, and the rate limit with its headers.
 * Routes without an access rule (health) pass untouched.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly keys: ApiKeysService,
    private readonly origins: PartnerOrigins,
    private readonly rateLimits: RateLimitService,
    private readonly env: Environment,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_KEY, [context.getHandler(), context.getClass()]);
    if (!rule) return true;
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    // Per-IP limits count an IPv6 client by its /64: one customer holds all of it.
    const ip = rateLimitSubject(request.ip);
    if (rule.keyless) {
      // Redeeming a claim token: whatever Authorization says, one strict budget per client IP.
      await this.limit(reply, 'redeem', ip, this.env.RATE_LIMIT_CLAIM_REDEEM_PER_MINUTE);
      return true;
    }
    const origin = typeof request.headers.origin === 'string' ? request.headers.origin : undefined;
    // Whether CORS headers are granted depends on Origin, granted or not: caches must key on it.
    void reply.header('vary', 'Origin');

    const authorization = request.headers.authorization;
    if (!authorization) {
      if (!rule.anonymous) {
        await this.allowCorsForKnownOrigin(reply, origin);
        throw PartnerErrors.missingKey();
      }
      await this.allowCorsForKnownOrigin(reply, origin);
      await this.limit(reply, 'ip', ip, this.env.RATE_LIMIT_ANON_PER_MINUTE);
      await this.limitVisitorWrite(reply, rule, ip);
      return true;
    }

    const presented = BEARER.exec(authorization)?.[1];
    const caller = presented
      ? await this.keys.identify(presented, () => this.limit(reply, 'lookup', ip, this.env.RATE_LIMIT_KEY_LOOKUPS_PER_MINUTE))
      : undefined;
    if (!caller) {
      await this.allowCorsForKnownOrigin(reply, origin);
      // Failed attempts count against the caller's IP, so keys cannot be guessed at speed.
      await this.limit(reply, 'ip', ip, this.env.RATE_LIMIT_ANON_PER_MINUTE);
      throw PartnerErrors.invalidKey();
    }
    // Listing keys and partner keys never cross: a listing key works on RequireListingKey() routes
    // only (deny by default, so a route added later refuses it too), and those refuse partner keys,
    // admin included, since a partner key names no resource.
    if (caller.type === 'listing') {
      if (!rule.listing) throw PartnerErrors.listingKeyNotAllowed();
      if (!hasScopes(caller.listing.scopes, rule.scopes)) throw PartnerErrors.insufficientScope(rule.scopes);
      request.listing = caller.listing;
      await this.limit(reply, 'listing-key', caller.listing.keyId, this.env.RATE_LIMIT_LISTING_KEY_PER_MINUTE);
      return true;
    }
    if (rule.listing) throw PartnerErrors.listingKeyRequired();
    const principal = caller.principal;
    if (principal.kind === 'publishable') {
      const embedding = widgetEmbeddingOrigin(request);
      const pageOrigin = embedding ?? origin;
      if (!pageOrigin || !principal.allowedOrigins.includes(pageOrigin)) throw PartnerErrors.originNotAllowed();
      if (!embedding) void reply.headers(corsHeaders(pageOrigin)); // the widget frame's requests are same-origin: no CORS
      if (rule.secretOnly || rule.scopes.some((s) => !PUBLISHABLE_SCOPES.includes(s))) throw PartnerErrors.publishableScope();
    }
    if (!hasScopes(principal.scopes, rule.scopes)) throw PartnerErrors.insufficientScope(rule.scopes);
    request.principal = principal;
    if (principal.kind === 'publishable') {
      // A publishable key is public: anyone can copy it and forge Origin from a script. Sub-limits
      // per client IP within the key keep one script from spending the partner's whole quota,
      // and creating intakes and referrals (which fire webhooks) is limited harder still.
      await this.limit(reply, 'key-ip', `${principal.keyId}:${ip}`, this.env.PUBLISHABLE_KEY_PER_IP_PER_MINUTE);
      if (request.method === 'POST' && rule.scopes.some((s) => s === 'intakes:write' || s === 'referrals:write')) {
        await this.limit(reply, 'key-ip-write', `${principal.keyId}:${ip}`, this.env.PUBLISHABLE_KEY_WRITES_PER_IP_PER_MINUTE);
      }
      await this.limitVisitorWrite(reply, rule, ip);
    }
    await this.limit(reply, 'key', principal.keyId, principal.rateLimitPerMinute);
    if (principal.kind === 'secret' && rule.visitorWrite === 'report') {
      // A partner's server: not held to a visitor's per-IP limit, but each report reaches every
      // curator's queue and webhook, so the partner (all its keys together) gets an hourly budget.
      await this.limit(reply, 'report-partner', principal.partnerId, this.env.RATE_LIMIT_REPORTS_PER_PARTNER_PER_HOUR, 3600);
    }
    return true;
  }

  private async allowCorsForKnownOrigin(reply: FastifyReply, origin: string | undefined): Promise<void> {
    if (origin && (await this.origins.isKnown(origin))) void reply.headers(corsHeaders(origin));
  }

  /** A visitor's report: a strict hourly count per IP (an IPv6 client by its /64), whatever key (if any) it came through. */
  private async limitVisitorWrite(reply: FastifyReply, rule: AccessRule, ip: string): Promise<void> {
    if (rule.visitorWrite !== 'report') return;
    await this.limit(reply, 'report-ip', ip, this.env.RATE_LIMIT_REPORTS_PER_IP_PER_HOUR, 3600);
  }

  private async limit(reply: FastifyReply, policy: RateLimitPolicy, subject: string, points: number, windowSeconds = 60): Promise<void> {
    const decision = await this.rateLimits.consume(policy, subject, points, windowSeconds);
    void reply.headers(rateLimitHeaders(decision));
    if (!decision.allowed) throw PartnerErrors.rateLimited(decision);
  }
}
