import { describe, expect, it } from "vitest";
import {
  firstErrorsForPrompt,
  formatIssue,
  validateWorkflow,
} from "../../../src/services/workflow/validate-workflow.js";
import type { WorkflowIssue } from "../../../src/services/workflow/validate-workflow.js";
import { compareIssues } from "../../../src/services/workflow/workflow-issue.js";
import { cloneWorkflow, contextOf, loadFixture } from "../../support/workflow-fixtures.js";

const notes = loadFixture("summarize-notes");
const changelog = loadFixture("changelog-from-commits");
const release = loadFixture("release-notes-from-saved-workflow");

/** A changelog workflow with defects across every group, on a valid chain. */
function brokenChangelog() {
  const ir = cloneWorkflow(changelog);
  ir.nodes[0].type = "git-logs"; // unknown-type
  ir.nodes[1].params.prompt = "Changelog since v1.4.0: ${list_commits.commits} ${limit}"; // hardcoded + undeclared
  ir.nodes[2].params.content = "${draft_changelog.text}"; // node-output
  ir.nodes[3].params.message = "${commit_changelog.commit_sha} ${write_changelog}"; // node-order + node-ref
  ir.edges[0].action = "default"; // edge-action
  ir.inputs.unused_flag = { description: "x", required: false, type: "boolean" }; // unused + warning
  return ir;
}

function signature(issues: readonly WorkflowIssue[]): string[] {
  return issues.map((issue) => `${issue.rule}|${issue.nodeId ?? ""}|${issue.message}`).sort();
}

function expectSorted(issues: readonly WorkflowIssue[]): void {
  const sorted = [...issues].sort(compareIssues);
  expect(issues).toEqual(sorted);
}

describe("validateWorkflow behaviour", () => {
  it("reports all errors at once, in rule order then path", () => {
    const result = validateWorkflow(brokenChangelog(), contextOf(changelog));
    expect(result.valid).toBe(false);
    expect([...new Set(result.errors.map((issue) => issue.rule))]).toEqual([
      "unknown-type",
      "edge-action",
      "undeclared-var",
      "node-order",
      "node-output",
      "node-ref",
      "unused-input",
      "hardcoded",
    ]);
    expect(result.warnings.map((issue) => issue.rule)).toEqual(["optional-input-default"]);
    expectSorted(result.errors);
  });

  it("is deterministic: same input, identical output", () => {
    const first = validateWorkflow(brokenChangelog(), contextOf(changelog));
    const second = validateWorkflow(brokenChangelog(), contextOf(changelog));
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
  });

  it("gives the same issues when the node array is shuffled but the edges are the same", () => {
    const reference = validateWorkflow(brokenChangelog(), contextOf(changelog));
    for (const order of [
      [3, 2, 1, 0],
      [1, 3, 0, 2],
      [2, 0, 3, 1],
    ]) {
      const ir = brokenChangelog();
      ir.nodes = order.map((index) => ir.nodes[index]);
      const result = validateWorkflow(ir, contextOf(changelog));
      expect(signature(result.errors)).toEqual(signature(reference.errors));
      expect(signature(result.warnings)).toEqual(signature(reference.warnings));
      expectSorted(result.errors);
    }
  });

  it("stops after the shape checks when the document is not usable", () => {
    const ir = cloneWorkflow(notes);
    delete ir.nodes[1].type;
    ir.nodes[2].params.content = "${nowhere}";
    ir.name = "x";
    const result = validateWorkflow(ir, contextOf(notes));
    expect(result.errors.map((issue) => issue.rule)).toEqual(["root-fields", "node-shape"]);
  });

  it.each([null, [], "workflow", 42])(
    "rejects a non-object document (%j) without throwing",
    (ir) => {
      const result = validateWorkflow(ir);
      expect(result.valid).toBe(false);
      expect(result.errors.map((issue) => issue.rule)).toEqual(["root-fields"]);
    },
  );

  it("skips component checks without a planning context or browsed components", () => {
    const ir = cloneWorkflow(notes);
    ir.nodes[0].type = "anything-goes";
    ir.nodes[1].params.prompt = "${read_notes.whatever.deep[0]} ${max_words}";
    expect(validateWorkflow(ir).errors).toEqual([]);
    const withContext = validateWorkflow(ir, { planningContext: notes.planningContext });
    expect(withContext.errors.map((issue) => issue.rule)).toEqual(["unknown-type"]);
  });

  it("accepts references to any earlier node and to inputs in both template forms", () => {
    const ir = cloneWorkflow(notes);
    ir.nodes[2].params.content = "$summarize_notes.response\n\nSource: ${read_notes.content}";
    ir.nodes[2].params.file_path = "$summary_file";
    expect(validateWorkflow(ir, contextOf(notes)).errors).toEqual([]);
  });

  it("uses edges, not array order, for execution order; falls back to array order for unrelated pieces", () => {
    const ir = cloneWorkflow(notes);
    // save_summary -> read_notes -> summarize_notes would make read_notes' output later than needed.
    ir.nodes = [ir.nodes[2], ir.nodes[0], ir.nodes[1]];
    expect(validateWorkflow(ir, contextOf(notes)).errors).toEqual([]);
    const broken = cloneWorkflow(notes);
    broken.edges = [{ from: "summarize_notes", to: "save_summary" }];
    broken.nodes[0].params.encoding = "${save_summary.error}";
    const result = validateWorkflow(broken, contextOf(notes));
    expect(result.errors.map((issue) => issue.rule)).toEqual(["connectivity", "node-order"]);
  });

  it("reads workflow node outputs from output_mapping, even without a planning context", () => {
    const ir = cloneWorkflow(release);
    expect(validateWorkflow(ir).errors).toEqual([]);
    ir.nodes[1].params.prompt = "${build_changelog.release_changelg}";
    const [issue] = validateWorkflow(ir).errors;
    expect(issue!.rule).toBe("node-output");
    expect(issue!.message).toContain("Did you mean 'release_changelog'?");
  });

  it("does not trip over prototype-like names", () => {
    const ir = cloneWorkflow(notes);
    ir.nodes[0].type = "constructor";
    ir.nodes[1].params.prompt = "${toString} ${__proto__.x} ${read_notes.content} ${max_words}";
    const result = validateWorkflow(ir, contextOf(notes));
    expect(result.errors.map((issue) => issue.rule)).toEqual([
      "unknown-type",
      "undeclared-var",
      "node-ref-missing",
    ]);
  });
});

describe("firstErrorsForPrompt (error-cap)", () => {
  it("keeps at most 3, most actionable first, stable across calls", () => {
    const ir = brokenChangelog();
    ir.nodes[1].id = "n2";
    ir.edges[0].to = "n2";
    ir.edges[1].from = "n2";
    ir.nodes[2].params.content = "${n2.text}";
    const { errors } = validateWorkflow(ir, contextOf(changelog));
    expect(errors[0]!.rule).toBe("descriptive-id");
    const first = firstErrorsForPrompt(errors, 3);
    expect(first).toHaveLength(3);
    expect(first[0]!.rule).toBe("unknown-type");
    expect(first.map((issue) => issue.rule)).not.toContain("descriptive-id");
    expect(firstErrorsForPrompt([...errors].reverse(), 3)).toEqual(first);
    expect(firstErrorsForPrompt(errors, 0)).toEqual([]);
  });

  it("ignores warnings and formats an issue as a prompt line", () => {
    const issue: WorkflowIssue = { rule: "template-type", severity: "warning", message: "m" };
    expect(firstErrorsForPrompt([issue])).toEqual([]);
    expect(formatIssue({ rule: "edge-ref", severity: "error", message: "Fix it" })).toBe(
      "[edge-ref] Fix it",
    );
  });
});
