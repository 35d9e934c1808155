import { afterAll, describe, expect, it } from "vitest";
import { RedisCoalescer } from "../../src/redis/redis-coalescer.js";
import { RedisFlights } from "../../src/redis/redis-flight.js";
import { RedisKeys } from "../../src/redis/redis-keys.js";
import type { RedisConnection } from "../../src/redis/redis-connection.js";
import { RedisConnections } from "../support/redis-connections.js";
import { TEST_REDIS_URL, uniqueRedisPrefix } from "../support/redis-test-env.js";
import { testLogger } from "../support/test-server.js";

// Coalescing across replicas, each replica a RedisCoalescer on its own connection: one
// generation per key across both, takeover when the holder fails, leaves or dies, each waiter's
// own deadline, and going on alone when Redis is away.
const connections = new RedisConnections();
afterAll(() => connections.closeAll());

interface Options {
  lockTtlMs?: number;
  deadlineMs?: number;
  waitPollMs?: number;
  url?: string;
}

async function replica(prefix: string, options: Options = {}) {
  const { redis } = await connections.open(options.url ?? TEST_REDIS_URL!, {
    REDIS_COMMAND_TIMEOUT_MS: "200",
  });
  return { redis, coalescer: coalescerOn(redis, prefix, options) };
}

function coalescerOn(redis: RedisConnection, prefix: string, options: Options = {}) {
  return new RedisCoalescer(
    new RedisFlights(redis, new RedisKeys(prefix), {
      lockTtlMs: options.lockTtlMs ?? 1_000,
      waitPollMs: options.waitPollMs ?? 50,
      deadlineMs: options.deadlineMs ?? 10_000,
      logger: testLogger(),
    }),
  );
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

const until = async (predicate: () => Promise<boolean> | boolean, timeoutMs = 5_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

describe.skipIf(!TEST_REDIS_URL)("coalescing across replicas through Redis", () => {
  it("runs the work once for 40 identical calls split over two replicas, and tells who joined", async () => {
    const prefix = uniqueRedisPrefix("coalesce");
    const [a, b] = [await replica(prefix), await replica(prefix)];
    const answer = deferred<{ text: string }>();
    let runs = 0;
    const work = () => {
      runs++;
      return answer.promise;
    };
    const calls = Array.from({ length: 40 }, (_, index) =>
      (index % 2 ? a : b).coalescer.run("same request", undefined, work),
    );
    await until(() => runs === 1);
    await until(async () => (await a.coalescer.isInFlight("same request")) === true);
    answer.resolve({ text: "the answer" });
    const flights = await Promise.all(calls);
    expect(runs).toBe(1);
    expect(flights.every((flight) => flight.value.text === "the answer")).toBe(true);
    expect(flights.filter((flight) => !flight.shared)).toHaveLength(1);
    expect(await b.coalescer.isInFlight("same request")).toBe(false);
  });

  it("tells waiting replicas by publish/subscribe, long before their next poll", async () => {
    const prefix = uniqueRedisPrefix("pubsub");
    const [a, b] = [await replica(prefix), await replica(prefix, { waitPollMs: 30_000 })];
    const answer = deferred<string>();
    const holder = a.coalescer.run("k", undefined, () => answer.promise);
    await until(() => b.coalescer.isInFlight("k"));
    const waiter = b.coalescer.run("k", undefined, async () => "never");
    await new Promise((resolve) => setTimeout(resolve, 200)); // B is subscribed and waiting
    const answeredAt = performance.now();
    answer.resolve("published");
    expect(await holder).toEqual({ value: "published", shared: false });
    expect(await waiter).toEqual({ value: "published", shared: true });
    expect(performance.now() - answeredAt).toBeLessThan(1_000);
  });

  it("asks admission once across replicas: joining another replica's generation is free", async () => {
    const prefix = uniqueRedisPrefix("admission");
    const [a, b] = [await replica(prefix), await replica(prefix)];
    const answer = deferred<string>();
    let admissions = 0;
    const admit = async () => {
      admissions++;
    };
    const first = a.coalescer.run("k", undefined, () => answer.promise, admit);
    await until(() => b.coalescer.isInFlight("k"));
    const second = b.coalescer.run("k", undefined, async () => "never", admit);
    await new Promise((resolve) => setTimeout(resolve, 100));
    answer.resolve("done");
    expect(await first).toEqual({ value: "done", shared: false });
    expect(await second).toEqual({ value: "done", shared: true });
    expect(admissions).toBe(1);
  });

  it("lets a waiter take over when the holder fails with an exception", async () => {
    const prefix = uniqueRedisPrefix("failure");
    const [a, b] = [await replica(prefix), await replica(prefix)];
    const failing = deferred<string>();
    const holder = a.coalescer.run("k", undefined, () => failing.promise);
    await until(() => b.coalescer.isInFlight("k"));
    const waiter = b.coalescer.run("k", undefined, async () => "taken over");
    await new Promise((resolve) => setTimeout(resolve, 100));
    failing.reject(new Error("bug in the holder"));
    await expect(holder).rejects.toThrow("bug in the holder");
    expect(await waiter).toEqual({ value: "taken over", shared: false });
  });

  it("lets a waiter take over when every caller of the holder left (no placeholder is shared)", async () => {
    const prefix = uniqueRedisPrefix("left");
    const [a, b] = [await replica(prefix), await replica(prefix)];
    const leaving = new AbortController();
    const holder = a.coalescer.run("k", leaving.signal, (signal) => {
      return new Promise<string>((resolve) =>
        signal.addEventListener("abort", () => resolve("cancelled placeholder")),
      );
    });
    await until(() => b.coalescer.isInFlight("k"));
    const waiter = b.coalescer.run("k", undefined, async () => "generated by the waiter");
    await new Promise((resolve) => setTimeout(resolve, 100));
    leaving.abort(new Error("client gone"));
    await expect(holder).rejects.toThrow("client gone");
    expect(await waiter).toEqual({ value: "generated by the waiter", shared: false });
  });

  it("takes over from a holder that died: its lock expires and a waiter generates", async () => {
    const prefix = uniqueRedisPrefix("dead");
    const b = await replica(prefix, { lockTtlMs: 600 });
    // A holder that took the lock and then died: nobody renews, nobody answers.
    const lock = new RedisKeys(prefix).flight("k").lock;
    await b.redis.client.set(lock, "token-of-a-dead-replica", { PX: 600 });
    const started = performance.now();
    const flight = await b.coalescer.run("k", undefined, async () => "after takeover");
    const elapsedMs = performance.now() - started;
    expect(flight).toEqual({ value: "after takeover", shared: false });
    expect(elapsedMs).toBeGreaterThan(400);
    expect(elapsedMs).toBeLessThan(600 + 1_000);
  });

  it("keeps a holder's lock alive past its expiry while it works", async () => {
    const prefix = uniqueRedisPrefix("renew");
    const [a, b] = [await replica(prefix, { lockTtlMs: 600 }), await replica(prefix)];
    const answer = deferred<string>();
    let runs = 0;
    const holder = a.coalescer.run("k", undefined, () => {
      runs++;
      return answer.promise;
    });
    await until(() => b.coalescer.isInFlight("k"));
    const waiter = b.coalescer.run("k", undefined, async () => {
      runs++;
      return "should not run";
    });
    await new Promise((resolve) => setTimeout(resolve, 1_500)); // 2.5 lock lifetimes
    answer.resolve("slow but alive");
    expect(await holder).toEqual({ value: "slow but alive", shared: false });
    expect(await waiter).toEqual({ value: "slow but alive", shared: true });
    expect(runs).toBe(1);
  });

  it("answers a waiter at its own deadline: its work runs with the expired signal", async () => {
    const prefix = uniqueRedisPrefix("deadline");
    const b = await replica(prefix, { deadlineMs: 400 });
    const lock = new RedisKeys(prefix).flight("k").lock;
    await b.redis.client.set(lock, "a-slow-replica", { PX: 60_000 });
    const started = performance.now();
    const flight = await b.coalescer.run("k", undefined, async (signal) =>
      signal.aborted ? "timeout answer" : "fresh generation",
    );
    expect(flight).toEqual({ value: "timeout answer", shared: false });
    expect(performance.now() - started).toBeLessThan(400 + 500);
  });

  it("goes on alone when Redis is unreachable", async () => {
    const a = await replica(uniqueRedisPrefix("down"), { url: "redis://127.0.0.1:1" });
    let runs = 0;
    const work = async () => {
      runs++;
      return "local";
    };
    const flights = await Promise.all([
      a.coalescer.run("k", undefined, work),
      a.coalescer.run("k", undefined, work),
    ]);
    expect(flights.map((flight) => flight.value)).toEqual(["local", "local"]);
    expect(runs).toBe(1); // still one generation within the replica
  });
});
