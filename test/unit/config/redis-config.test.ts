import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../../src/config.js";
import { RedisKeys } from "../../../src/redis/redis-keys.js";
import { withoutCredentials } from "../../../src/redis/redis-url.js";

function problemsOf(environment: Record<string, string>): string[] {
  try {
    loadConfig(environment);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error("expected a ConfigError");
}

describe("shared-state configuration", () => {
  it("keeps everything in the process without REDIS_URL (blank counts as unset)", () => {
    expect(loadConfig({}).redis).toBeUndefined();
    expect(loadConfig({ REDIS_URL: " " }).redis).toBeUndefined();
  });

  it("uses the documented defaults with REDIS_URL", () => {
    expect(loadConfig({ REDIS_URL: "redis://127.0.0.1:6379" }).redis).toEqual({
      url: "redis://127.0.0.1:6379",
      prefix: "modeflow",
      lockTtlMs: 5_000,
      commandTimeoutMs: 1_000,
      waitPollMs: 250,
    });
    expect(loadConfig({ REDIS_URL: "rediss://cache.example.com:6380/2" }).redis?.url).toBe(
      "rediss://cache.example.com:6380/2",
    );
  });

  it("refuses a URL that is not redis:// or rediss://, and a prefix that could break the key shape", () => {
    expect(problemsOf({ REDIS_URL: "http://127.0.0.1:6379" })[0]).toMatch(/^REDIS_URL:/);
    expect(problemsOf({ REDIS_URL: "redis://h", REDIS_PREFIX: "a:b" })[0]).toMatch(
      /^REDIS_PREFIX:/,
    );
  });

  it("refuses a lock that could expire while a renewal still waits for Redis", () => {
    expect(
      problemsOf({
        REDIS_URL: "redis://h",
        REDIS_LOCK_TTL_MS: "1000",
        REDIS_COMMAND_TIMEOUT_MS: "500",
      }),
    ).toEqual([
      "REDIS_LOCK_TTL_MS (1000) must exceed twice REDIS_COMMAND_TIMEOUT_MS (500): a renewal that takes the longest allowed wait must still find its lock",
    ]);
  });

  it("namespaces and versions every key, and logs URLs without credentials", () => {
    const keys = new RedisKeys("tenant-a");
    expect(keys.cache("workflow:abc")).toBe("tenant-a:v1:cache:workflow:abc");
    expect(keys.modes("ci bot:1").shelf).toBe("tenant-a:v1:shelf:ci%20bot%3A1");
    expect(keys.flight("any request").lock).toMatch(/^tenant-a:v1:flight:[0-9a-f]{64}:lock$/);
    expect(withoutCredentials("redis://user:secret@cache:6379/1")).toBe("redis://cache:6379/1");
  });
});
