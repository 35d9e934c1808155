import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { firstErrorsForPrompt } from "../../../src/services/workflow/error-cap.js";
import type { WorkflowRule } from "../../../src/services/workflow/rules/rule-table.js";
import {
  RETRY_PRIORITY,
  RULES,
  WORKFLOW_RULES,
  retryPriority,
  ruleOrder,
} from "../../../src/services/workflow/rules/rule-table.js";
import {
  findWorkflowIssues,
  parseValidationContext,
  validateWorkflow,
} from "../../../src/services/workflow/validate-workflow.js";
import type { WorkflowIssue } from "../../../src/services/workflow/workflow-issue.js";
import { BROKEN_WORKFLOWS, fixtureOf } from "../../support/broken-workflows.js";
import { cloneWorkflow, contextOf } from "../../support/workflow-fixtures.js";

const vendored = JSON.parse(
  readFileSync(new URL("../../fixtures/design/workflow-rules.json", import.meta.url), "utf8"),
) as { rules: { id: string; severity: string }[] };

/** Checked by how the generator loop feeds errors back, not by any check of a document. */
const BEHAVIOURAL_RULES = ["error-cap"];

/** Every broken workflow of the corpus, ready to validate. */
const corpus = Object.entries(BROKEN_WORKFLOWS).flatMap(([rule, ruleCases]) =>
  ruleCases.map((ruleCase) => {
    const fixture = fixtureOf(ruleCase);
    const ir = cloneWorkflow(fixture);
    ruleCase.bad(ir);
    return {
      label: `${rule}: ${ruleCase.name}`,
      ir,
      context: { ...contextOf(fixture), ...ruleCase.context },
    };
  }),
);

/**
 * Documents that break two rules at once (each case followed by the next case on the same fixture
 * for another rule), so that the retry prompt has errors of different priorities to choose from.
 */
const mixedCorpus = Object.entries(BROKEN_WORKFLOWS)
  .flatMap(([rule, ruleCases]) => ruleCases.map((ruleCase) => ({ rule, ruleCase })))
  .flatMap((first, index, all) => {
    const fixture = fixtureOf(first.ruleCase);
    const second = [...all.slice(index + 1), ...all.slice(0, index)].find(
      (other) => other.rule !== first.rule && fixtureOf(other.ruleCase) === fixture,
    );
    if (second === undefined) return [];
    const ir = cloneWorkflow(fixture);
    try {
      first.ruleCase.bad(ir);
      second.ruleCase.bad(ir);
    } catch {
      return []; // the first change removed what the second changes
    }
    return [
      {
        label: `${first.rule} + ${second.rule}`,
        ir,
        context: { ...contextOf(fixture), ...first.ruleCase.context, ...second.ruleCase.context },
      },
    ];
  });

function issuesOf(entry: (typeof corpus)[number]): WorkflowIssue[] {
  const result = validateWorkflow(entry.ir, entry.context, { maxIssues: 10_000 });
  return [...result.errors, ...result.warnings];
}

describe("the rule table", () => {
  it("lists every rule of workflow-rules.json with its severity, in the JSON's order", () => {
    expect(vendored.rules).toHaveLength(30);
    expect(WORKFLOW_RULES.map(({ id, severity }) => ({ id, severity }))).toEqual(
      vendored.rules.map(({ id, severity }) => ({ id, severity })),
    );
  });

  it("gives each row its position as report order, and finds it by id", () => {
    WORKFLOW_RULES.forEach((rule, index) => {
      expect(rule.order).toBe(index);
      expect(RULES[rule.id]).toBe(rule);
      expect(ruleOrder(rule.id)).toBe(index);
    });
    expect(ruleOrder("no-such-rule")).toBe(WORKFLOW_RULES.length);
    expect(retryPriority("no-such-rule")).toBe(RETRY_PRIORITY.unranked);
  });

  it("ranks warnings and behavioural rules last for the retry prompt", () => {
    for (const rule of WORKFLOW_RULES) {
      const unranked = rule.severity === "warning" || BEHAVIOURAL_RULES.includes(rule.id);
      expect(rule.retryPriority === RETRY_PRIORITY.unranked, rule.id).toBe(unranked);
    }
  });
});

describe("the rule table and the validator agree", () => {
  it("reports only ids of the table, with the table's severity", () => {
    for (const entry of [...corpus, ...mixedCorpus]) {
      for (const issue of issuesOf(entry)) {
        const row = WORKFLOW_RULES.find((rule) => rule.id === issue.rule);
        expect(row, `${entry.label}: ${issue.rule}`).toBeDefined();
        expect(issue.severity, `${entry.label}: ${issue.rule}`).toBe(row!.severity);
      }
    }
  });

  it("reports every rule of the table that a document can break (no dead rows)", () => {
    const reported = new Set(corpus.flatMap((entry) => issuesOf(entry).map((issue) => issue.rule)));
    const expected = WORKFLOW_RULES.map((rule) => rule.id).filter(
      (id) => !BEHAVIOURAL_RULES.includes(id),
    );
    expect([...reported].sort()).toEqual([...expected].sort());
  });

  it("lists errors and warnings each in table order", () => {
    for (const entry of [...corpus, ...mixedCorpus]) {
      const result = validateWorkflow(entry.ir, entry.context, { maxIssues: 10_000 });
      for (const list of [result.errors, result.warnings]) {
        const orders = list.map((issue) => ruleOrder(issue.rule));
        expect(orders, entry.label).toEqual([...orders].sort((left, right) => left - right));
      }
    }
  });
});

describe("the rule table and error-cap agree", () => {
  /** One error per rule of the table that can carry one. */
  const oneErrorPerRule: WorkflowIssue[] = WORKFLOW_RULES.filter(
    (rule) => rule.severity === "error",
  ).map((rule) => ({ rule: rule.id, severity: "error", message: `broke ${rule.id}` }));

  function byPriorityThenOrder(left: WorkflowRule, right: WorkflowRule): number {
    return left.retryPriority - right.retryPriority || left.order - right.order;
  }

  it("feeds errors back by the table's retry priority, then its order", () => {
    const expected = WORKFLOW_RULES.filter((rule) => rule.severity === "error")
      .sort(byPriorityThenOrder)
      .map((rule) => rule.id);
    const all = oneErrorPerRule.length;
    expect(firstErrorsForPrompt(oneErrorPerRule, all).map((issue) => issue.rule)).toEqual(expected);
    expect(
      firstErrorsForPrompt([...oneErrorPerRule].reverse(), all).map((issue) => issue.rule),
    ).toEqual(expected);
  });

  it("makes the same selection from findings as from the reported errors", () => {
    const ranked = mixedCorpus.filter((entry) => {
      const errors = validateWorkflow(entry.ir, entry.context).errors;
      return new Set(errors.map((issue) => retryPriority(issue.rule))).size > 1;
    });
    // Enough documents where priority and report order disagree to tell them apart.
    expect(ranked.length).toBeGreaterThan(10);
    for (const entry of [...corpus, ...mixedCorpus]) {
      const result = validateWorkflow(entry.ir, entry.context, { maxIssues: 10_000 });
      const findings = findWorkflowIssues(entry.ir, parseValidationContext(entry.context));
      expect(findings.mostActionable(3), entry.label).toEqual(
        firstErrorsForPrompt(result.errors, 3),
      );
    }
  });
});
