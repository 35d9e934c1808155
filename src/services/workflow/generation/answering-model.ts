import type { StructuredLlm } from "../../../llm/structured-llm.js";
import type { GenerationInfo } from "../../generation-info.js";
import { OFFLINE_PLANNER_MODEL } from "../workflow.types.js";

/** Who answers a service's generations, as GenerationInfo reports it. */
export interface AnsweringModel {
  provider: GenerationInfo["provider"];
  /** The model when a request names none: the client's, or the offline planner. */
  defaultModel: string;
}

export function answeringModel(llm: StructuredLlm | undefined): AnsweringModel {
  return {
    provider: llm?.provider ?? "offline",
    defaultModel: llm?.defaultModel ?? OFFLINE_PLANNER_MODEL,
  };
}
