import { describe, expect, it } from "vitest";
import { hashApiKey } from "../../../src/auth/api-keys.js";
import { ConfigError, loadConfig } from "../../../src/config.js";

function problemsOf(environment: Record<string, string>): string[] {
  try {
    loadConfig(environment);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error("expected a ConfigError");
}

const CI_HASH = hashApiKey("ci-key");
const WEB_HASH = hashApiKey("web-key");
const PRODUCTION = {
  NODE_ENV: "production",
  MODE_PROVIDER: "offline",
  WORKFLOW_PROVIDER: "offline",
};

describe("AUTH_MODE", () => {
  it("is none outside production by default", () => {
    expect(loadConfig({}).auth).toEqual({ mode: "none" });
  });

  it("must be chosen explicitly in production, none included", () => {
    expect(problemsOf(PRODUCTION)).toEqual([expect.stringMatching(/^AUTH_MODE: .*explicitly/)]);
    expect(loadConfig({ ...PRODUCTION, AUTH_MODE: "none" }).auth).toEqual({ mode: "none" });
  });

  it("refuses an unknown mode", () => {
    expect(problemsOf({ AUTH_MODE: "basic" })).toEqual([expect.stringMatching(/^AUTH_MODE/)]);
  });

  it("refuses credentials configured without a mode (the server would look protected, and be open)", () => {
    expect(problemsOf({ API_KEYS: `ci:${CI_HASH}` })).toEqual([
      expect.stringMatching(/^AUTH_MODE is not set.*API_KEYS.*AUTH_MODE=api-key/),
    ]);
    expect(problemsOf({ JWT_ISSUER: "https://issuer" })).toEqual([
      expect.stringMatching(/^AUTH_MODE is not set.*JWT_ISSUER.*AUTH_MODE=jwt/),
    ]);
    // An explicit none is a decision: the credentials stay unused.
    expect(loadConfig({ AUTH_MODE: "none", API_KEYS: `ci:${CI_HASH}` }).auth).toEqual({
      mode: "none",
    });
  });
});

describe("API_KEYS (AUTH_MODE=api-key)", () => {
  it("parses name:sha256hex entries, comma-separated, spaces and hex case aside", () => {
    const config = loadConfig({
      AUTH_MODE: "api-key",
      API_KEYS: ` ci-bot:${CI_HASH} ,web.app:${WEB_HASH.toUpperCase()}`,
    });
    expect(config.auth).toEqual({
      mode: "api-key",
      keys: [
        { name: "ci-bot", sha256: CI_HASH },
        { name: "web.app", sha256: WEB_HASH },
      ],
    });
  });

  it("is required in api-key mode", () => {
    expect(problemsOf({ AUTH_MODE: "api-key" })).toEqual([
      expect.stringMatching(/^API_KEYS: required when AUTH_MODE=api-key/),
    ]);
  });

  it.each([
    ["an entry without a name", `ci:${CI_HASH},${WEB_HASH}`, /entry 2 is not "name:sha256hex"/],
    ["an empty entry", `ci:${CI_HASH},,web:${WEB_HASH}`, /entry 2 is empty/],
    ["a hash of 63 hex digits", `ci:${CI_HASH.slice(1)}`, /"ci": the hash must be 64 hex digits/],
    ["a hash that is not hex", `ci:${"g".repeat(64)}`, /"ci": the hash must be 64 hex digits/],
    ["a raw key instead of a hash", "ci:mf_live_secret", /"ci": the hash must be 64 hex digits/],
    ["a name with spaces", `c i:${CI_HASH}`, /entry 1: the name must be/],
    ["a name used twice", `ci:${CI_HASH},ci:${WEB_HASH}`, /the name "ci" is used twice/],
    [
      "one key under two names",
      `ci:${CI_HASH},web:${CI_HASH}`,
      /"web" and "ci" have the same hash/,
    ],
  ])("refuses %s, naming API_KEYS and never echoing the value", (_case, value, message) => {
    const problems = problemsOf({ AUTH_MODE: "api-key", API_KEYS: value });
    expect(problems).toEqual([expect.stringMatching(message)]);
    expect(problems[0]).toContain("API_KEYS");
    expect(problems[0]).not.toContain("mf_live_secret");
    expect(problems[0]).not.toContain(CI_HASH.slice(1));
  });

  it("lists every bad entry at once", () => {
    const problems = problemsOf({ AUTH_MODE: "api-key", API_KEYS: "a:1,b:2,c" });
    expect(problems).toHaveLength(3);
  });
});

describe("JWT_* (AUTH_MODE=jwt)", () => {
  const complete = {
    AUTH_MODE: "jwt",
    JWT_JWKS_URL: "https://issuer.example.com/.well-known/jwks.json",
    JWT_ISSUER: "https://issuer.example.com/",
    JWT_AUDIENCE: "modeflow-api",
  };

  it("takes the key set URL, issuer and audience", () => {
    expect(loadConfig(complete).auth).toEqual({
      mode: "jwt",
      jwt: {
        jwksUrl: complete.JWT_JWKS_URL,
        issuer: complete.JWT_ISSUER,
        audience: complete.JWT_AUDIENCE,
      },
    });
  });

  it("requires all three, naming each missing one", () => {
    const problems = problemsOf({ AUTH_MODE: "jwt" });
    expect(problems).toEqual([
      expect.stringMatching(/^JWT_JWKS_URL: required when AUTH_MODE=jwt/),
      expect.stringMatching(/^JWT_ISSUER: required when AUTH_MODE=jwt/),
      expect.stringMatching(/^JWT_AUDIENCE: required when AUTH_MODE=jwt/),
    ]);
    expect(problemsOf({ ...complete, JWT_AUDIENCE: " " })).toEqual([
      expect.stringMatching(/^JWT_AUDIENCE/),
    ]);
  });

  it("refuses a key set URL that is not http(s)", () => {
    for (const url of ["not a url", "file:///etc/jwks.json"]) {
      expect(problemsOf({ ...complete, JWT_JWKS_URL: url })).toEqual([
        expect.stringMatching(/^JWT_JWKS_URL/),
      ]);
    }
  });
});

describe("METRICS_TOKEN", () => {
  it("is unset by default (/metrics open) and read when set", () => {
    expect(loadConfig({}).metricsToken).toBeUndefined();
    expect(loadConfig({ METRICS_TOKEN: "scrape" }).metricsToken).toBe("scrape");
  });
});
