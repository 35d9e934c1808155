import { describe, expect, it } from "vitest";
import type { WorkflowValidationContext } from "../../../src/services/workflow/validate-workflow.js";
import { validateWorkflow } from "../../../src/services/workflow/validate-workflow.js";
import type { WorkflowIssue } from "../../../src/services/workflow/workflow-issue.js";
import type { WorkflowFixture } from "../../support/workflow-fixtures.js";
import { cloneWorkflow, contextOf } from "../../support/workflow-fixtures.js";
import type { Ir } from "../../support/broken-workflows.js";
import { BROKEN_WORKFLOWS, fixtureOf } from "../../support/broken-workflows.js";

function validate(
  fixture: WorkflowFixture,
  ir: Ir,
  context: Partial<WorkflowValidationContext> = {},
) {
  return validateWorkflow(ir, { ...contextOf(fixture), ...context });
}

function allIssues(result: {
  errors: WorkflowIssue[];
  warnings: WorkflowIssue[];
}): WorkflowIssue[] {
  return [...result.errors, ...result.warnings];
}

describe("validateWorkflow: one defect per rule", () => {
  for (const [rule, ruleCases] of Object.entries(BROKEN_WORKFLOWS)) {
    describe(rule, () => {
      for (const ruleCase of ruleCases) {
        const fixture = fixtureOf(ruleCase);
        it(`${ruleCase.name}: reported with rule, node, parameter and token`, () => {
          const ir = cloneWorkflow(fixture);
          ruleCase.bad(ir);
          const result = validate(fixture, ir, ruleCase.context);
          const issues = allIssues(result);
          expect(issues.map((issue) => issue.rule)).toContain(rule);
          // Only this rule is broken.
          expect(issues.filter((issue) => issue.rule !== rule)).toEqual([]);
          const issue = issues.find((candidate) =>
            ruleCase.tokens.every((token) => candidate.message.includes(token)),
          );
          expect(issue, issues.map((candidate) => candidate.message).join("\n")).toBeDefined();
          if (ruleCase.path !== undefined) expect(issue!.path).toBe(ruleCase.path);
          if (ruleCase.nodeId !== undefined) expect(issue!.nodeId).toBe(ruleCase.nodeId);
          const warning = rule === "optional-input-default" || rule === "template-type";
          expect(issue!.severity).toBe(warning ? "warning" : "error");
          expect(result.valid).toBe(warning);
        });
        it(`${ruleCase.name}: a close valid workflow passes`, () => {
          const ir = cloneWorkflow(fixture);
          ruleCase.good?.(ir);
          const result = validate(fixture, ir, ruleCase.goodContext ?? ruleCase.context);
          expect(allIssues(result)).toEqual([]);
        });
      }
    });
  }

  it("covers every rule that can be broken by a document", () => {
    expect(Object.keys(BROKEN_WORKFLOWS).sort()).toEqual(
      [
        "root-fields",
        "ir-version",
        "nodes-empty",
        "node-shape",
        "duplicate-id",
        "descriptive-id",
        "unknown-type",
        "duplicate-type",
        "edge-shape",
        "edge-ref",
        "edge-action",
        "branching",
        "merge",
        "cycle",
        "connectivity",
        "start-node",
        "input-shape",
        "input-required-default",
        "optional-input-default",
        "malformed-template",
        "undeclared-var",
        "node-ref-missing",
        "node-order",
        "node-output",
        "node-ref",
        "unused-input",
        "hardcoded",
        "workflow-node",
        "template-type",
      ].sort(),
    );
  });
});
