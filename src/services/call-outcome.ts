import type { GenerationFailure } from "../errors/generation-error.js";
import type { Deadline } from "../llm/deadline.js";

/**
 * The metrics outcome of a failed model call: its code, except when nobody waited any more
 * (the client went away, every caller of a shared generation left, shutdown cut it). Such a call
 * ends as an abort that adapters report as UPSTREAM_TIMEOUT, which would blame the provider.
 */
export function callOutcome(failure: GenerationFailure, deadline: Deadline): string {
  return deadline.signal.aborted && !deadline.expired ? "cancelled" : failure.code;
}
