import { GenerationFailure } from "../../../errors/generation-error.js";
import type { TokenUsage } from "../../../errors/generation-error.js";
import type { GenerationObserver } from "../../../observability/generation-observer.js";
import type { StructuredLlm } from "../../../llm/structured-llm.js";
import { callOutcome } from "../../call-outcome.js";
import { flowIrSchema } from "../flow-ir.contract.js";
import { WORKFLOW_TOOL_NAME } from "../workflow.types.js";
import type { AttemptGenerator } from "./attempt-generator.js";

export interface ModelGenerationOptions {
  llm: StructuredLlm;
  /** Receives every model call for the metrics. */
  observer: GenerationObserver;
  /** `max_tokens` per generation. */
  maxOutputTokens: number;
}

/** One model call per generation, each recorded (outcome, latency, usage) for the metrics. */
export function modelGeneration(options: ModelGenerationOptions): AttemptGenerator {
  const { llm, observer, maxOutputTokens } = options;
  return async (prepared, prompt, deadline) => {
    const started = performance.now();
    const record = (outcome: string, usage: TokenUsage) =>
      observer.recordModelCall({
        task: "workflow",
        provider: llm.provider,
        outcome,
        latencyMs: performance.now() - started,
        usage,
      });
    try {
      const answer = await llm.generate({
        system: prompt.system,
        user: prompt.user,
        output: {
          name: WORKFLOW_TOOL_NAME,
          description:
            "Submit the complete FlowIR workflow document (ir_version, inputs, nodes, edges).",
          schema: flowIrSchema,
          jsonSchema: prepared.toolSchema,
          // The validator judges the answer and explains every problem; a zod rejection here
          // would lose the workflow we feed back on retry.
          validate: false,
        },
        model: prepared.model,
        temperature: prepared.temperature,
        maxOutputTokens,
        signal: deadline.signal,
        deadline,
      });
      record("ok", answer.usage);
      return answer;
    } catch (error) {
      if (error instanceof GenerationFailure) record(callOutcome(error, deadline), error.usage);
      throw error;
    }
  };
}
