import type { Logger } from "pino";
import { loadConfig } from "../../src/config.js";
import { Metrics } from "../../src/observability/metrics.js";
import { RedisConnection } from "../../src/redis/redis-connection.js";
import { testLogger } from "./test-server.js";

/** Redis connections a test file opened, closed together at its end. */
export class RedisConnections {
  private readonly opened: RedisConnection[] = [];

  /**
   * A started connection to `url` as a replica would make it (settings from the config schema,
   * `overrides` applied), with its own metrics registry.
   */
  async open(
    url: string,
    overrides: Record<string, string> = {},
    logger: Logger = testLogger(),
  ): Promise<{ redis: RedisConnection; metrics: Metrics }> {
    const config = loadConfig({ REDIS_URL: url, ...overrides });
    const metrics = new Metrics();
    const redis = new RedisConnection(config.redis!, logger, metrics.redis());
    this.opened.push(redis);
    await redis.start();
    return { redis, metrics };
  }

  async closeAll(): Promise<void> {
    await Promise.all(this.opened.splice(0).map((redis) => redis.close()));
  }
}

/** A metric's value from a registry (first sample matching `labels`), or undefined. */
export async function metricValue(
  metrics: Metrics,
  name: string,
  labels: Record<string, string> = {},
): Promise<number | undefined> {
  const metric = metrics.registry.getSingleMetric(name);
  if (!metric) return undefined;
  const { values } = await metric.get();
  return values.find((value) =>
    Object.entries(labels).every(([label, expected]) => value.labels[label] === expected),
  )?.value;
}
