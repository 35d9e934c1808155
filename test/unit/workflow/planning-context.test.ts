import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  MAX_PATH_SEGMENTS,
  isTypeText,
  parsePlanningContext,
} from "../../../src/services/workflow/planning-context.js";
import { loadFixture } from "../../support/workflow-fixtures.js";

function plain(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value));
}

describe("parsePlanningContext", () => {
  it("reads inputs, outputs, params, JSON structure and available paths", () => {
    const parsed = parsePlanningContext(loadFixture("github-issue-triage").planningContext);
    expect(Object.keys(parsed.nodes)).toEqual([
      "github-get-issue",
      "github-list-issues",
      "llm",
      "github-create-comment",
    ]);
    const issue = parsed.nodes["github-get-issue"]!;
    expect(plain(issue.inputs)).toEqual({ repo: "str", issue_number: "int" });
    expect(plain(issue.outputs)).toEqual({ issue_data: "dict" });
    expect(plain(issue.params)).toEqual({});
    expect(issue.description).toBe("Fetches one issue from a GitHub repository.");
    expect(issue.paths).toMatchObject({
      issue_data: "dict",
      "issue_data.title": "str",
      "issue_data.user.login": "str",
      "issue_data.labels": "list[dict]",
      "issue_data.labels.name": "str",
    });
    expect(plain(parsed.nodes.llm!.params)).toEqual({ model: "str", temperature: "float" });
  });

  it("nests available paths under the output item they follow", () => {
    const parsed = parsePlanningContext(loadFixture("csv-sales-report").planningContext);
    const aggregate = parsed.nodes["csv-aggregate"]!;
    expect(plain(aggregate.outputs)).toEqual({ rows: "list[dict]", summary: "dict" });
    expect(aggregate.paths).toMatchObject({ "rows.group": "str", "summary.row_count": "int" });
  });

  it("reads saved workflows from a workflow section", () => {
    const parsed = parsePlanningContext(
      loadFixture("release-notes-from-saved-workflow").planningContext,
    );
    expect(Object.keys(parsed.workflows)).toEqual(["generate-changelog", "weekly-report"]);
    expect(parsed.workflows["generate-changelog"]!.kind).toBe("workflow");
    expect(plain(parsed.workflows["generate-changelog"]!.inputs)).toEqual({
      since_tag: "str",
      repo_path: "str",
    });
    expect(Object.keys(parsed.nodes)).toEqual(["llm", "slack-post-message", "git-log"]);
  });

  it("accepts variations: no backticks, inline lists, headings, (type) items, workflow markers", () => {
    const markdown = [
      "### 1. `fetch-url`",
      "Downloads a page.",
      "#### Inputs",
      "- url: str - The address",
      "- headers (dict, optional): Extra headers",
      "Outputs:",
      "* body - Page text",
      "- status: int",
      "**Parameters:** `timeout: int`, `retries: int`",
      "",
      "### summarize-page (workflow)",
      "**Inputs**: `page_text: str`",
      "**Outputs**: `summary: str`",
      "",
      "### workflow: tidy-notes",
      "**Inputs**: none",
    ].join("\n");
    const parsed = parsePlanningContext(markdown);
    const fetch = parsed.nodes["fetch-url"]!;
    expect(plain(fetch.inputs)).toEqual({ url: "str", headers: "dict" });
    expect(plain(fetch.outputs)).toEqual({ body: "any", status: "int" });
    expect(plain(fetch.params)).toEqual({ timeout: "int", retries: "int" });
    expect(Object.keys(parsed.workflows)).toEqual(["summarize-page", "tidy-notes"]);
    expect(plain(parsed.workflows["summarize-page"]!.outputs)).toEqual({ summary: "str" });
  });

  it("ignores prose and survives broken structure blocks", () => {
    const markdown = [
      "Some intro text.",
      "## Selected Components",
      "### llm",
      "Inputs are read from the prompt: plain prose.",
      "**Outputs**:",
      "- `response: str` - answer",
      "  Structure:",
      "  ```json",
      "  { not json",
      "  ```",
    ].join("\n");
    const parsed = parsePlanningContext(markdown);
    expect(plain(parsed.nodes.llm!.inputs)).toEqual({});
    expect(plain(parsed.nodes.llm!.outputs)).toEqual({ response: "str" });
  });

  it("returns nothing for markdown without components", () => {
    expect(plain(parsePlanningContext("just text\n- a: b"))).toEqual({ nodes: {}, workflows: {} });
  });

  it("is safe with prototype-like names", () => {
    const parsed = parsePlanningContext("### constructor\n**Outputs**:\n- `__proto__: str`\n");
    expect(Object.keys(parsed.nodes)).toEqual(["constructor"]);
    expect(Object.keys(parsed.nodes["constructor"]!.outputs)).toEqual(["__proto__"]);
  });
});

describe("parsePlanningContext on hostile text (bounded work)", () => {
  const component = "## Selected Components\n### reader\n";
  const n = 100_000;
  it.each([
    [
      "a type that made a regular expression backtrack exponentially",
      `${component}**Inputs**:\n- \`x: a${"|a[]".repeat(n / 4)}!\`\n`,
    ],
    ["a label followed by a long run of spaces", `${component}Inputs${" ".repeat(n)}x\n`],
    [
      "an item with a long run of spaces and no dash",
      `${component}**Inputs**:\n- x${" ".repeat(n)}y\n`,
    ],
    ["a heading ending in many colons", `## Selected Components\n### ${":".repeat(n)}x\n`],
    [
      "many requirement notes",
      `${component}**Inputs**:\n- x: str ${"(optional".repeat(n / 9)})x\n`,
    ],
    [
      "a path bullet of 50,000 segments",
      `${component}**Outputs**:\n- \`o: dict\` - d\n  Available paths:\n  - \`o${".a".repeat(n / 2)}\` (str)\n`,
    ],
    [
      "a structure block nested 20,000 levels",
      `${component}**Outputs**:\n- \`o: dict\` - d\n  \`\`\`json\n  {"o":${'{"a":'.repeat(20_000)}1${"}".repeat(20_001)}\n  \`\`\`\n`,
    ],
  ])("parses %s in linear time", (_name, markdown) => {
    const started = performance.now();
    expect(() => parsePlanningContext(markdown)).not.toThrow();
    expect(performance.now() - started).toBeLessThan(2_000); // each took seconds to hours before
  });

  it("records structure paths to MAX_PATH_SEGMENTS levels", () => {
    const markdown = `## Selected Components\n### reader\n**Outputs**:\n- \`o: dict\` - d\n  \`\`\`json\n  {"o":${'{"a":'.repeat(40)}1${"}".repeat(41)}\n  \`\`\`\n`;
    const paths = Object.keys(parsePlanningContext(markdown).nodes.reader!.paths);
    const deepest = Math.max(...paths.map((path) => path.split(".").length));
    expect(deepest).toBe(MAX_PATH_SEGMENTS);
  });

  it.each([
    ["str", true],
    ["list[dict]", true],
    ["dict[str, list[int]]", true],
    ["list[str] | None", true],
    ["Optional[list[str | int]]", true],
    ["a.b_c", true],
    ["list[str", false],
    ["str or int", false],
    ["| str", false],
    ["str |", false],
    ["[str]", false],
    ["list[str]x", false],
  ])("reads %j as a type: %s", (text, expected) => {
    expect(isTypeText(text)).toBe(expected);
  });

  it("reads types exactly as the former regular expression did (short texts)", () => {
    const former = /^[A-Za-z_][\w.]*(\[.*\])?(\s*\|\s*[A-Za-z_][\w.]*(\[.*\])?)*$/;
    fc.assert(
      fc.property(fc.stringMatching(/^[ab_.[\]| ,1]{0,12}$/), (text) => {
        expect(isTypeText(text)).toBe(former.test(text));
      }),
      { numRuns: 20_000 },
    );
  });
});

describe("parsePlanningContext item details", () => {
  const markdown = [
    "### fetch-url",
    "**Inputs**:",
    "- `url: str` - The address",
    "- `headers: dict (optional)` - Extra headers",
    "- timeout (int): Seconds to wait, defaults to 30",
    "- `url: str` - A repeat, shorter",
    "**Outputs**:",
    "- `body: str` - Page text",
    "**Parameters (set on the node)**:",
    "- `retries: int` - How often to retry (default: 2)",
    "**Params**: `verbose: bool (optional)`",
  ].join("\n");
  const fetch = parsePlanningContext(markdown).nodes["fetch-url"]!;

  it("keeps each item's description and whether it is optional", () => {
    expect(plain(fetch.details)).toEqual({
      inputs: {
        url: { description: "The address", optional: false },
        headers: { description: "Extra headers", optional: true },
        timeout: { description: "Seconds to wait, defaults to 30", optional: true },
      },
      outputs: { body: { description: "Page text", optional: false } },
      params: {
        retries: { description: "How often to retry (default: 2)", optional: true },
        verbose: { description: "", optional: true },
      },
    });
  });

  it("keeps the types as before", () => {
    expect(plain(fetch.inputs)).toEqual({ url: "str", headers: "dict", timeout: "int" });
    expect(plain(fetch.params)).toEqual({ retries: "int", verbose: "bool" });
  });
});
