import type { GenerationObserver } from "../../observability/generation-observer.js";
import type { SpendLimiter } from "../quota/spend-limiter.js";
import type { Coalescer, Flight, FlightListener, Work } from "./coalescer.js";

export interface SharedGenerationRequest<T, E = never> {
  coalescer: Coalescer;
  limiter: SpendLimiter;
  observer: GenerationObserver;
  task: "mode" | "workflow";
  /** The generation's identity: identical requests share one key. */
  key: string;
  principal: string;
  /** The caller's own signal: it may leave on its own. */
  signal: AbortSignal | undefined;
  work: Work<T, E>;
  /** Hears when this caller is in and what the generation publishes (streamed subscriptions). */
  listener?: FlightListener<E>;
}

/**
 * A model-backed generation as both services run it: only a caller that will start one spends
 * quota (joining one in flight is free); identical concurrent requests share it; the waiting
 * gauge counts every caller while it waits. Undefined when the caller left before the answer.
 */
export async function runSharedGeneration<T, E = never>(
  request: SharedGenerationRequest<T, E>,
): Promise<Flight<T> | undefined> {
  const { coalescer, limiter, observer, task, key, signal } = request;
  observer.recordWaiting(task, 1);
  let flight: Flight<T>;
  try {
    // Admission is asked only of a caller that starts the generation, on any replica.
    flight = await coalescer.run(
      key,
      signal,
      request.work,
      () => limiter.admit(request.principal),
      request.listener,
    );
  } catch (error) {
    if (!signal?.aborted) throw error;
    return undefined;
  } finally {
    observer.recordWaiting(task, -1);
  }
  if (flight.shared) observer.recordShared(task);
  return flight;
}
