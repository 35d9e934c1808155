import { ContentFilterFinishReasonError, LengthFinishReasonError } from "openai/core/error";
import type { ChatCompletion } from "openai/resources/chat/completions";
import { GenerationFailure } from "../errors/generation-error.js";
import type { TokenUsage } from "../errors/generation-error.js";
import { toGenerationFailure } from "./openai-errors.js";
import type { StructuredOutputSpec } from "./structured-llm.js";

/** The JSON a chat completion carried, before any decoding or schema check. */
export interface CompletionJson {
  json: unknown;
  /** The message content as sent, for failures found later (schema checks). */
  rawText: string;
  model: string;
  usage: TokenUsage;
}

export interface ReadCompletionOptions {
  /** Human label used in error messages, e.g. "OpenAI". */
  label: string;
  /**
   * Accept the object inside a Markdown code fence. JSON-mode answers of local models often come
   * wrapped in one; strict answers never do. Default false.
   */
  unwrapCodeFence?: boolean;
}

/** The first choice's message once every way the answer can be unusable has been ruled out. */
export interface CompletionMessage<Completion extends ChatCompletion> {
  message: Completion["choices"][number]["message"];
  /** The message content as sent; undefined when the model sent none. */
  content: string | undefined;
  usage: TokenUsage;
}

/**
 * The checks every chat completion gets, on the parse path and the create path alike:
 * no choice, finish_reason length / content_filter (the SDK's own error classes, so mapping and
 * messages stay those of the parse path), then refusal.
 */
export function readCompletionMessage<Completion extends ChatCompletion>(
  completion: Completion,
  label: string,
): CompletionMessage<Completion> {
  const usage: TokenUsage = {
    inputTokens: completion.usage?.prompt_tokens,
    outputTokens: completion.usage?.completion_tokens,
  };
  const choice = completion.choices[0];
  if (!choice) {
    throw new GenerationFailure("GENERATION_INVALID", `${label} returned no choices`, { usage });
  }
  const content = choice.message.content ?? undefined;
  if (choice.finish_reason === "length") {
    throw withUsage(toGenerationFailure(new LengthFinishReasonError(), label), usage, content);
  }
  if (choice.finish_reason === "content_filter") {
    throw withUsage(
      toGenerationFailure(new ContentFilterFinishReasonError(), label),
      usage,
      content,
    );
  }
  if (choice.message.refusal) {
    throw new GenerationFailure(
      "GENERATION_REFUSED",
      `${label} refused: ${choice.message.refusal}`,
      { usage, rawText: choice.message.refusal },
    );
  }
  return { message: choice.message, content, usage };
}

/** Reads the JSON answer of a `chat.completions.create` call: the message checks, then JSON. */
export function readCompletionJson(
  completion: ChatCompletion,
  options: ReadCompletionOptions,
): CompletionJson {
  const { label } = options;
  const { content, usage } = readCompletionMessage(completion, label);
  if (content === undefined || content.trim() === "") {
    throw new GenerationFailure("GENERATION_INVALID", `${label} returned an empty answer`, {
      usage,
    });
  }
  const text = options.unwrapCodeFence ? unwrapCodeFence(content) : content;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw withUsage(toGenerationFailure(error, label), usage, content);
  }
  return { json, rawText: content, model: completion.model, usage };
}

/**
 * The answer as the caller asked for it: unchecked when `validate` is false (the caller judges
 * it), else checked against the zod contract, a mismatch being GENERATION_INVALID with the
 * issues so the services' repair retry applies.
 */
export function checkAnswer<T>(
  data: unknown,
  output: StructuredOutputSpec<T>,
  answer: CompletionJson,
  label: string,
): T {
  if (output.validate === false) return data as T;
  const parsed = output.schema.safeParse(data);
  if (!parsed.success) {
    throw withUsage(toGenerationFailure(parsed.error, label), answer.usage, answer.rawText);
  }
  return parsed.data;
}

/** The same failure, carrying the call's token usage and the model's text. */
function withUsage(
  failure: GenerationFailure,
  usage: TokenUsage,
  rawText: string | undefined,
): GenerationFailure {
  return failure.withDetails({ rawText: failure.rawText ?? rawText, usage });
}

const CODE_FENCE = /^\s*```[A-Za-z]*\s*\n([\s\S]*?)\n?```\s*$/;

function unwrapCodeFence(content: string): string {
  return CODE_FENCE.exec(content)?.[1] ?? content;
}
