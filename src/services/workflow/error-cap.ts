import { retryPriority } from "./rules/rule-table.js";
import type { WorkflowIssue } from "./workflow-issue.js";
import { compareIssues } from "./workflow-issue.js";

/** The default number of errors fed back to the model (seed: "use only first 3 errors"). */
export const PROMPT_ERROR_LIMIT = 3;

/**
 * The `limit` most actionable errors (lowest retry priority of the rule table first), in a stable
 * order (error-cap). Equal priorities keep the validator's order (rule, then path), so the same
 * workflow always yields the same selection. The validator reports in rule order, which reads
 * well; the retry prompt wants the errors whose fix is most direct and that cause the others.
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
        retryPriority(left.rule) - retryPriority(right.rule) || compareIssues(left, right),
    );
  for (const issue of sorted) {
    if (chosen.length >= limit) break;
    if (seen.has(issue.message)) continue;
    seen.add(issue.message);
    chosen.push(issue);
  }
  return chosen;
}

/** One line for a retry prompt: the message is what the model acts on; the rule id helps logs. */
export function formatIssue(issue: WorkflowIssue): string {
  return `[${issue.rule}] ${issue.message}`;
}
