import { upstreamFailure } from "../upstream-failure.js";
import type { FieldFeed } from "./field-feed.js";

/** An SDK's base error class (OpenAIError, AnthropicError). */
export type SdkErrorClass = abstract new (...args: never[]) => Error;

/** How far a stream got before it failed. */
export interface StreamProgress {
  /** The response's headers arrived (the SDK's `connect` event). */
  connected: boolean;
  /** The stream's field feed, which knows the listener's own errors. */
  feed: FieldFeed;
}

/**
 * What a stream's failure really was. Both SDKs' stream helpers wrap anything that is not their
 * own error (the ZodError of the final parse, a listener's exception) in a bare instance of their
 * base error class with the original as `cause`: that original is the failure, mapped as
 * `generate` maps it. Once connected, the stream ended before its last event when:
 * - a bare error has no cause (OpenAI: "missing finish_reason", "request ended without sending
 *   any chunks");
 * - reading the body failed with a TypeError that the listener did not throw: fetch reports a
 *   network error so (the Fetch standard's class; undici's "terminated" when the connection drops
 *   mid-answer), and neither SDK wraps it in a class of its own once the response has started.
 * The base class's subclasses (HTTP statuses, abort, connection) and anything thrown before the
 * request was answered are mapped as for `generate`. The class is passed in, so this module
 * imports neither SDK (each is loaded only when configured).
 */
export function streamFailure(
  error: unknown,
  sdkError: SdkErrorClass,
  progress: StreamProgress,
  label: string,
): unknown {
  const bare = error instanceof sdkError && error.constructor === sdkError;
  if (bare && error.cause === undefined) {
    return progress.connected ? upstreamFailure(label, { kind: "cut-short" }, error) : error;
  }
  const original = bare ? error.cause : error;
  if (progress.connected && original instanceof TypeError && !progress.feed.threw(original)) {
    return upstreamFailure(label, { kind: "cut-short" }, original);
  }
  return original;
}
