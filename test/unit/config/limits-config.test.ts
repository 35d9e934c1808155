import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../../src/config.js";

describe("limits on operations, answers and connections", () => {
  it("have the documented defaults", () => {
    const config = loadConfig({});
    expect(config.operationLimits).toEqual({
      maxTokens: 1_000,
      maxDepth: 10,
      maxAliases: 15,
      maxDirectives: 20,
      maxValidationErrors: 5,
      maxCost: 120_000,
    });
    expect(config.responseMaxBytes).toBe(4 * 1024 * 1024);
    expect(config.http).toEqual({
      requestTimeoutMs: 30_000,
      headersTimeoutMs: 10_000,
      keepAliveTimeoutMs: 72_000,
      maxConnections: 1_000,
      maxBodyBytes: 1_048_576,
    });
    expect(config.eventLoopTurnBudgetMs).toBe(10);
    expect(config.validationPool.minChars).toBe(32_768);
    expect(config.validationPool.workers).toBeGreaterThanOrEqual(1);
  });

  it("reads each from its variable", () => {
    const config = loadConfig({
      MAX_TOKENS: "2000",
      MAX_DEPTH: "8",
      MAX_ALIASES: "0",
      MAX_DIRECTIVES: "5",
      MAX_VALIDATION_ERRORS: "3",
      MAX_COST: "5000",
      RESPONSE_MAX_BYTES: "1048576",
      HTTP_REQUEST_TIMEOUT_MS: "60000",
      HTTP_HEADERS_TIMEOUT_MS: "5000",
      HTTP_KEEP_ALIVE_TIMEOUT_MS: "5000",
      HTTP_MAX_CONNECTIONS: "64",
      HTTP_MAX_BODY_BYTES: "65536",
      EVENT_LOOP_TURN_BUDGET_MS: "0",
      VALIDATION_WORKERS: "0",
      VALIDATION_WORKER_MIN_CHARS: "1000",
    });
    expect(config.operationLimits).toEqual({
      maxTokens: 2_000,
      maxDepth: 8,
      maxAliases: 0,
      maxDirectives: 5,
      maxValidationErrors: 3,
      maxCost: 5_000,
    });
    expect(config.responseMaxBytes).toBe(1_048_576);
    expect(config.http).toEqual({
      requestTimeoutMs: 60_000,
      headersTimeoutMs: 5_000,
      keepAliveTimeoutMs: 5_000,
      maxConnections: 64,
      maxBodyBytes: 65_536,
    });
    expect(config.eventLoopTurnBudgetMs).toBe(0);
    expect(config.validationPool).toEqual({ workers: 0, minChars: 1_000 });
  });

  it("refuses a token budget past the one known to keep validation off the stack's end", () => {
    expect(() => loadConfig({ MAX_TOKENS: "10001" })).toThrow(/MAX_TOKENS/);
  });

  it("refuses a header timeout longer than the request timeout", () => {
    try {
      loadConfig({ HTTP_HEADERS_TIMEOUT_MS: "40000" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems).toEqual([
        "HTTP_HEADERS_TIMEOUT_MS (40000) must not exceed HTTP_REQUEST_TIMEOUT_MS (30000)",
      ]);
    }
  });
});
