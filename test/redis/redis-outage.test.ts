import { afterAll, afterEach, describe, expect, it } from "vitest";
import { RedisGenerationCache } from "../../src/redis/redis-generation-cache.js";
import { RedisKeys } from "../../src/redis/redis-keys.js";
import { redisQuotaLimiters } from "../../src/redis/redis-quota-limiter.js";
import { RateLimitedError } from "../../src/errors/rate-limited-error.js";
import { RateLimiterSpendLimiter } from "../../src/services/quota/spend-limiter.js";
import { RedisConnections, metricValue } from "../support/redis-connections.js";
import { recordingLogger } from "../support/recording-logger.js";
import { TEST_REDIS_URL, uniqueRedisPrefix } from "../support/redis-test-env.js";
import { TcpProxy } from "../support/tcp-proxy.js";

// Redis going away is not an outage: every operation falls back at once, the episode is logged
// once (a warning, then an info line when it ends) and shown as a metric, and the connection
// recovers by itself. The proxy cuts Redis off (refused) or stalls it (connected, silent).
const connections = new RedisConnections();
let proxy: TcpProxy | undefined;
afterEach(async () => {
  await connections.closeAll();
  await proxy?.close();
  proxy = undefined;
});
afterAll(() => connections.closeAll());

async function throughProxy(timeoutMs = 300) {
  proxy = await TcpProxy.forUrl(TEST_REDIS_URL!).start();
  const { logger, lines } = recordingLogger("info");
  const { redis, metrics } = await connections.open(
    proxy.urlFor(TEST_REDIS_URL!),
    { REDIS_COMMAND_TIMEOUT_MS: String(timeoutMs) },
    logger,
  );
  const keys = new RedisKeys(uniqueRedisPrefix("outage"));
  const cache = new RedisGenerationCache<{ answer: string }>(redis, keys, 60_000);
  return { redis, metrics, lines, keys, cache, proxy };
}

const until = async (predicate: () => Promise<boolean> | boolean, timeoutMs = 10_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

const messages = (lines: Array<Record<string, unknown>>, level: number) =>
  lines.filter((line) => line.level === level).map((line) => String(line.msg));

describe.skipIf(!TEST_REDIS_URL)("Redis outages", () => {
  it("falls back at once while Redis is gone, logs the episode once, and recovers by itself", async () => {
    const { redis, metrics, lines, cache, proxy } = await throughProxy();
    await cache.set("k", { answer: "shared" });
    expect(await cache.get("k")).toEqual({ answer: "shared" });
    expect(await metricValue(metrics, "modeflow_redis_up")).toBe(1);

    await proxy.cut();
    await until(() => !redis.health.isUp);
    const started = performance.now();
    for (let index = 0; index < 20; index++) expect(await cache.get("k")).toBeUndefined();
    await cache.set("k2", { answer: "not stored" });
    expect(performance.now() - started).toBeLessThan(200); // no waiting on a dead Redis
    expect(await metricValue(metrics, "modeflow_redis_up")).toBe(0);
    expect(
      await metricValue(metrics, "modeflow_redis_fallbacks_total", { operation: "cache.get" }),
    ).toBeGreaterThanOrEqual(20);

    await proxy.restore();
    await until(() => redis.health.isUp);
    expect(await cache.get("k")).toEqual({ answer: "shared" });
    expect(await metricValue(metrics, "modeflow_redis_up")).toBe(1);
    // One warning for the episode however many failures and reconnection attempts, one info.
    expect(
      messages(lines, 40).filter((msg) => msg.startsWith("Redis is unreachable")),
    ).toHaveLength(1);
    expect(messages(lines, 30)).toContain("Redis is reachable again: shared state resumed");
  });

  it("answers within the command timeout when Redis hangs, then stops waiting on it", async () => {
    const { redis, cache, proxy } = await throughProxy(300);
    await cache.set("k", { answer: "shared" });
    proxy.stall();
    const first = performance.now();
    expect(await cache.get("k")).toBeUndefined();
    const firstMs = performance.now() - first;
    expect(firstMs).toBeGreaterThanOrEqual(290);
    expect(firstMs).toBeLessThan(300 + 300);
    expect(redis.health.isUp).toBe(false);
    const second = performance.now();
    expect(await cache.get("k")).toBeUndefined();
    expect(performance.now() - second).toBeLessThan(50); // known down: no second wait

    await proxy.restore();
    await until(() => redis.health.isUp);
    expect(await cache.get("k")).toEqual({ answer: "shared" });
  });

  it("counts quotas in memory while Redis is gone, and in Redis again when it returns", async () => {
    const { redis, metrics, keys, proxy } = await throughProxy();
    const limiter = new RateLimiterSpendLimiter(
      { generationsPerMinute: 2, tokensPerDay: 0 },
      redisQuotaLimiters(redis, keys),
    );
    await limiter.admit("alice");
    await proxy.cut();
    await until(() => !redis.health.isUp);
    // The insurance counts from zero in this process: two more, then refused.
    await limiter.admit("alice");
    await limiter.admit("alice");
    await expect(limiter.admit("alice")).rejects.toBeInstanceOf(RateLimitedError);
    expect(
      await metricValue(metrics, "modeflow_redis_fallbacks_total", {
        operation: "quota.generations",
      }),
    ).toBe(3);
    await proxy.restore();
    await until(() => redis.health.isUp);
    // Redis remembers the one admitted before the outage: one more, then refused.
    await limiter.admit("alice");
    await expect(limiter.admit("alice")).rejects.toBeInstanceOf(RateLimitedError);
  });
});
