import { describe, expect, it } from "vitest";
import {
  findWorkflowIssues,
  firstErrorsForPrompt,
  parseValidationContext,
  validateWorkflow,
} from "../../../src/services/workflow/validate-workflow.js";
import type { WorkflowValidationContext } from "../../../src/services/workflow/validate-workflow.js";
import { cloneWorkflow, contextOf, loadFixture } from "../../support/workflow-fixtures.js";

/** The false alarms and repeated errors of issue 11 (validator part), each found on the old code. */

const notes = loadFixture("summarize-notes");
const changelog = loadFixture("changelog-from-commits");

function rulesOf(issues: readonly { rule: string }[]): string[] {
  return issues.map((issue) => issue.rule);
}

describe("hardcoded: an ordinary word equal to a discovered value", () => {
  const context: WorkflowValidationContext = {
    ...contextOf(changelog),
    discoveredParams: { ...changelog.discoveredParams, base_branch: "main" },
  };

  it.each([
    "Summarize the main points of these commits: ${list_commits.commits}",
    "Main changes first, then merge into main. ${list_commits.commits}",
    "(main) points: ${list_commits.commits}",
  ])("is not reported inside prose: %s", (prompt) => {
    const ir = cloneWorkflow(changelog);
    ir.nodes[1].params.prompt = `${prompt} since \${since_tag}`;
    const result = validateWorkflow(ir, context);
    expect(result.errors).toEqual([]);
  });

  it.each(["main", " Main ", "origin/main", "refs/heads/main", "--branch=main", "main:release"])(
    "is still reported when the value is the discovered value or a path containing it: %j",
    (value) => {
      const ir = cloneWorkflow(changelog);
      ir.nodes[0].params.branch = value;
      const result = validateWorkflow(ir, context);
      expect(rulesOf(result.errors)).toEqual(["hardcoded"]);
      expect(result.errors[0]!.message).toContain("'main'");
      expect(result.errors[0]!.path).toBe("nodes[0].params.branch");
    },
  );

  it("still reports values that are not plain words anywhere in prose", () => {
    const ir = cloneWorkflow(changelog);
    ir.nodes[1].params.prompt += " Compare with v1.4.0 and CHANGELOG.md.";
    const messages = validateWorkflow(ir, context).errors.map((issue) => issue.message);
    expect(messages).toHaveLength(2);
    expect(messages.join("\n")).toContain("'v1.4.0'");
    expect(messages.join("\n")).toContain("'CHANGELOG.md'");
  });
});

describe("undeclared-var: a literal $ gets the $$ hint", () => {
  function undeclared(params: Record<string, unknown>, type = "read-file") {
    const ir = cloneWorkflow(notes);
    ir.nodes[0].type = type;
    Object.assign(ir.nodes[0].params, params);
    return validateWorkflow(ir).errors;
  }

  it.each([
    [{ command: "ls $HOME/notes" }, "read-file", "'$HOME'", "'$$HOME'"],
    [{ encoding: "${PATH}" }, "read-file", "'${PATH}'", "'$${PATH}'"],
    [{ command: "cat $notes_dir/*.md" }, "read-file", "'$notes_dir'", "'$$notes_dir'"],
    [{ args: "echo $home" }, "shell", "'$home'", "'$$home'"],
  ])("%j in a %s node", (params, type, raw, escaped) => {
    const errors = undeclared(params, type);
    expect(rulesOf(errors)).toEqual(["undeclared-var"]);
    expect(errors[0]!.message).toContain(raw);
    expect(errors[0]!.message).toContain(`write ${escaped}: '$$' is a literal '$'`);
  });

  it("keeps the plain message for an input-like name outside shell commands", () => {
    const errors = undeclared({ encoding: "${file_encoding}" });
    expect(errors[0]!.message).toContain("Declare 'file_encoding' in inputs");
    expect(errors[0]!.message).not.toContain("$$");
  });

  it("accepts the escaped form, and says how to escape a shell expansion", () => {
    expect(undeclared({ command: "ls $$HOME $${HOME}/x" })).toEqual([]);
    const [malformed] = undeclared({ command: "cd ${HOME:-/tmp}" });
    expect(malformed!.rule).toBe("malformed-template");
    expect(malformed!.message).toContain("'$${'");
  });
});

describe("one error per root cause", () => {
  it("node-order: once per (node, later node), however many templates name it", () => {
    const ir = cloneWorkflow(notes);
    ir.nodes[0].params.encoding = "${summarize_notes.response}";
    ir.nodes[0].params.extra = {
      a: "${summarize_notes.response}",
      b: ["${summarize_notes.llm_usage}", "${save_summary.written}"],
    };
    const { errors } = validateWorkflow(ir, contextOf(notes));
    expect(rulesOf(errors)).toEqual(["node-order", "node-order"]);
    expect(errors[0]!.message).toContain("references 'summarize_notes' which comes after it");
    expect(errors[0]!.message).toContain(
      "(template '${summarize_notes.response}' in parameter 'encoding', and 2 more templates naming it)",
    );
    expect(errors[1]!.message).toContain("references 'save_summary' which comes after it");
    expect(errors[1]!.message).not.toContain("more template");
  });

  it("node-order: a node naming itself twice is one error", () => {
    const ir = cloneWorkflow(notes);
    ir.nodes[1].params.system = "${summarize_notes.response} ${summarize_notes.llm_usage}";
    const { errors } = validateWorkflow(ir, contextOf(notes));
    expect(rulesOf(errors)).toEqual(["node-order"]);
    expect(errors[0]!.message).toContain("(and 1 more template naming it)");
  });

  it("node-order: the retry prompt carries the other causes too", () => {
    const ir = cloneWorkflow(notes);
    ir.nodes[0].params.extra = ["${save_summary.written}", "${save_summary.error}"];
    ir.nodes[0].params.encoding = "${save_summary.error}";
    ir.nodes[1].params.prompt += " See notes.txt.";
    const { errors } = validateWorkflow(ir, contextOf(notes));
    expect(rulesOf(firstErrorsForPrompt(errors, 3))).toEqual(["node-order", "hardcoded"]);
  });

  it("unused-input: one error naming every unused input", () => {
    const ir = cloneWorkflow(notes);
    for (const name of ["backup_dir", "archive_dir", "log_file"]) {
      ir.inputs[name] = { description: name, required: true, type: "string" };
    }
    ir.nodes[1].params.prompt += " See notes.txt.";
    const result = validateWorkflow(ir, contextOf(notes));
    expect(rulesOf(result.errors)).toEqual(["unused-input", "hardcoded"]);
    const [unused] = result.errors;
    expect(unused!.path).toBe("inputs");
    expect(unused!.message).toContain("never used as template variable: backup_dir, archive_dir");
    expect(unused!.message).toContain("log_file");
    expect(rulesOf(firstErrorsForPrompt(result.errors, 3))).toEqual(["unused-input", "hardcoded"]);
    // omittedIssues counts issues, not inputs.
    const capped = validateWorkflow(ir, contextOf(notes), { maxIssues: 1 });
    expect(capped.omittedIssues).toBe(1);
    expect(findWorkflowIssues(ir, parseValidationContext(contextOf(notes))).count).toBe(2);
  });
});

describe("template-type: an object written to a file", () => {
  const planningContext = `${notes.planningContext}

### http-request
Sends an HTTP request and returns the parsed response.

**Inputs**:
- \`url: str\` - URL to request

**Outputs**:
- \`response: dict\` - Parsed JSON body
- \`items: list[dict]\` - Items of a paged response
- \`status_code: int\` - HTTP status

**Parameters**: none
`;

  function fetchAndSave(content: string, param = "content") {
    const ir = cloneWorkflow(notes);
    ir.inputs = {
      url: { description: "URL", required: true, type: "string" },
      summary_file: ir.inputs.summary_file,
    };
    ir.nodes = [
      { id: "fetch_data", type: "http-request", params: { url: "${url}" } },
      {
        id: "save_response",
        type: "write-file",
        params: { file_path: "${summary_file}", [param]: content },
      },
    ];
    ir.edges = [{ from: "fetch_data", to: "save_response" }];
    return validateWorkflow(ir, { planningContext });
  }

  it.each(["${fetch_data.response}", "${fetch_data.items}"])(
    "does not warn when %s is a file's content",
    (content) => {
      const result = fetchAndSave(content);
      expect(result.errors).toEqual([]);
      expect(result.warnings).toEqual([]);
    },
  );

  it("still warns for an object in a parameter that is not a file's content", () => {
    const result = fetchAndSave("${fetch_data.response}", "file_path");
    expect(rulesOf(result.warnings)).toEqual(["template-type"]);
  });
});
