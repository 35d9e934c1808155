import type { GenerateWorkflowResult } from "../workflow.types.js";
import type { AnsweringModel } from "./answering-model.js";
import type { PreparedRequest } from "./prepared-request.js";

/** A caller that went away before the answer: nobody reads this, but it must be well-formed. */
export function cancelledResult(
  prepared: PreparedRequest,
  answering: AnsweringModel,
): GenerateWorkflowResult {
  return {
    success: false,
    workflow: null,
    error: "The request was cancelled before the model answered",
    errorCode: "UPSTREAM_TIMEOUT",
    generationAttempts: prepared.priorAttempts,
    validationErrors: [],
    attempts: [],
    generation: {
      provider: answering.provider,
      model: prepared.model ?? answering.defaultModel,
      cached: false,
      shared: false,
      attempts: 0,
      latencyMs: 0,
      inputTokens: null,
      outputTokens: null,
    },
  };
}
