import { Injectable, Logger } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import type { EntityManager } from 'typeorm';

import type { ProblemException } from '../common/problem/problem.js';
import { apiKeySecret, Environment, usesDevelopmentSecret } from '../config/environment.js';
import type { ApiKey } from './api-key.entity.js';
import { generateKey, hashKey, type KeyEnvironment, type KeyKind, parseKey } from './api-key.format.js';
import { KeyEvents } from './key-events.js';
import type { Partner } from './partner.entity.js';
import { PartnerErrors } from './partners.errors.js';
import { PartnersRepository } from './partners.repository.js';
import type { Caller, Principal } from './principal.js';
import { DEFAULT_SECRET_SCOPES, hasScopes, LISTING_SCOPES, PUBLISHABLE_SCOPES, type Scope } from './scopes.js';

export interface IssueKeyInput {
  partnerId: string;
  kind: Exclude<KeyKind, 'listing'>;
  /** Defaults to the partner's environment (live for a new partner). */
  environment?: KeyEnvironment;
  scopes?: Scope[];
  name?: string;
  expiresAt?: Date | null;
  rotatedFromId?: string;
}

// Writing last_used_at on every request would turn reads into writes: once a minute is enough.
const LAST_USED_GRANULARITY_MS = 60_000;

@Injectable()
export class ApiKeysService {
  private readonly logger = new Logger('ApiKeys');
  private readonly secret: string;
  // A verified key is remembered for AUTH_CACHE_SECONDS; revocation, rotation and partner status
  // changes are broadcast to every instance (KeyEvents), which drop their copies at once.
  private readonly verified: LRUCache<string, { key: ApiKey; partner: Partner | null }>;

  constructor(
    private readonly keys: PartnersRepository,
    env: Environment,
    private readonly events: KeyEvents,
  ) {
    this.secret = apiKeySecret(env);
    this.verified = new LRUCache({ max: 10_000, ttl: env.AUTH_CACHE_SECONDS * 1000 });
    events.onEvent((event) => {
      if (event.type === 'key') this.verified.delete(event.hash);
      else for (const [hash, entry] of this.verified.entries()) if (entry.partner?.id === event.partnerId) this.verified.delete(hash);
    });
    if (usesDevelopmentSecret(env)) {
      this.logger.warn(
        `API_KEY_SECRET is not set: using the public development secret (NODE_ENV=${env.NODE_ENV}). Anyone can recompute key hashes made with it; never expose this instance.`,
      );
    }
  }

  /** Creates a key; the plaintext is returned once and never stored. */
  async issueKey(input: IssueKeyInput): Promise<{ key: ApiKey; plaintext: string }> {
    const scopes = input.scopes ?? (input.kind === 'publishable' ? PUBLISHABLE_SCOPES : DEFAULT_SECRET_SCOPES);
    if (input.kind === 'publishable' && scopes.some((s) => !PUBLISHABLE_SCOPES.includes(s))) {
      throw PartnerErrors.publishableKeyScopes(PUBLISHABLE_SCOPES);
    }
    // The key environment is enforced as a property of the partner: a partner is live or test, and
    // all its keys share its environment (its first key's). Since every record and webhook belongs
    // to one partner, a test key can only ever see test data and fire a test partner's webhooks.
    const first = await this.keys.firstKey(input.partnerId);
    const environment = input.environment ?? first?.environment ?? 'live';
    if (first && first.environment !== environment) throw PartnerErrors.environmentMismatch(first.environment, environment);
    if (input.expiresAt && input.expiresAt.getTime() <= Date.now()) throw PartnerErrors.expiresInPast();
    const generated = generateKey(input.kind, environment);
    const key = await this.keys.insertKey({
      partnerId: input.partnerId,
      kind: input.kind,
      environment,
      name: input.name ?? null,
      prefix: generated.prefix,
      hash: hashKey(generated.plaintext, this.secret),
      scopes,
      expiresAt: input.expiresAt ?? null,
      rotatedFromId: input.rotatedFromId ?? null,
    });
    return { key, plaintext: generated.plaintext };
  }

  /**
   * Issues a provider's listing key for one resource, in the caller's transaction (the redemption
   * of a listing claim): no partner, scope listing:write only, no expiry (revoked with its claim).
   */
  async issueListingKey(
    input: { resourceId: string; environment: KeyEnvironment; name: string },
    manager?: EntityManager,
  ): Promise<{ key: ApiKey; plaintext: string }> {
    const generated = generateKey('listing', input.environment);
    const key = await this.keys.insertKey(
      {
        partnerId: null,
        resourceId: input.resourceId,
        kind: 'listing',
        environment: input.environment,
        name: input.name,
        prefix: generated.prefix,
        hash: hashKey(generated.plaintext, this.secret),
        scopes: [...LISTING_SCOPES],
        expiresAt: null,
        rotatedFromId: null,
      },
      manager,
    );
    return { key, plaintext: generated.plaintext };
  }

  /**
   * Revokes listing keys at once, on every instance (a curator revoked their claims); partner keys
   * are never touched. Not in a caller's transaction on purpose: the broadcast that drops cached
   * copies must follow the committed revocation, or an instance could cache the key again meanwhile.
   */
  async revokeListingKeys(keyIds: string[]): Promise<void> {
    if (!keyIds.length) return;
    for (const key of await this.keys.revokeListingKeys(keyIds, new Date())) this.forget(key);
  }

  /** Hashes a presented secret (a key or a listing claim token) with the server secret, as stored. */
  hashSecret(presented: string): string {
    return hashKey(presented, this.secret);
  }

  /** A partner's principal for a presented key, or undefined (listing keys included: they are not partners). */
  async authenticate(presented: string, beforeLookup?: () => Promise<void>): Promise<Principal | undefined> {
    const caller = await this.identify(presented, beforeLookup);
    return caller?.type === 'partner' ? caller.principal : undefined;
  }

  /**
   * Resolves a presented key to its caller (a partner's key or a provider's listing key), or
   * undefined. Malformed keys and bad checksums are rejected before any database call; unknown,
   * revoked and expired keys look the same.
   * `beforeLookup` runs (and may throw, e.g. 429) only when the database is about to be asked.
   */
  async identify(presented: string, beforeLookup?: () => Promise<void>): Promise<Caller | undefined> {
    const parsed = parseKey(presented);
    if (!parsed) return undefined;
    const hash = hashKey(presented, this.secret);
    let found = this.verified.get(hash);
    if (!found) {
      // A database read for a key not seen lately: the caller's per-IP lookup limit comes first,
      // so well-formed but unknown keys cannot be tried against the database at speed.
      await beforeLookup?.();
      const key = await this.keys.findKeyByHash(hash);
      if (!key) return undefined;
      found = { key, partner: key.partner ?? null };
      this.verified.set(hash, found);
    }
    const { key, partner } = found;
    const now = Date.now();
    if (key.revokedAt || (key.expiresAt && key.expiresAt.getTime() <= now)) return undefined;
    // The stored kind must be the one the key's text claims (mend_lk_… is a listing key and nothing else).
    if (key.kind !== parsed.kind) return undefined;
    if (key.kind === 'listing') {
      if (!key.resourceId || partner) return undefined;
      this.touch(key, now);
      return {
        type: 'listing',
        listing: { keyId: key.id, resourceId: key.resourceId, environment: key.environment, scopes: key.scopes as Scope[] },
      };
    }
    if (!partner || partner.status !== 'active') return undefined;
    this.touch(key, now);
    return {
      type: 'partner',
      principal: {
        partnerId: partner.id,
        partnerName: partner.name,
        keyId: key.id,
        kind: key.kind,
        environment: key.environment,
        scopes: key.scopes as Scope[],
        expiresAt: key.expiresAt,
        rateLimitPerMinute: partner.rateLimitPerMinute,
        allowedOrigins: partner.allowedOrigins,
      },
    };
  }

  private touch(key: ApiKey, now: number): void {
    if (!key.lastUsedAt || now - key.lastUsedAt.getTime() > LAST_USED_GRANULARITY_MS) {
      key.lastUsedAt = new Date(now);
      this.keys.recordKeyUse(key.id, key.lastUsedAt).catch((e: Error) => this.logger.warn(`lastUsedAt not recorded: ${e.message}`));
    }
  }

  /**
   * A partner's keys (admins may pass any partner). Another partner's key id answers 404, and so
   * does a listing key's, for admins too: listing keys are managed only through their claims.
   */
  async findOwnKey(partnerId: string | null, keyId: string): Promise<ApiKey> {
    const key = await this.keys.findKey(keyId, partnerId);
    if (!key) throw PartnerErrors.keyNotFound();
    return key;
  }

  listKeys(partnerId: string): Promise<ApiKey[]> {
    return this.keys.listKeys(partnerId);
  }

  /**
   * Revokes a key at once. Like rotation, never beyond the caller: a caller may revoke its own key,
   * or a key whose scopes its own cover (admin covers all); otherwise 403. Without this a key with
   * only keys:manage could revoke the partner's admin or full key and lock the partner out.
   */
  async revoke(caller: Principal, keyId: string): Promise<ApiKey> {
    const key = await this.findOwnKey(caller.scopes.includes('admin') ? null : caller.partnerId, keyId);
    if (key.id !== caller.keyId) this.assertCovers(caller, key, PartnerErrors.revocationExceedsCaller);
    if (!key.revokedAt) {
      key.revokedAt = new Date();
      await this.keys.revokeKey(key.id, key.revokedAt);
    }
    this.forget(key);
    return key;
  }

  /**
   * Issues a replacement with the same kind, environment, scopes and expiry; the old key keeps
   * working for `overlapHours` so deployments can switch without downtime, then expires.
   * The replacement never holds more than the caller: a caller lacking any of the key's scopes
   * may not rotate it (403), and the replacement expires no later than the caller's own key.
   */
  async rotate(caller: Principal, keyId: string, overlapHours: number): Promise<{ key: ApiKey; plaintext: string; previous: ApiKey }> {
    const previous = await this.findOwnKey(caller.scopes.includes('admin') ? null : caller.partnerId, keyId);
    if (previous.revokedAt || (previous.expiresAt && previous.expiresAt.getTime() <= Date.now())) {
      throw PartnerErrors.keyNotActive();
    }
    this.assertCovers(caller, previous, PartnerErrors.rotationExceedsCaller);
    const replacement = await this.issueKey({
      partnerId: previous.partnerId!,
      kind: previous.kind as IssueKeyInput['kind'],
      environment: previous.environment,
      scopes: previous.scopes as Scope[],
      name: previous.name ?? undefined,
      expiresAt: earliest(previous.expiresAt, caller.expiresAt),
      rotatedFromId: previous.id,
    });
    const overlapEnd = new Date(Date.now() + overlapHours * 3_600_000);
    if (!previous.expiresAt || previous.expiresAt > overlapEnd) {
      previous.expiresAt = overlapEnd;
      await this.keys.setKeyExpiry(previous.id, overlapEnd);
    }
    this.forget(previous);
    return { ...replacement, previous };
  }

  /** 403 (`refuse`) unless the caller's scopes cover the key's (admin covers all), naming the scopes it lacks. */
  private assertCovers(caller: Principal, key: ApiKey, refuse: (missingScopes: string[]) => ProblemException): void {
    if (hasScopes(caller.scopes, key.scopes as Scope[])) return;
    throw refuse(key.scopes.filter((s) => !caller.scopes.includes(s as Scope)));
  }

  private forget(key: ApiKey): void {
    this.verified.delete(key.hash);
    void this.events.publish({ type: 'key', hash: key.hash });
  }

  /** A partner was suspended or reactivated: every instance drops its cached keys. */
  async forgetPartner(partnerId: string): Promise<void> {
    await this.events.publish({ type: 'partner', partnerId });
  }
}

/** The earlier of two optional expiries (null: never expires). */
function earliest(a: Date | null, b: Date | null): Date | null {
  if (!a) return b;
  if (!b) return a;
  return a <= b ? a : b;
}
