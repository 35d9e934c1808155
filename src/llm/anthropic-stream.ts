import { AnthropicError } from "@anthropic-ai/sdk";
import type { Anthropic } from "@anthropic-ai/sdk";
import type { Message } from "@anthropic-ai/sdk/resources/messages";
import type { MessageStreamParams } from "@anthropic-ai/sdk/resources/messages/messages";
import { GenerationFailure } from "../errors/generation-error.js";
import { createFieldFeed } from "./streaming/field-feed.js";
import { streamFailure } from "./streaming/stream-failure.js";
import { upstreamFailure } from "./upstream-failure.js";
import type { AnswerFieldListener } from "./structured-llm.js";

/**
 * One Messages request, streamed: the forced tool's input arrives as `input_json_delta` pieces of
 * the first content block, fed to `onField`'s reader as they come, and the message the SDK
 * assembles from the events (stop reason and usage from `message_delta`) is returned shaped like
 * a non-streaming one, so the adapter's checks apply unchanged.
 *
 * One difference is put right here: the SDK builds a streamed tool input with a lenient
 * partial-JSON parser, which turns cut-off or malformed JSON into a plausible object (a string cut
 * mid-word becomes a shorter string). The API parses the input itself when not streaming, so the
 * input is parsed again strictly from the text that arrived.
 */
export async function streamToolMessage(
  client: Anthropic,
  request: MessageStreamParams,
  options: { signal: AbortSignal | undefined; label: string; onField: AnswerFieldListener },
): Promise<Message> {
  const feed = createFieldFeed(options.onField);
  let inputText = "";
  let connected = false;
  const stream = client.messages.stream(request, { signal: options.signal });
  stream.on("connect", () => (connected = true));
  stream.on("streamEvent", (event) => {
    if (
      event.type === "content_block_delta" &&
      event.index === 0 &&
      event.delta.type === "input_json_delta"
    ) {
      inputText += event.delta.partial_json;
      feed.write(event.delta.partial_json);
    }
  });
  let message: Message;
  try {
    message = await stream.finalMessage();
  } catch (error) {
    throw streamFailure(error, AnthropicError, { connected, feed }, options.label);
  }
  if (message.stop_reason === null) {
    throw upstreamFailure(options.label, { kind: "cut-short" }, message);
  }
  return withStrictToolInput(message, inputText, options.label);
}

/**
 * The message with its first block's tool input parsed strictly. Left as the SDK built it when
 * the stop reason already explains an unusable answer (max_tokens, refusal: the adapter reports
 * those) or the first block is no tool call (the adapter reports that too).
 */
function withStrictToolInput(message: Message, inputText: string, label: string): Message {
  const [first, ...rest] = message.content;
  const explained = message.stop_reason === "max_tokens" || message.stop_reason === "refusal";
  if (first?.type !== "tool_use" || explained) return message;
  let input: unknown;
  try {
    // An empty input streams no delta at all; the SDK and the API both make it `{}`.
    input = inputText === "" ? {} : JSON.parse(inputText);
  } catch (error) {
    throw new GenerationFailure(
      "GENERATION_INVALID",
      `${label} streamed a tool input that is not valid JSON`,
      {
        cause: error,
        rawText: inputText,
        issues: [error instanceof Error ? error.message : String(error)],
        usage: {
          inputTokens: message.usage.input_tokens,
          outputTokens: message.usage.output_tokens,
        },
      },
    );
  }
  return { ...message, content: [{ ...first, input }, ...rest] };
}
