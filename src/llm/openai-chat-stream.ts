import type OpenAI from "openai";
import { OpenAIError } from "openai";
import type {
  ChatCompletionCreateParamsBase,
  ParsedChatCompletion,
} from "openai/resources/chat/completions";
import { createFieldFeed } from "./streaming/field-feed.js";
import { streamFailure } from "./streaming/stream-failure.js";
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
  stream.on("content.delta", ({ delta }) => feed.write(delta));
  try {
    return await stream.finalChatCompletion();
  } catch (error) {
    throw streamFailure(error, OpenAIError, { connected, feed }, options.label);
  }
}
