import type { GenerationObserver } from "../../../observability/generation-observer.js";
import { cachedInfo, sharedInfo, tokensOf } from "../../generation-info.js";
import type { SpendLimiter } from "../../quota/spend-limiter.js";
import type { Coalescer, FlightListener, Work } from "../../sharing/coalescer.js";
import type { GenerationCache } from "../../sharing/generation-cache.js";
import { runSharedGeneration } from "../../sharing/shared-generation.js";
import type { GenerateWorkflowResult, WorkflowAttemptRecord } from "../workflow.types.js";

export interface WorkflowSharing {
  cache: GenerationCache<GenerateWorkflowResult>;
  coalescer: Coalescer;
  limiter: SpendLimiter;
  observer: GenerationObserver;
}

export interface SharedWorkflowRequest {
  /** workflowCacheKey of the prepared request. */
  key: string;
  principal: string;
  signal: AbortSignal | undefined;
  /** Makes the generation when this caller is the one to start it, publishing its attempts. */
  generate: Work<GenerateWorkflowResult, WorkflowAttemptRecord>;
  /** Hears when this caller is in, and each attempt (a streaming caller). */
  listener?: FlightListener<WorkflowAttemptRecord>;
  /** The answer of a caller that left before the generation ended. */
  cancelled: () => GenerateWorkflowResult;
}

/**
 * A deterministic (temperature 0) model generation: served from the cache, or joined to an
 * identical one in flight (free), or made here and its tokens charged to the principal. Each
 * caller's answer reports its own latency.
 */
export async function generateShared(
  sharing: WorkflowSharing,
  request: SharedWorkflowRequest,
): Promise<GenerateWorkflowResult> {
  const startedAt = performance.now();
  const latency = () => Math.round(performance.now() - startedAt);
  const cached = await sharing.cache.get(request.key);
  if (cached) {
    sharing.observer.recordCacheHit("workflow");
    return { ...cached, generation: cachedInfo(cached.generation, latency()) };
  }
  const flight = await runSharedGeneration({
    coalescer: sharing.coalescer,
    limiter: sharing.limiter,
    observer: sharing.observer,
    task: "workflow",
    key: request.key,
    principal: request.principal,
    signal: request.signal,
    work: request.generate,
    listener: request.listener,
  });
  if (!flight) return request.cancelled();
  if (!flight.shared) return charged(sharing.limiter, request.principal, flight.value);
  return { ...flight.value, generation: sharedInfo(flight.value.generation, latency()) };
}

/** Charges the tokens `result` used to the principal, and returns it. */
export async function charged(
  limiter: SpendLimiter,
  principal: string,
  result: GenerateWorkflowResult,
): Promise<GenerateWorkflowResult> {
  await limiter.chargeTokens(principal, tokensOf(result.generation));
  return result;
}
