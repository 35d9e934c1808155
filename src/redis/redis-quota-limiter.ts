import { RateLimiterMemory, RateLimiterRedis, RLWrapperTimeouts } from "rate-limiter-flexible";
import type { RateLimiterAbstract, RateLimiterRes } from "rate-limiter-flexible";
import type { QuotaLimiterFactory } from "../services/quota/spend-limiter.js";
import type { RedisClient, RedisConnection } from "./redis-connection.js";
import type { RedisKeys } from "./redis-keys.js";

/**
 * Quotas in Redis, shared by every replica (rate-limiter-flexible's RateLimiterRedis): a quota
 * of 30 a minute is 30 a minute for the deployment, not per replica. While Redis does not answer,
 * each replica counts in its own memory (the limiter's insurance), so quotas still hold, per
 * replica; when Redis returns, its counts apply again.
 */
export function redisQuotaLimiters(redis: RedisConnection, keys: RedisKeys): QuotaLimiterFactory {
  const store = healthGated(redis);
  return (points, duration, name): RateLimiterAbstract => {
    const insurance = new InsuranceLimiter({ points, duration }, () =>
      redis.health.fellBack(`quota.${name}`),
    );
    const shared = new RateLimiterRedis({
      storeClient: store,
      useRedisPackage: true,
      // Not ready (or known down): straight to the insurance, no command sent.
      rejectIfRedisNotReady: true,
      keyPrefix: keys.quota(name),
      points,
      duration,
      insuranceLimiter: insurance,
    });
    // A Redis that accepts commands but does not answer: the insurance after the command timeout.
    return new RLWrapperTimeouts({ limiter: shared, timeoutMs: redis.commandTimeoutMs });
  };
}

/** The in-memory limiter used while Redis does not answer; every use counts as a fallback. */
class InsuranceLimiter extends RateLimiterMemory {
  constructor(
    options: { points: number; duration: number },
    private readonly onUse: () => void,
  ) {
    super(options);
  }

  override consume(key: string | number, points?: number, options?: object) {
    this.onUse();
    return super.consume(key, points, options);
  }

  override penalty(key: string | number, points?: number, options?: object) {
    this.onUse();
    return super.penalty(key, points, options);
  }

  override get(key: string | number, options?: object): Promise<RateLimiterRes | null> {
    this.onUse();
    return super.get(key, options);
  }
}

/**
 * The command client as the limiter sees it: not ready while the health says Redis is down, so
 * the limiter goes to its insurance at once instead of waiting for each command to time out.
 */
function healthGated(redis: RedisConnection): RedisClient {
  return new Proxy(redis.client, {
    get(target, property) {
      if (property === "isReady") return target.isReady && redis.health.isUp;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}
