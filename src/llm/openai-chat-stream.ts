import type OpenAI from "openai";
import { OpenAIError } from "openai";
import type {
  ChatCompletionCreateParamsBase,
  ParsedChatCompletion,
} from "openai/resources/chat/completions";
import { createFieldFeed } from "./streaming/field-feed.js";
import { upstreamFailure } from "./upstream-failure.js";
import type { AnswerFieldListener } from "./structured-llm.js";

/**
 * One chat completion, streamed: the same request body as the non-streaming call (the SDK adds
 * `stream: true`), its text fed to `onField`'s reader as it arrives, and the completion the SDK
 * assembles from the chunks, shaped like a non-streaming one (and parsed by an auto-parseable
 * `zodResponseFormat` as `parse` would), so the adapter's checks apply unchanged.
 *
 * Usage only arrives when asked for (`stream_options.include_usage`), in a last chunk without
 * choices. On abort the SDK cancels the response body, which closes the connection.
 */
export async function streamChatCompletion(
  client: OpenAI,
  body: Omit<ChatCompletionCreateParamsBase, "stream">,
  options: { signal: AbortSignal | undefined; label: string; onField: AnswerFieldListener },
): Promise<ParsedChatCompletion<unknown>> {
  const feed = createFieldFeed(options.onField);
  const stream = client.chat.completions.stream(
    { ...body, stream_options: { include_usage: true } },
    { signal: options.signal },
  );
  let connected = false;
  stream.on("connect", () => (connected = true));
  stream.on("content.delta", ({ delta }) => feed(delta));
  try {
    return await stream.finalChatCompletion();
  } catch (error) {
    throw streamFailure(error, connected, options.label);
  }
}

/** The SDK's base error class itself, not one of its subclasses (statuses, abort, ...). */
function isBareSdkError(error: unknown): error is OpenAIError {
  return error instanceof OpenAIError && error.constructor === OpenAIError;
}

/**
 * What the stream's failure really was. The SDK's stream helper wraps anything that is not its own
 * error (the ZodError of the final parse, a listener's exception) in a bare OpenAIError with the
 * original as `cause`: that original is the failure, mapped as `generate` maps it. Once connected,
 * a bare error without a cause is a stream that ended before its last event ("missing
 * finish_reason", "request ended without sending any chunks"). Its subclasses
 * (HTTP statuses, abort, connection) and anything thrown before the request was answered are
 * mapped as for `generate`.
 */
function streamFailure(error: unknown, connected: boolean, label: string): unknown {
  if (!isBareSdkError(error)) return error;
  if (error.cause !== undefined) return error.cause;
  return connected ? upstreamFailure(label, { kind: "cut-short" }, error) : error;
}
