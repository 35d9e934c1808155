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
      maxCost: 120_000,
    });
    expect(config.responseMaxBytes).toBe(4 * 1024 * 1024);
    expect(config.http).toEqual({
      requestTimeoutMs: 30_000,
      headersTimeoutMs: 10_000,
      keepAliveTimeoutMs: 72_000,
      maxConnections: 1_000,
    });
  });

  it("reads each from its variable", () => {
    const config = loadConfig({
      MAX_TOKENS: "2000",
      MAX_DEPTH: "8",
      MAX_ALIASES: "0",
      MAX_DIRECTIVES: "5",
      MAX_COST: "5000",
      RESPONSE_MAX_BYTES: "1048576",
      HTTP_REQUEST_TIMEOUT_MS: "60000",
      HTTP_HEADERS_TIMEOUT_MS: "5000",
      HTTP_KEEP_ALIVE_TIMEOUT_MS: "5000",
      HTTP_MAX_CONNECTIONS: "64",
    });
    expect(config.operationLimits).toEqual({
      maxTokens: 2_000,
      maxDepth: 8,
      maxAliases: 0,
      maxDirectives: 5,
      maxCost: 5_000,
    });
    expect(config.responseMaxBytes).toBe(1_048_576);
    expect(config.http).toEqual({
      requestTimeoutMs: 60_000,
      headersTimeoutMs: 5_000,
      keepAliveTimeoutMs: 5_000,
      maxConnections: 64,
    });
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
