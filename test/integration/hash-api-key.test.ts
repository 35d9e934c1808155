import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { hashApiKey } from "../../src/auth/api-keys.js";
import { loadConfig } from "../../src/config.js";

// `npm test` builds first; `npm run hash-key` runs this compiled script.
const script = fileURLToPath(new URL("../../dist/scripts/hash-api-key.js", import.meta.url));

function run(args: string[], input = "") {
  if (!existsSync(script)) throw new Error(`${script} is missing: run \`npm run build\` first`);
  return spawnSync(process.execPath, [script, ...args], { input, encoding: "utf8" });
}

describe("npm run hash-key", () => {
  const key = "mf_live_Zm9vYmFyYmF6cXV4";

  it("prints the SHA-256 that API_KEYS takes, from the argument or from stdin", () => {
    const fromArgument = run([key]);
    expect(fromArgument.status).toBe(0);
    expect(fromArgument.stdout).toBe(`${hashApiKey(key)}\n`);
    // A piped key keeps it out of the shell history; echo's newline is not part of it.
    expect(run([], `${key}\n`).stdout).toBe(fromArgument.stdout);
    const config = loadConfig({
      AUTH_MODE: "api-key",
      API_KEYS: `ci:${fromArgument.stdout.trim()}`,
    });
    expect(config.auth).toMatchObject({ keys: [{ name: "ci", sha256: hashApiKey(key) }] });
  });

  it("refuses an empty key and one with whitespace (no Bearer header could carry it)", () => {
    expect(run([], "").status).toBe(2);
    const spaced = run(["two words"]);
    expect(spaced.status).toBe(2);
    expect(spaced.stderr).toContain("whitespace");
  });
});
