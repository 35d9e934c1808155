import type { WorkflowIssue } from "./workflow-issue.js";
import { compareIssues } from "./workflow-issue.js";

/**
 * How actionable each rule's errors are for a model on retry, lower first. The validator reports
 * in rule order (stable, readable); the retry prompt only carries a few errors (error-cap), so
 * those few should be the ones whose fix is most direct and that cause other errors: a broken
 * document first, then wrong names (fixed by picking from the listed alternatives), then the shape
 * of the chain, then policy rules that rarely cascade.
 */
const ACTIONABILITY: Record<string, number> = {
  "root-fields": 0,
  "ir-version": 0,
  "nodes-empty": 0,
  "node-shape": 0,
  "duplicate-id": 0,
  "edge-shape": 0,
  "input-shape": 0,
  "unknown-type": 1,
  "edge-ref": 1,
  "malformed-template": 1,
  "undeclared-var": 1,
  "node-ref-missing": 1,
  "node-ref": 1,
  "node-output": 1,
  "workflow-node": 1,
  "node-order": 2,
  "edge-action": 2,
  branching: 2,
  merge: 2,
  cycle: 2,
  connectivity: 2,
  "start-node": 2,
  hardcoded: 3,
  "input-required-default": 3,
  "unused-input": 3,
  "duplicate-type": 3,
  "descriptive-id": 3,
};

/** The default number of errors fed back to the model (seed: "use only first 3 errors"). */
export const PROMPT_ERROR_LIMIT = 3;

/**
 * The `limit` most actionable errors, in a stable order (error-cap). Equal tiers keep the
 * validator's order (rule, then path), so the same workflow always yields the same selection.
 */
export function firstErrorsForPrompt(
  errors: readonly WorkflowIssue[],
  limit: number = PROMPT_ERROR_LIMIT,
): WorkflowIssue[] {
  const seen = new Set<string>();
  const chosen: WorkflowIssue[] = [];
  const sorted = errors
    .filter((issue) => issue.severity === "error")
    .sort(
      (left, right) =>
        actionabilityTier(left.rule) - actionabilityTier(right.rule) || compareIssues(left, right),
    );
  for (const issue of sorted) {
    if (chosen.length >= limit) break;
    if (seen.has(issue.message)) continue;
    seen.add(issue.message);
    chosen.push(issue);
  }
  return chosen;
}

/** How directly a model can act on an error of `rule`, lower first (see ACTIONABILITY). */
export function actionabilityTier(rule: string): number {
  return ACTIONABILITY[rule] ?? 4;
}

/** One line for a retry prompt: the message is what the model acts on; the rule id helps logs. */
export function formatIssue(issue: WorkflowIssue): string {
  return `[${issue.rule}] ${issue.message}`;
}
