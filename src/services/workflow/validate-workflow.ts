import type { WorkflowIssue, WorkflowValidation } from "./workflow-issue.js";

export type { IssueSeverity, WorkflowIssue, WorkflowValidation } from "./workflow-issue.js";
export { firstErrorsForPrompt, formatIssue } from "./error-cap.js";

export interface WorkflowValidationContext {
  planningContext?: string;
  browsedComponents?: { nodeIds: string[]; workflowNames: string[] };
  discoveredParams?: Record<string, unknown>;
}

/** Work in progress: the signature is final, the rules land in the next commits. */
export function validateWorkflow(
  ir: unknown,
  context: WorkflowValidationContext = {},
): WorkflowValidation {
  void context;
  const errors: WorkflowIssue[] = [];
  if (ir === null || typeof ir !== "object" || Array.isArray(ir)) {
    errors.push({
      rule: "root-fields",
      severity: "error",
      message: "workflow must be a JSON object",
    });
  }
  return { valid: errors.length === 0, errors, warnings: [] };
}
