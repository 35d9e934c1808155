import { Deadline } from "../../../llm/deadline.js";
import type { GenerationObserver } from "../../../observability/generation-observer.js";
import type { GenerationCache } from "../../sharing/generation-cache.js";
import type { WorkflowStore } from "../workflow-store.js";
import type { GenerateWorkflowResult, WorkflowAttemptRecord } from "../workflow.types.js";
import { runGenerationLoop } from "./generation-loop.js";
import type { GenerationLoopSettings } from "./generation-loop.js";
import type { PreparedRequest } from "./prepared-request.js";
import { logWorkflowOutcome } from "./workflow-outcome-log.js";

export interface FreshGenerationSettings {
  loop: GenerationLoopSettings;
  /** Deadline over every model call of the request, in ms (WorkflowServiceOptions). */
  overallTimeoutMs: number;
  observer: GenerationObserver;
  /** A model answers: its generations count in the in-flight gauge (the planner's do not). */
  hasModel: boolean;
  store: WorkflowStore;
  cache: GenerationCache<GenerateWorkflowResult>;
}

/**
 * One request's own generation: the loop under the overall deadline, timed; a success is kept
 * for node(id) and, under `cacheKey`, for identical later requests; the outcome is logged.
 * `onAttempt` hears each attempt as soon as it is judged.
 */
export async function generateFresh(
  prepared: PreparedRequest,
  signal: AbortSignal | undefined,
  cacheKey: string | undefined,
  settings: FreshGenerationSettings,
  onAttempt?: (attempt: WorkflowAttemptRecord) => void,
): Promise<GenerateWorkflowResult> {
  prepared.logger.debug(`Generating workflow for: ${prepared.userInput.slice(0, 100)}...`);
  const deadline = new Deadline(settings.overallTimeoutMs, signal);
  const started = performance.now();
  if (settings.hasModel) settings.observer.recordGeneration("workflow", 1);
  let result: GenerateWorkflowResult;
  try {
    result = await runGenerationLoop(prepared, deadline, settings.loop, onAttempt);
  } finally {
    if (settings.hasModel) settings.observer.recordGeneration("workflow", -1);
    deadline.dispose();
  }
  result.generation.latencyMs = Math.round(performance.now() - started);
  if (result.workflow) {
    await settings.store.save(result.workflow);
    if (cacheKey !== undefined) await settings.cache.set(cacheKey, result);
  }
  logWorkflowOutcome(prepared, result);
  return result;
}
