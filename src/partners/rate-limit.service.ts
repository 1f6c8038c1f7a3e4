import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';

import { Environment } from '../config/environment.js';

export interface RateLimitDecision {
  allowed: boolean;
  policy: string;
  limit: number;
  remaining: number;
  resetSeconds: number;
  /** The window the limit counts in (60 s unless a policy says otherwise). */
  windowSeconds: number;
}

const WINDOW_SECONDS = 60;

/**
 * key: a key's partner quota; ip: anonymous callers and failed keys; lookup: key lookups that reach
 * the database, per IP; key-ip / key-ip-write: a publishable key's per-IP sub-limits; frame: widget
 * frame loads per IP; listing-key: a provider's listing key; redeem: listing claim redemptions per
 * IP; report-ip: listing reports from visitors, per IP (counted per hour).
 */
export type RateLimitPolicy =
  'key' | 'ip' | 'lookup' | 'key-ip' | 'key-ip-write' | 'frame' | 'listing-key' | 'redeem' | 'report-ip' | 'report-partner';

/**
 * Fixed windows (one minute unless the caller asks for longer) per key (or per IP without one). Counters live in Redis when
 * REDIS_URL is set, so every API instance shares them; in memory otherwise. If Redis fails,
 * an in-memory limiter takes over (limits stay on, per instance) rather than failing requests.
 */
@Injectable()
export class RateLimitService implements OnApplicationShutdown {
  private readonly logger = new Logger('RateLimit');
  private readonly redis?: Redis;
  private readonly limiters = new Map<string, RateLimiterAbstract>();

  constructor(private readonly env: Environment) {
    if (env.REDIS_URL) {
      this.redis = new Redis(env.REDIS_URL, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: false });
      this.redis.on('error', (e: Error) => this.logger.warn(`Redis: ${e.message}`));
    }
  }

  get backend(): 'redis' | 'memory' {
    return this.redis ? 'redis' : 'memory';
  }

  private limiter(policy: string, points: number, windowSeconds: number): RateLimiterAbstract {
    const name = windowSeconds === WINDOW_SECONDS ? `${policy}:${points}` : `${policy}:${points}:${windowSeconds}`;
    let limiter = this.limiters.get(name);
    if (!limiter) {
      const options = { keyPrefix: `${this.env.RATE_LIMIT_REDIS_PREFIX}:${name}`, points, duration: windowSeconds };
      limiter = this.redis
        ? new RateLimiterRedis({ ...options, storeClient: this.redis, insuranceLimiter: new RateLimiterMemory(options) })
        : new RateLimiterMemory(options);
      this.limiters.set(name, limiter);
    }
    return limiter;
  }

  async consume(policy: RateLimitPolicy, subject: string, points: number, windowSeconds = WINDOW_SECONDS): Promise<RateLimitDecision> {
    const decision = { policy, limit: points, windowSeconds };
    try {
      const res = await this.limiter(policy, points, windowSeconds).consume(subject);
      return { ...decision, allowed: true, remaining: res.remainingPoints, resetSeconds: Math.ceil(res.msBeforeNext / 1000) };
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) {
        return { ...decision, allowed: false, remaining: 0, resetSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
      }
      this.logger.warn(`Rate limiter unavailable, request allowed: ${(rejection as Error).message}`);
      return { ...decision, allowed: true, remaining: points, resetSeconds: windowSeconds };
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.redis?.quit().catch(() => undefined);
  }
}

/** IETF draft-ietf-httpapi-ratelimit-headers: RateLimit-Policy and RateLimit structured fields. */
export function rateLimitHeaders(d: RateLimitDecision): Record<string, string> {
  return {
    'ratelimit-policy': `"${d.policy}";q=${d.limit};w=${d.windowSeconds}`,
    ratelimit: `"${d.policy}";r=${d.remaining};t=${d.resetSeconds}`,
  };
}
