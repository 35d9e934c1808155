/**
 * A signal that aborts when either does (the caller's own, and its stream's reader leaving).
 *
 * `AbortSignal.any` is safe here, unlike for deadlines (llm/deadline.ts): on Node 20 it holds its
 * sources weakly, which loses a timeout signal nothing else references; both sources here belong
 * to AbortControllers their owners keep (the request or subscription, and the event stream) for
 * as long as the generation runs.
 */
export function joinSignals(first: AbortSignal | undefined, second: AbortSignal): AbortSignal {
  return first ? AbortSignal.any([first, second]) : second;
}
