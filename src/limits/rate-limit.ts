import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Config } from '../config';
import type { Logger } from '../logging/logger';

export type RateDecision = { readonly allowed: true } | { readonly allowed: false; readonly retryAfterSeconds: number };

export interface RateLimiter {
  /** Requests per client per minute; 0 when the limit is off. */
  readonly perMinute: number;
  /** Counts one request for `clientKey`. */
  consume(clientKey: string): Promise<RateDecision>;
  close(): Promise<void>;
}

const ALLOW: RateDecision = Object.freeze({ allowed: true });

/**
 * RATE_LIMIT_PER_MINUTE requests per client key per minute (rate-limiter-flexible):
 * in this process's memory, or in Redis when REDIS_URL is set so that every
 * instance counts against the same budget. If Redis stops answering, each
 * instance keeps limiting in memory rather than letting everything through.
 */
export function createRateLimiter(config: Config, logger: Logger): RateLimiter {
  const points = config.limits.rateLimitPerMinute;
  if (points <= 0) return { perMinute: 0, consume: async () => ALLOW, close: async () => {} };
  const memory = new RateLimiterMemory({ points, duration: 60 });
  let limiter: RateLimiterAbstract = memory;
  let redis: Redis | null = null;
  if (config.redisUrl) {
    redis = new Redis(config.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
    let warned = 0;
    redis.on('error', (error) => {
      if (Date.now() - warned < 60_000) return;
      warned = Date.now();
      logger.warn({ err: error }, 'rate limit store (Redis) unavailable; limiting per instance meanwhile');
    });
    limiter = new RateLimiterRedis({ storeClient: redis, keyPrefix: `${config.redisChannelPrefix}:rate`, points, duration: 60, insuranceLimiter: memory });
  }
  return {
    perMinute: points,
    async consume(clientKey) {
      try {
        await limiter.consume(clientKey);
        return ALLOW;
      } catch (rejection) {
        if (rejection instanceof RateLimiterRes) return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
        logger.warn({ err: rejection }, 'rate limit check failed; request let through');
        return ALLOW;
      }
    },
    async close() {
      if (redis) redis.disconnect();
    },
  };
}
