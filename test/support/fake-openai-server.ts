import { LoopbackJsonServer, serverSentEvent, tokenPieces } from "./loopback-json-server.js";
import type {
  RecordedRequest,
  Responder,
  ScriptedReply,
  StreamedEvent,
} from "./loopback-json-server.js";

export type { RecordedRequest, Responder, ScriptedReply } from "./loopback-json-server.js";

/**
 * A real HTTP server on 127.0.0.1 speaking the chat-completions wire format of OpenAI and Azure
 * OpenAI: scripted replies, every request recorded (see LoopbackJsonServer). A scripted
 * chat.completion answers a `stream: true` request as `chat.completion.chunk` events instead.
 */
export class FakeOpenAiServer extends LoopbackJsonServer {
  constructor() {
    super(() => ({
      status: 500,
      body: { error: { message: "fake server: no reply scripted", type: "server_error" } },
    }));
  }

  protected override toEventStream(body: unknown, request: RecordedRequest): StreamedEvent[] {
    return completionChunks(body as ChatCompletionBody, {
      includeUsage: includesUsage(request),
      charactersPerToken: this.pace.charactersPerToken,
    });
  }
}

/** The parts of a scripted chat.completion body the stream is built from. */
interface ChatCompletionBody {
  id: string;
  created: number;
  model: string;
  choices: Array<{
    index: number;
    finish_reason: string;
    message: { role: string; content: string | null; refusal: string | null };
  }>;
  usage: Record<string, number>;
}

/**
 * The chunks the API streams for one completion: a role chunk, the content (or refusal) a token
 * at a time, a chunk with the finish reason, then, when `stream_options.include_usage` was set, a
 * chunk with no choices and the usage; then `[DONE]`.
 */
function completionChunks(
  body: ChatCompletionBody,
  options: { includeUsage: boolean; charactersPerToken: number },
): StreamedEvent[] {
  const choice = body.choices[0]!;
  const chunk = (delta: Record<string, unknown>, finishReason: string | null = null) => ({
    id: body.id,
    object: "chat.completion.chunk",
    created: body.created,
    model: body.model,
    choices: [{ index: choice.index, delta, finish_reason: finishReason, logprobs: null }],
    ...(options.includeUsage ? { usage: null } : {}),
  });
  const envelope = (data: unknown): StreamedEvent => ({
    text: serverSentEvent(data),
    token: false,
  });
  const token = (data: unknown): StreamedEvent => ({ text: serverSentEvent(data), token: true });
  const { content, refusal } = choice.message;
  const events: StreamedEvent[] = [
    envelope(chunk({ role: "assistant", content: refusal === null ? "" : null, refusal: null })),
  ];
  for (const piece of tokenPieces(content ?? "", options.charactersPerToken)) {
    events.push(token(chunk({ content: piece })));
  }
  for (const piece of tokenPieces(refusal ?? "", options.charactersPerToken)) {
    events.push(token(chunk({ refusal: piece })));
  }
  events.push(envelope(chunk({}, choice.finish_reason)));
  if (options.includeUsage) {
    events.push(envelope({ ...chunk({}), choices: [], usage: body.usage }));
  }
  events.push(envelope("[DONE]"));
  return events;
}

function includesUsage(request: RecordedRequest): boolean {
  const streamOptions = request.body.stream_options as { include_usage?: unknown } | undefined;
  return streamOptions?.include_usage === true;
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
