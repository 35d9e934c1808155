import { upstreamFailure } from "../upstream-failure.js";

/** An SDK's base error class (OpenAIError, AnthropicError). */
export type SdkErrorClass = abstract new (...args: never[]) => Error;

/**
 * What a stream's failure really was. Both SDKs' stream helpers wrap anything that is not their
 * own error (the ZodError of the final parse, a listener's exception) in a bare instance of their
 * base error class with the original as `cause`: that original is the failure, mapped as
 * `generate` maps it. Once connected, a bare error without a cause is a stream that ended before
 * its last event (OpenAI: "missing finish_reason", "request ended without sending any chunks").
 * The base class's subclasses (HTTP statuses, abort, connection) and anything thrown before the
 * request was answered are mapped as for `generate`. The class is passed in, so this module
 * imports neither SDK (each is loaded only when configured).
 */
export function streamFailure(
  error: unknown,
  sdkError: SdkErrorClass,
  connected: boolean,
  label: string,
): unknown {
  const bare = error instanceof sdkError && error.constructor === sdkError;
  if (!bare) return error;
  if (error.cause !== undefined) return error.cause;
  return connected ? upstreamFailure(label, { kind: "cut-short" }, error) : error;
}
