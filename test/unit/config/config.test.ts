import { describe, expect, it } from "vitest";
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

describe("loadConfig", () => {
  it("uses the documented defaults with an empty environment", () => {
    const config = loadConfig({});
    expect(config.port).toBe(4000);
    expect(config.host).toBe("127.0.0.1");
    expect(config.isProduction).toBe(false);
    expect(config.mode).toEqual({ provider: "offline", reason: "no-provider-configured" });
    expect(config.workflow).toEqual({ provider: "offline", reason: "no-provider-configured" });
    expect(config.azure).toBeUndefined();
  });

  it("picks the first configured provider per task in api.md's order", () => {
    const config = loadConfig({
      AZURE_OPENAI_ENDPOINT: "https://example.openai.azure.com",
      ANTHROPIC_API_KEY: "sk-ant",
    });
    expect(config.mode).toEqual({ provider: "azure-openai", reason: "configured" });
    expect(config.workflow).toEqual({ provider: "anthropic", reason: "configured" });
    expect(config.azure).toMatchObject({ deployment: "model-router", apiKey: undefined });
  });

  it("treats blank values as unset", () => {
    const config = loadConfig({ PORT: "", AZURE_OPENAI_ENDPOINT: "  ", MODE_PROVIDER: "" });
    expect(config.port).toBe(4000);
    expect(config.azure).toBeUndefined();
  });

  it("lists every invalid value in one error", () => {
    const problems = problemsOf({
      PORT: "eighty",
      AZURE_OPENAI_ENDPOINT: "not a url",
      MODE_PROVIDER: "gemini",
      LLM_MAX_RETRIES: "-1",
    });
    expect(problems).toHaveLength(4);
    for (const variable of ["PORT", "AZURE_OPENAI_ENDPOINT", "MODE_PROVIDER", "LLM_MAX_RETRIES"]) {
      expect(problems.some((problem) => problem.startsWith(variable))).toBe(true);
    }
  });

  it("refuses an explicitly chosen provider that is not configured, naming its variables", () => {
    const problems = problemsOf({ MODE_PROVIDER: "azure-openai" });
    expect(problems).toEqual([expect.stringContaining("AZURE_OPENAI_ENDPOINT")]);
  });

  it("refuses to start in production without a provider, naming the variables", () => {
    const problems = problemsOf({ NODE_ENV: "production", AUTH_MODE: "none" });
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(
      /^MODE_PROVIDER: .*AZURE_OPENAI_ENDPOINT.*OPENAI_API_KEY.*ANTHROPIC_API_KEY/,
    );
    expect(problems[1]).toMatch(/^WORKFLOW_PROVIDER: .*ANTHROPIC_API_KEY/);
  });

  it("allows offline in production only when chosen explicitly", () => {
    const config = loadConfig({
      NODE_ENV: "production",
      AUTH_MODE: "none",
      MODE_PROVIDER: "offline",
      WORKFLOW_PROVIDER: "offline",
    });
    expect(config.mode).toEqual({ provider: "offline", reason: "explicit" });
    expect(config.isProduction).toBe(true);
  });
});
