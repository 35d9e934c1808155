import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { environmentSchema } from "../../../src/config.js";

const root = new URL("../../../", import.meta.url);
const variables = Object.keys(environmentSchema.shape).sort();

function variablesIn(text: string, pattern: RegExp): string[] {
  return [...text.matchAll(pattern)].map((match) => match[1]!).sort();
}

describe("documentation of the configuration", () => {
  it("README's table lists exactly the variables of the config schema", async () => {
    const readme = await readFile(new URL("README.md", root), "utf8");
    const table = /<!-- config-table:start -->([\s\S]*)<!-- config-table:end -->/.exec(readme)![1]!;
    expect(variablesIn(table, /^\| `([A-Z_]+)`\s*\|/gm)).toEqual(variables);
  });

  it(".env.example mentions every variable of the config schema", async () => {
    const example = await readFile(new URL(".env.example", root), "utf8");
    expect([...new Set(variablesIn(example, /^# ([A-Z_]+)=/gm))]).toEqual(variables);
  });
});
