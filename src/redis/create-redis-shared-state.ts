import type { Logger } from "pino";
import type { AppConfig, RedisSettings } from "../config.js";
import { BUILTIN_MODES, BUILTIN_MODE_IDS } from "../services/mode/builtin-modes.js";
import { RateLimiterSpendLimiter } from "../services/quota/spend-limiter.js";
import type { SharedState } from "../services/sharing/shared-state.js";
import type { GenerateWorkflowResult } from "../services/workflow/workflow.types.js";
import { RedisCoalescer } from "./redis-coalescer.js";
import { RedisConnection } from "./redis-connection.js";
import { RedisFlights } from "./redis-flight.js";
import { RedisGenerationCache } from "./redis-generation-cache.js";
import type { RedisObserver } from "./redis-health.js";
import { RedisKeys } from "./redis-keys.js";
import { RedisModeStore } from "./redis-mode-store.js";
import { RedisWorkflowStore } from "./redis-workflow-store.js";
import { redisQuotaLimiters } from "./redis-quota-limiter.js";

/**
 * Shared state in Redis (REDIS_URL): one connection (plus its subscriber) for every concern,
 * each concern behind the same interface as its embedded twin, and each falling back to this
 * process when Redis does not answer.
 */
export function createRedisSharedState(
  config: AppConfig,
  settings: RedisSettings,
  logger: Logger,
  observer: RedisObserver,
): SharedState {
  const redis = new RedisConnection(settings, logger, observer);
  const keys = new RedisKeys(settings.prefix);
  const flights = (deadlineMs: number) =>
    new RedisFlights(redis, keys, {
      lockTtlMs: settings.lockTtlMs,
      waitPollMs: settings.waitPollMs,
      deadlineMs,
      logger,
    });
  return {
    modeStore: new RedisModeStore(redis, keys, {
      capacity: config.modeStoreSize,
      reserved: BUILTIN_MODE_IDS,
      firstPosition: BUILTIN_MODES.length,
    }),
    workflowStore: new RedisWorkflowStore(redis, keys, config.workflowStoreSize),
    workflowCache: new RedisGenerationCache<GenerateWorkflowResult>(
      redis,
      keys,
      config.workflowCache.ttlMs,
    ),
    modeCoalescer: new RedisCoalescer(flights(config.modeDeadlineMs)),
    workflowCoalescer: new RedisCoalescer(flights(config.workflowDeadlineMs)),
    limiter: new RateLimiterSpendLimiter(config.spendLimits, redisQuotaLimiters(redis, keys)),
    start: () => redis.start(),
    close: () => redis.close(),
  };
}
