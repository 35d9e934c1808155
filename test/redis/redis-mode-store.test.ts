import { afterAll, describe, expect, it } from "vitest";
import { BUILTIN_MODE_IDS } from "../../src/services/mode/builtin-modes.js";
import { RedisKeys } from "../../src/redis/redis-keys.js";
import { RedisModeStore } from "../../src/redis/redis-mode-store.js";
import type { RedisConnection } from "../../src/redis/redis-connection.js";
import { modeStoreContract, modeWithId } from "../contracts/mode-store.contract.js";
import { RedisConnections, metricValue } from "../support/redis-connections.js";
import { TEST_REDIS_URL, uniqueRedisPrefix } from "../support/redis-test-env.js";

// The mode store in Redis: the same contract as in memory, plus what only sharing shows: two
// replicas see one store, positions grow across both, and everything survives a reconnect.
const connections = new RedisConnections();
afterAll(() => connections.closeAll());

function storeOn(redis: RedisConnection, prefix: string, capacity = 10, firstPosition = 4) {
  return new RedisModeStore(redis, new RedisKeys(prefix), {
    capacity,
    reserved: BUILTIN_MODE_IDS,
    firstPosition,
  });
}

describe.skipIf(!TEST_REDIS_URL)("Redis mode store", () => {
  modeStoreContract("Redis", async (capacity, firstPosition = 0) => {
    const { redis } = await connections.open(TEST_REDIS_URL!);
    return storeOn(redis, uniqueRedisPrefix("modes"), capacity, firstPosition);
  });

  it("is one store for two replicas: ids, shelves and growing positions across both", async () => {
    const prefix = uniqueRedisPrefix("replicas");
    const a = storeOn((await connections.open(TEST_REDIS_URL!)).redis, prefix);
    const b = storeOn((await connections.open(TEST_REDIS_URL!)).redis, prefix);
    const first = await a.save("alice", modeWithId("bakery", "bakery"), "identity-bakery");
    const clash = await b.save("alice", modeWithId("bakery", "bake shop"), "identity-bake-shop");
    expect(first.id).toBe("bakery");
    expect(clash.id).toMatch(/^bakery_[0-9a-f]{6}$/);
    expect(await b.get("alice", "bakery")).toEqual(first);
    expect(await a.findByIdentity("identity-bake-shop")).toEqual(clash);

    // A cursor from one replica continues on the other.
    const page = await a.page("alice", -1, 1);
    expect(page.modes.map((stored) => stored.mode.id)).toEqual(["bakery"]);
    const next = await b.page("alice", page.modes[0]!.position, 10);
    expect(next.modes.map((stored) => stored.mode.id)).toEqual([clash.id]);
    expect(next.modes[0]!.position).toBeGreaterThan(page.modes[0]!.position);
    expect(next).toMatchObject({ remaining: 1, total: 2 });
  });

  it("keeps modes across a new connection (a restarted replica), without expiry", async () => {
    const prefix = uniqueRedisPrefix("restart");
    const before = await connections.open(TEST_REDIS_URL!);
    const saved = await storeOn(before.redis, prefix).save(
      "alice",
      modeWithId("florist", "florist"),
      "identity-florist",
    );
    await before.redis.close();
    const after = storeOn((await connections.open(TEST_REDIS_URL!)).redis, prefix);
    expect(await after.get("alice", "florist")).toEqual(saved);
    const ttl = await (
      await connections.open(TEST_REDIS_URL!)
    ).redis.client.pTTL(`${prefix}:v1:mode:florist`);
    expect(ttl).toBe(-1);
  });

  it("keeps a mode in this process when Redis is unreachable, and finds it there", async () => {
    const { redis, metrics } = await connections.open("redis://127.0.0.1:1", {
      REDIS_COMMAND_TIMEOUT_MS: "200",
      REDIS_LOCK_TTL_MS: "1000",
    });
    const store = storeOn(redis, uniqueRedisPrefix("down"));
    const saved = await store.save("alice", modeWithId("florist", "florist"), "identity-florist");
    expect(saved.id).toBe("florist");
    expect(await store.get("alice", "florist")).toEqual(saved);
    expect(await store.findByIdentity("identity-florist")).toEqual(saved);
    expect((await store.page("alice", -1, 10)).modes.map((stored) => stored.mode.id)).toEqual([
      "florist",
    ]);
    expect(await metricValue(metrics, "modeflow_redis_up")).toBe(0);
    expect(
      await metricValue(metrics, "modeflow_redis_fallbacks_total", { operation: "modes.save" }),
    ).toBe(1);
  });
});
