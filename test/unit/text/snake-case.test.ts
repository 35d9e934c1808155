import { describe, expect, it } from "vitest";
import { toSnakeCase, toSnakeIdentifier } from "../../../src/services/text/snake-case.js";

describe("toSnakeCase", () => {
  it.each([
    ["Pet Store", "pet_store"],
    ["issue-number", "issue_number"],
    ["  --Fetch   GitHub Issue!! ", "fetch_github_issue"],
    ["Bäckerei & Café", "backerei_cafe"],
    ["Straße", "strasse"],
    ["ｐｅｔ store", "pet_store"],
    ["already_snake_case", "already_snake_case"],
    ["v2 API", "v2_api"],
  ])("%j → %j", (text, snake) => {
    expect(toSnakeCase(text)).toBe(snake);
  });

  it("gives an empty id when nothing Latin-alphanumeric is left", () => {
    expect(toSnakeCase("花屋")).toBe("");
    expect(toSnakeCase("🦄 — !")).toBe("");
  });

  it("cuts a long id at a word boundary within the limit", () => {
    expect(toSnakeCase("alpha beta gamma", 12)).toBe("alpha_beta");
    expect(toSnakeCase("alpha beta gamma", 10)).toBe("alpha_beta");
    expect(toSnakeCase("alpha beta gamma", 16)).toBe("alpha_beta_gamma");
  });

  it("cuts mid-word only when the first word alone is over the limit", () => {
    expect(toSnakeCase("supercalifragilistic words", 9)).toBe("supercali");
  });

  it("never ends on a separator, whatever the limit", () => {
    for (let limit = 1; limit <= 20; limit++) {
      const id = toSnakeCase("one two three four", limit);
      expect(id.length).toBeLessThanOrEqual(limit);
      expect(id).toMatch(/^[a-z0-9]+(_[a-z0-9]+)*$/);
    }
  });
});

describe("toSnakeIdentifier", () => {
  it.each([
    ["issue-number", "issue_number"],
    ["2fa", "value_2fa"],
    ["2FA code", "value_2fa_code"],
    ["花屋", "value"],
    ["", "value"],
  ])("%j → %j", (text, identifier) => {
    expect(toSnakeIdentifier(text)).toBe(identifier);
  });

  it("always gives a name a template can use", () => {
    for (const text of ["x", "9", "__a__", "Ünïcödé input", "a-b c", "🦄"]) {
      expect(toSnakeIdentifier(text)).toMatch(/^[a-z][a-z0-9_]*$/);
    }
  });
});
