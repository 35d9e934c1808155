import type { IssueSeverity } from "../workflow-issue.js";

/**
 * How directly a model can act on a rule's errors when they are fed back for a retry, lower
 * first. The retry prompt only carries a few errors (error-cap.ts), so those few should be the
 * ones whose fix is most direct and that cause other errors.
 */
export const RETRY_PRIORITY = {
  /** The document itself is broken: nothing else can be judged until it is fixed. */
  brokenDocument: 0,
  /** A wrong name, fixed by picking one of the alternatives the message lists. */
  wrongName: 1,
  /** The shape of the chain: edges to add, remove or reorder. */
  chainShape: 2,
  /** Policy rules that rarely cause other errors. */
  policy: 3,
  /** Never chosen before a ranked error: warnings, and the behavioural error-cap rule. */
  unranked: 4,
} as const;

export type RetryPriority = (typeof RETRY_PRIORITY)[keyof typeof RETRY_PRIORITY];

interface RuleSettings {
  readonly severity: IssueSeverity;
  readonly retryPriority: RetryPriority;
}

const { brokenDocument, wrongName, chainShape, policy, unranked } = RETRY_PRIORITY;

/**
 * Every rule of design/workflow-rules.json, one row each, in that file's order, which is the
 * order the validator reports issues in. The ids are public (GraphQL `WorkflowIssue.rule`), so
 * they never change; a rule implementation reports through its row (`RULES["cycle"]`) and never
 * states its own severity or rank. Tests keep this table in step with the design file, the
 * validator and error-cap.
 *
 * Messages are not in the table: a rule has several wordings (node-shape has seven), each chosen
 * by what its check found and built from the check's own findings, and each is written once, in
 * that check.
 */
const SETTINGS = {
  "root-fields": { severity: "error", retryPriority: brokenDocument },
  "ir-version": { severity: "error", retryPriority: brokenDocument },
  "nodes-empty": { severity: "error", retryPriority: brokenDocument },
  "node-shape": { severity: "error", retryPriority: brokenDocument },
  "duplicate-id": { severity: "error", retryPriority: brokenDocument },
  "descriptive-id": { severity: "error", retryPriority: policy },
  "unknown-type": { severity: "error", retryPriority: wrongName },
  "duplicate-type": { severity: "error", retryPriority: policy },
  "edge-shape": { severity: "error", retryPriority: brokenDocument },
  "edge-ref": { severity: "error", retryPriority: wrongName },
  "edge-action": { severity: "error", retryPriority: chainShape },
  branching: { severity: "error", retryPriority: chainShape },
  merge: { severity: "error", retryPriority: chainShape },
  cycle: { severity: "error", retryPriority: chainShape },
  connectivity: { severity: "error", retryPriority: chainShape },
  "start-node": { severity: "error", retryPriority: chainShape },
  "input-shape": { severity: "error", retryPriority: brokenDocument },
  "input-required-default": { severity: "error", retryPriority: policy },
  "optional-input-default": { severity: "warning", retryPriority: unranked },
  "malformed-template": { severity: "error", retryPriority: wrongName },
  "undeclared-var": { severity: "error", retryPriority: wrongName },
  "node-ref-missing": { severity: "error", retryPriority: wrongName },
  "node-order": { severity: "error", retryPriority: chainShape },
  "node-output": { severity: "error", retryPriority: wrongName },
  "node-ref": { severity: "error", retryPriority: wrongName },
  "unused-input": { severity: "error", retryPriority: policy },
  hardcoded: { severity: "error", retryPriority: policy },
  "workflow-node": { severity: "error", retryPriority: wrongName },
  // Behavioural (how many errors the retry prompt carries): no document check reports it.
  "error-cap": { severity: "error", retryPriority: unranked },
  "template-type": { severity: "warning", retryPriority: unranked },
} as const satisfies Record<string, RuleSettings>;

export type WorkflowRuleId = keyof typeof SETTINGS;

/** One rule: its public id, its severity, where it reports and how it ranks for a retry. */
export interface WorkflowRule extends RuleSettings {
  readonly id: WorkflowRuleId;
  /** Position in the table: issues are reported in this order. */
  readonly order: number;
}

/** The rows in report order. */
export const WORKFLOW_RULES: readonly WorkflowRule[] = Object.entries(SETTINGS).map(
  ([id, settings], order) => Object.freeze({ id: id as WorkflowRuleId, order, ...settings }),
);

/** The rows by id: what a rule implementation reports with. */
export const RULES = Object.fromEntries(WORKFLOW_RULES.map((rule) => [rule.id, rule])) as Readonly<
  Record<WorkflowRuleId, WorkflowRule>
>;

/** The row of a reported rule id, or undefined for an id the table does not know. */
export function ruleById(id: string): WorkflowRule | undefined {
  return Object.hasOwn(RULES, id) ? RULES[id as WorkflowRuleId] : undefined;
}

/** Position of a rule in the table; unknown ids sort last. */
export function ruleOrder(id: string): number {
  return ruleById(id)?.order ?? WORKFLOW_RULES.length;
}

/** How directly a model can act on an error of rule `id` (RETRY_PRIORITY); unknown ids last. */
export function retryPriority(id: string): RetryPriority {
  return ruleById(id)?.retryPriority ?? RETRY_PRIORITY.unranked;
}
