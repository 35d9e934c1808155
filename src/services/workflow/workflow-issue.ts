import { ruleOrder } from "./workflow-rules.js";

export type IssueSeverity = "error" | "warning";

export interface WorkflowIssue {
  /** Rule id from design/workflow-rules.json, e.g. "undeclared-var". */
  rule: string;
  severity: IssueSeverity;
  /** Names the node, parameter and offending token, and says what to do instead. */
  message: string;
  /** Location in the document, e.g. "nodes[1].params.prompt", "edges[0].from", "inputs.limit". */
  path?: string;
  nodeId?: string;
}

export interface WorkflowValidation {
  valid: boolean;
  errors: WorkflowIssue[];
  warnings: WorkflowIssue[];
}

/**
 * Natural order of document paths: "nodes[2]" before "nodes[10]", and the root (no path) first.
 * Digit runs compare as numbers so the order does not change when an array grows past 9 items.
 */
export function comparePaths(left: string | undefined, right: string | undefined): number {
  if (left === right) return 0;
  if (left === undefined) return -1;
  if (right === undefined) return 1;
  const leftParts = left.match(/\d+|\D+/g) ?? [];
  const rightParts = right.match(/\d+|\D+/g) ?? [];
  for (let index = 0; index < Math.min(leftParts.length, rightParts.length); index++) {
    const a = leftParts[index]!;
    const b = rightParts[index]!;
    if (a === b) continue;
    const bothNumbers = /^\d/.test(a) && /^\d/.test(b);
    if (bothNumbers) return Number(a) - Number(b);
    return a < b ? -1 : 1;
  }
  return leftParts.length - rightParts.length;
}

/** Rule order, then path, then message: a total order that does not depend on discovery order. */
export function compareIssues(left: WorkflowIssue, right: WorkflowIssue): number {
  return (
    ruleOrder(left.rule) - ruleOrder(right.rule) ||
    comparePaths(left.path, right.path) ||
    (left.message < right.message ? -1 : left.message > right.message ? 1 : 0)
  );
}

/** Drops repeats of the same rule, path and message, then sorts. */
export function sortAndDedupe(issues: readonly WorkflowIssue[]): WorkflowIssue[] {
  const seen = new Set<string>();
  const unique: WorkflowIssue[] = [];
  for (const issue of issues) {
    const key = `${issue.rule}\u0000${issue.path ?? ""}\u0000${issue.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    unique.push(issue);
  }
  return unique.sort(compareIssues);
}
