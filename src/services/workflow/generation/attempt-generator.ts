import type { Deadline } from "../../../llm/deadline.js";
import type { StructuredAnswer } from "../../../llm/structured-llm.js";
import type { WorkflowPrompt } from "../workflow.prompt.js";
import type { PreparedRequest } from "./prepared-request.js";

/**
 * One generation of a workflow document: a model call (model-generation.ts) or the offline
 * planner (offline-generation.ts). An unusable answer is a GenerationFailure; the loop decides
 * whether another generation may help.
 */
export type AttemptGenerator = (
  prepared: PreparedRequest,
  prompt: WorkflowPrompt,
  deadline: Deadline,
) => Promise<StructuredAnswer<unknown>>;
