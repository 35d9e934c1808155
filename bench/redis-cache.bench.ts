import { randomUUID } from "node:crypto";
import { print } from "graphql";
import { pino } from "pino";
import { loadConfig } from "../src/config.js";
import { createServer } from "../src/server.js";
import { GenerateModeDocument } from "../test/generated/graphql.js";
import { RedisServerProcess, hasRedisServerBinary } from "../test/support/redis-server-process.js";
import { CONNECTIONS, postLoad, ROUNDS, SECONDS, startModelWorker } from "./post-load.js";
import type { LoadResult } from "./post-load.js";
import { fixed, median } from "./stats.js";

/**
 * The Redis to measure against: MODEFLOW_BENCH_REDIS_URL or MODEFLOW_TEST_REDIS_URL, else a
 * redis-server of our own when the binary is installed, else none.
 */
async function benchRedis(): Promise<{ url: string; stop: () => Promise<void> } | undefined> {
  const url = process.env.MODEFLOW_BENCH_REDIS_URL ?? process.env.MODEFLOW_TEST_REDIS_URL;
  if (url) return { url, stop: async () => {} };
  if (!hasRedisServerBinary()) return undefined;
  const server = await RedisServerProcess.start();
  return { url: server.url, stop: () => server.stop() };
}

function summarise(name: string, results: LoadResult[]): string {
  const pick = (key: keyof LoadResult) => median(results.map((result) => result[key]));
  const errors = results.reduce((sum, result) => sum + result.errors, 0);
  return `| ${name} | ${fixed(pick("requestsPerSecond"), 0)} | ${pick("p50")} | ${pick("p99")} | ${errors} |`;
}

/**
 * Cached generateMode (a repeat of an answered request: the mode store's identity lookup and the
 * caller's shelf, then the 17 KB answer) at 50 connections, with the state in this process and in
 * Redis, side by side. Rounds alternate so both see the same machine noise; medians and the
 * per-round ratio Redis / in-process are printed.
 */
export async function runRedisCacheBench(): Promise<void> {
  const redis = await benchRedis();
  if (!redis) {
    console.log(
      "\n## cached generateMode, Redis against in-process: skipped (no Redis: set MODEFLOW_BENCH_REDIS_URL or install redis-server)",
    );
    return;
  }
  const model = await startModelWorker();
  const modelUrl = model.url;
  const environment = {
    PORT: "0",
    LOG_LEVEL: "silent",
    AZURE_OPENAI_ENDPOINT: modelUrl,
    AZURE_OPENAI_API_KEY: "bench",
  };
  const logger = pino({ level: "silent" });
  const inProcess = await createServer({ config: loadConfig(environment), logger });
  const shared = await createServer({
    config: loadConfig({
      ...environment,
      REDIS_URL: redis.url,
      REDIS_PREFIX: `modeflow-bench-${randomUUID().slice(0, 8)}`,
    }),
    logger,
  });
  const urls = { inProcess: await inProcess.start(), shared: await shared.start() };
  const body = JSON.stringify({
    query: print(GenerateModeDocument),
    variables: { input: { industry: "sample shop" } },
  });
  for (const url of Object.values(urls)) {
    // The first request generates; every later one is a cache hit.
    await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body });
  }

  const local: LoadResult[] = [];
  const remote: LoadResult[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    local.push(await postLoad(urls.inProcess, body));
    remote.push(await postLoad(urls.shared, body));
  }
  await inProcess.stop();
  await shared.stop();
  model.stop();
  await redis.stop();

  const ratios = remote.map(
    (result, index) => result.requestsPerSecond / local[index]!.requestsPerSecond,
  );
  console.log(
    `\n## cached generateMode, Redis against in-process (${CONNECTIONS} connections, ${ROUNDS} alternating rounds of ${SECONDS}s, medians)`,
  );
  console.log("| state | req/s | p50 ms | p99 ms | errors |");
  console.log("| --- | --- | --- | --- | --- |");
  console.log(summarise("in this process (REDIS_URL unset)", local));
  console.log(summarise(`in Redis (${redis.url})`, remote));
  console.log(
    `ratio Redis/in-process req/s per round: ${ratios.map((ratio) => fixed(ratio, 2)).join(", ")}; median ${fixed(median(ratios), 2)}`,
  );
}
