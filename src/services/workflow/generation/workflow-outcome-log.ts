import { PROMPT_VERSION } from "../workflow.prompt.js";
import type { GenerateWorkflowResult } from "../workflow.types.js";
import type { PreparedRequest } from "./prepared-request.js";

/**
 * One info line per generation: first-attempt success rate, attempts per success, latency and
 * tokens, what the original never recorded (workflow.md section 5).
 */
export function logWorkflowOutcome(
  prepared: PreparedRequest,
  result: GenerateWorkflowResult,
): void {
  prepared.logger.info(
    {
      promptVersion: PROMPT_VERSION,
      success: result.success,
      errorCode: result.errorCode,
      generations: result.attempts.length,
      httpCalls: result.generation.attempts,
      firstAttemptSuccess: result.success && result.attempts.length === 1,
      generationAttempts: result.generationAttempts,
      latencyMs: result.generation.latencyMs,
      inputTokens: result.generation.inputTokens,
      outputTokens: result.generation.outputTokens,
      estimatedPromptTokens: prepared.promptTokens,
      model: result.generation.model,
    },
    result.success ? "Workflow generated" : "Workflow generation failed",
  );
}
