import { LoopbackJsonServer } from "./loopback-json-server.js";
import type { RecordedRequest, Responder, ScriptedReply } from "./loopback-json-server.js";

export type { RecordedRequest, Responder, ScriptedReply } from "./loopback-json-server.js";

/**
 * A real HTTP server on 127.0.0.1 speaking the chat-completions wire format of OpenAI and Azure
 * OpenAI: scripted replies, every request recorded (see LoopbackJsonServer).
 */
export class FakeOpenAiServer extends LoopbackJsonServer {
  constructor() {
    super(() => ({
      status: 500,
      body: { error: { message: "fake server: no reply scripted", type: "server_error" } },
    }));
  }
}

export interface CompletionOptions {
  content?: string | null;
  refusal?: string | null;
  finishReason?: "stop" | "length" | "content_filter";
  model?: string;
  promptTokens?: number;
  completionTokens?: number;
}

/** A chat.completion body as the API returns it. */
export function chatCompletion(options: CompletionOptions): ScriptedReply {
  return {
    status: 200,
    body: {
      id: "chatcmpl-test",
      object: "chat.completion",
      created: 1_700_000_000,
      model: options.model ?? "gpt-4o-2024-08-06",
      choices: [
        {
          index: 0,
          finish_reason: options.finishReason ?? "stop",
          message: {
            role: "assistant",
            content: options.content ?? null,
            refusal: options.refusal ?? null,
          },
        },
      ],
      usage: {
        prompt_tokens: options.promptTokens ?? 321,
        completion_tokens: options.completionTokens ?? 123,
        total_tokens: (options.promptTokens ?? 321) + (options.completionTokens ?? 123),
      },
    },
  };
}

/** A chat.completion whose content is `value` serialised as JSON. */
export function jsonCompletion(value: unknown, options: CompletionOptions = {}): ScriptedReply {
  return chatCompletion({ ...options, content: JSON.stringify(value) });
}

/** An OpenAI-style error body with the given status. */
export function errorReply(
  status: number,
  message: string,
  extra: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): ScriptedReply {
  return { status, body: { error: { message, type: "error", ...extra } }, headers };
}

/** The `response_format.type` a recorded request asked for ("json_schema", "json_object", ...). */
export function responseFormatOf(request: RecordedRequest): string | undefined {
  const format = request.body.response_format as { type?: unknown } | undefined;
  return typeof format?.type === "string" ? format.type : undefined;
}

/**
 * A responder for an OpenAI-compatible server without structured outputs (older vLLM, LM Studio,
 * many proxies): HTTP 400 to any `json_schema` request, `answer` to everything else.
 */
export function withoutJsonSchemaSupport(answer: Responder): Responder {
  return (request) =>
    responseFormatOf(request) === "json_schema"
      ? errorReply(400, "response_format of type json_schema is not supported", {
          type: "invalid_request_error",
          param: "response_format",
        })
      : answer(request);
}
