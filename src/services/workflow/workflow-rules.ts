/**
 * The rules of design/workflow-rules.json, in that file's order: the order in which the validator
 * reports issues. A unit test keeps this table in step with the vendored JSON.
 */
export const WORKFLOW_RULES = [
  { id: "root-fields", severity: "error" },
  { id: "ir-version", severity: "error" },
  { id: "nodes-empty", severity: "error" },
  { id: "node-shape", severity: "error" },
  { id: "duplicate-id", severity: "error" },
  { id: "descriptive-id", severity: "error" },
  { id: "unknown-type", severity: "error" },
  { id: "duplicate-type", severity: "error" },
  { id: "edge-shape", severity: "error" },
  { id: "edge-ref", severity: "error" },
  { id: "edge-action", severity: "error" },
  { id: "branching", severity: "error" },
  { id: "merge", severity: "error" },
  { id: "cycle", severity: "error" },
  { id: "connectivity", severity: "error" },
  { id: "start-node", severity: "error" },
  { id: "input-shape", severity: "error" },
  { id: "input-required-default", severity: "error" },
  { id: "optional-input-default", severity: "warning" },
  { id: "malformed-template", severity: "error" },
  { id: "undeclared-var", severity: "error" },
  { id: "node-ref-missing", severity: "error" },
  { id: "node-order", severity: "error" },
  { id: "node-output", severity: "error" },
  { id: "node-ref", severity: "error" },
  { id: "unused-input", severity: "error" },
  { id: "hardcoded", severity: "error" },
  { id: "workflow-node", severity: "error" },
  { id: "error-cap", severity: "error" },
  { id: "template-type", severity: "warning" },
] as const;

export type WorkflowRuleId = (typeof WORKFLOW_RULES)[number]["id"];

const RULE_INDEX = new Map<string, number>(WORKFLOW_RULES.map((rule, index) => [rule.id, index]));

/** Position of a rule in the table; unknown ids sort last. */
export function ruleOrder(rule: string): number {
  return RULE_INDEX.get(rule) ?? WORKFLOW_RULES.length;
}

export function ruleSeverity(rule: WorkflowRuleId): "error" | "warning" {
  return WORKFLOW_RULES[ruleOrder(rule)]!.severity;
}
