import { createClient } from "redis";
import { hasRedisServerBinary } from "./redis-server-process.js";

/**
 * vitest's global setup: the Redis tests need a real Redis (MODEFLOW_TEST_REDIS_URL). Without one
 * they are skipped, and this says so in one plain line; under CI=true a missing or unreachable
 * Redis fails the run instead, so CI can never pass without them.
 */
export async function setup(): Promise<void> {
  const url = process.env.MODEFLOW_TEST_REDIS_URL;
  const inCi = process.env.CI === "true";
  if (!url) {
    if (inCi) {
      throw new Error(
        "CI=true but MODEFLOW_TEST_REDIS_URL is not set: the Redis tests must run in CI (bash .ci/run starts redis-server and sets it)",
      );
    }
    console.log(
      "Redis tests skipped: MODEFLOW_TEST_REDIS_URL is not set (bash .ci/run starts a redis-server and sets it; or export MODEFLOW_TEST_REDIS_URL=redis://127.0.0.1:6379).",
    );
    return;
  }
  const client = createClient({ url, socket: { connectTimeout: 2_000, reconnectStrategy: false } });
  client.on("error", () => undefined);
  try {
    await client.connect();
    await client.ping();
  } catch (error) {
    throw new Error(`MODEFLOW_TEST_REDIS_URL=${url} does not answer: ${String(error)}`, {
      cause: error,
    });
  } finally {
    if (client.isOpen) client.destroy();
  }
  if (inCi && !hasRedisServerBinary()) {
    throw new Error(
      "CI=true but there is no redis-server on PATH: the outage test stops and starts a Redis of its own",
    );
  }
  console.log(`Redis tests run against ${url}.`);
}
