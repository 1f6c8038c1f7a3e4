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
}

const WINDOW_SECONDS = 60;

/**
 * key: a key's partner quota; ip: anonymous callers and failed keys; lookup: key lookups that reach
 * the database, per IP; key-ip / key-ip-write: a publishable key's per-IP sub-limits; frame: widget
 * frame loads per IP; listing-key: a provider's listing key; redeem: listing claim redemptions per IP.
 */
export type RateLimitPolicy = 'key' | 'ip' | 'lookup' | 'key-ip' | 'key-ip-write' | 'frame' | 'listing-key' | 'redeem';

/**
 * Fixed one-minute windows per key (or per IP without one). Counters live in Redis when
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

  private limiter(policy: string, points: number): RateLimiterAbstract {
    const name = `${policy}:${points}`;
    let limiter = this.limiters.get(name);
    if (!limiter) {
      const options = { keyPrefix: `${this.env.RATE_LIMIT_REDIS_PREFIX}:${name}`, points, duration: WINDOW_SECONDS };
      limiter = this.redis
        ? new RateLimiterRedis({ ...options, storeClient: this.redis, insuranceLimiter: new RateLimiterMemory(options) })
        : new RateLimiterMemory(options);
      this.limiters.set(name, limiter);
    }
    return limiter;
  }

  async consume(policy: RateLimitPolicy, subject: string, points: number): Promise<RateLimitDecision> {
    try {
      const res = await this.limiter(policy, points).consume(subject);
      return { allowed: true, policy, limit: points, remaining: res.remainingPoints, resetSeconds: Math.ceil(res.msBeforeNext / 1000) };
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) {
        return { allowed: false, policy, limit: points, remaining: 0, resetSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
      }
      this.logger.warn(`Rate limiter unavailable, request allowed: ${(rejection as Error).message}`);
      return { allowed: true, policy, limit: points, remaining: points, resetSeconds: WINDOW_SECONDS };
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.redis?.quit().catch(() => undefined);
  }
}

/** IETF draft-ietf-httpapi-ratelimit-headers: RateLimit-Policy and RateLimit structured fields. */
export function rateLimitHeaders(d: RateLimitDecision): Record<string, string> {
  return {
    'ratelimit-policy': `"${d.policy}";q=${d.limit};w=${WINDOW_SECONDS}`,
    ratelimit: `"${d.policy}";r=${d.remaining};t=${d.resetSeconds}`,
  };
}
