import { GenerationFailure } from "../../../errors/generation-error.js";
import { planFromContext } from "../offline-planner.js";
import { OFFLINE_PLANNER_MODEL } from "../workflow.types.js";
import type { AttemptGenerator } from "./attempt-generator.js";

/**
 * The deterministic offline planner as the one generation of a request without a model, judged
 * by the same validator afterwards. It reads the planning context parsed in prepareRequest, and
 * ignores the prompt: it plans from the request's fields, not from text.
 */
export const offlineGeneration: AttemptGenerator = async (prepared) => {
  const plan = planFromContext(prepared);
  if ("failure" in plan) {
    throw new GenerationFailure(
      "GENERATION_INVALID",
      `The offline planner could not build a valid workflow from the offered components: ${plan.failure}`,
    );
  }
  return { data: plan.workflow, model: OFFLINE_PLANNER_MODEL, usage: {}, httpCalls: 0 };
};
