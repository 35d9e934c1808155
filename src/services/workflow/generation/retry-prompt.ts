import { estimatePromptTokens } from "../prompt-tokens.js";
import type { WorkflowFindings } from "../validate-workflow.js";
import { buildWorkflowPrompt, PROMPT_ERROR_LIMIT } from "../workflow.prompt.js";
import type { WorkflowPrompt, WorkflowPromptInput } from "../workflow.prompt.js";
import type { PreparedRequest } from "./prepared-request.js";

/**
 * The retry prompt: the first errors (by actionability) and the workflow they were found in.
 * When that would push the prompt past `maxPromptTokens`, the workflow is left out (the
 * original's behaviour) rather than failing a request we already accepted.
 */
export function retryPrompt(
  prepared: PreparedRequest,
  findings: WorkflowFindings,
  previousWorkflow: Record<string, unknown>,
  attempt: number,
  maxPromptTokens: number,
): WorkflowPrompt {
  // Chosen among all errors, not only the ones the answer lists (VALIDATION_MAX_ISSUES).
  const promptErrors = findings.mostActionable(PROMPT_ERROR_LIMIT).map((issue) => issue.message);
  const base: WorkflowPromptInput = {
    userInput: prepared.userInput,
    planningContext: prepared.planningMarkdown,
    discoveredParams: prepared.discoveredParams,
    retry: { errors: promptErrors, previousWorkflow, attempt },
  };
  const withWorkflow = buildWorkflowPrompt(base);
  const { estimatedTokens } = estimatePromptTokens({
    ...withWorkflow,
    toolSchema: prepared.toolSchema,
  });
  if (estimatedTokens <= maxPromptTokens) return withWorkflow;
  prepared.logger.warn(
    { attempt, estimatedTokens, limit: maxPromptTokens },
    "Retry prompt with the previous workflow is too large; sending the errors only",
  );
  return buildWorkflowPrompt({ ...base, retry: { errors: promptErrors, attempt } });
}
