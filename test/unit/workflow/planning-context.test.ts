import { describe, expect, it } from "vitest";
import { parsePlanningContext } from "../../../src/services/workflow/planning-context.js";
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
