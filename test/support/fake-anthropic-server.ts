import type { IncomingHttpHeaders } from "node:http";
import { LoopbackJsonServer, serverSentEvent, tokenPieces } from "./loopback-json-server.js";
import type {
  RecordedRequest,
  Responder,
  ScriptedReply,
  StreamedEvent,
} from "./loopback-json-server.js";

/** The shared shapes, under the names the Anthropic tests use. */
export type RecordedAnthropicRequest = RecordedRequest;
export type AnthropicReply = ScriptedReply;
export type AnthropicResponder = Responder;

export interface ToolUseOptions {
  /** Tool name in the block; default "generated_workflow". */
  toolName?: string;
  model?: string;
  stopReason?: string;
  inputTokens?: number;
  outputTokens?: number;
}

/** A 200 Messages API answer whose first content block is a `tool_use` carrying `input`. */
export function toolUseReply(input: unknown, options: ToolUseOptions = {}): AnthropicReply {
  return messageReply(
    [
      {
        type: "tool_use",
        id: "toolu_fake_1",
        name: options.toolName ?? "generated_workflow",
        input,
      },
    ],
    options,
  );
}

/** A 200 Messages API answer with the given content blocks (may be empty or malformed). */
export function messageReply(content: unknown, options: ToolUseOptions = {}): AnthropicReply {
  return {
    status: 200,
    body: {
      id: "msg_fake_1",
      type: "message",
      role: "assistant",
      model: options.model ?? "claude-sonnet-4-20250514",
      content,
      stop_reason: options.stopReason ?? "tool_use",
      stop_sequence: null,
      usage: {
        input_tokens: options.inputTokens ?? 1200,
        output_tokens: options.outputTokens ?? 300,
        cache_creation_input_tokens: null,
        cache_read_input_tokens: null,
      },
    },
  };
}

/**
 * An Anthropic error body with its status. By default `retry-after-ms: 1` keeps retry backoff out
 * of test time (the retry loop honours the header for 429/5xx retries).
 */
export function errorReply(
  status: number,
  type: string,
  message = "fake error",
  headers: Record<string, string> = { "retry-after-ms": "1" },
): AnthropicReply {
  return { status, body: { type: "error", error: { type, message } }, headers };
}

/**
 * A real HTTP server on 127.0.0.1 speaking the Messages API (`POST /v1/messages`): scripted
 * replies, every request recorded (see LoopbackJsonServer). Accepts the key as `x-api-key` or
 * `Authorization: Bearer` (the SDK sends the latter) and answers 401 without one. A scripted
 * message answers a `stream: true` request as the API's event stream instead.
 */
export class FakeAnthropicServer extends LoopbackJsonServer {
  constructor() {
    super(() => errorReply(500, "api_error", "fake server: no reply scripted"));
  }

  /** Messages requests only (the SDK sends nothing else here, but be explicit). */
  get messageRequests(): RecordedAnthropicRequest[] {
    return this.requests.filter((request) => request.url.startsWith("/v1/messages"));
  }

  protected override replyTo(request: RecordedAnthropicRequest): AnthropicReply {
    if (request.method !== "POST" || !request.url.startsWith("/v1/messages")) {
      return errorReply(404, "not_found_error", `fake server: no route ${request.url}`);
    }
    if (!hasApiKey(request.headers)) {
      return errorReply(401, "authentication_error", "x-api-key or Authorization header required");
    }
    return super.replyTo(request);
  }

  protected override toEventStream(body: unknown): StreamedEvent[] {
    return messageEvents(body as MessageBody, this.pace.charactersPerToken);
  }

  protected override headersFor(requestNumber: number): Record<string, string> {
    return { "request-id": `req_fake_${requestNumber}` };
  }
}

/** The key the request carried, from `x-api-key` or `Authorization: Bearer`. */
export function apiKeyOf(headers: IncomingHttpHeaders): string | undefined {
  const apiKey = headers["x-api-key"];
  if (typeof apiKey === "string" && apiKey !== "") return apiKey;
  const authorization = headers.authorization;
  const match = typeof authorization === "string" ? /^Bearer\s+(.+)$/i.exec(authorization) : null;
  return match?.[1];
}

function hasApiKey(headers: IncomingHttpHeaders): boolean {
  return apiKeyOf(headers) !== undefined;
}

/** The parts of a scripted Messages API body the stream is built from. */
interface MessageBody {
  content: unknown;
  stop_reason: string;
  usage: { output_tokens: number } & Record<string, unknown>;
}

/**
 * The events the API streams for one message: `message_start` (no content yet, usage so far),
 * per block a `content_block_start` with an empty input or text, its JSON or text a token at a
 * time (`input_json_delta` / `text_delta`), `content_block_stop`; then `message_delta` with the
 * stop reason and the output tokens, and `message_stop`.
 */
function messageEvents(body: MessageBody, charactersPerToken: number): StreamedEvent[] {
  const event = (type: string, data: Record<string, unknown>, token = false): StreamedEvent => ({
    text: serverSentEvent({ type, ...data }, type),
    token,
  });
  const events: StreamedEvent[] = [
    event("message_start", {
      message: {
        ...body,
        content: [],
        stop_reason: null,
        stop_sequence: null,
        usage: { ...body.usage, output_tokens: 1 },
      },
    }),
  ];
  const blocks = Array.isArray(body.content)
    ? (body.content as Array<Record<string, unknown>>)
    : [];
  blocks.forEach((block, index) => {
    const isToolUse = block.type === "tool_use";
    const { input, text, ...start } = block;
    events.push(
      event("content_block_start", {
        index,
        content_block: isToolUse ? { ...start, input: {} } : { ...start, text: "" },
      }),
    );
    const whole = isToolUse ? JSON.stringify(input) : String(text ?? "");
    for (const piece of tokenPieces(whole, charactersPerToken)) {
      const delta = isToolUse
        ? { type: "input_json_delta", partial_json: piece }
        : { type: "text_delta", text: piece };
      events.push(event("content_block_delta", { index, delta }, true));
    }
    events.push(event("content_block_stop", { index }));
  });
  events.push(
    event("message_delta", {
      delta: { stop_reason: body.stop_reason, stop_sequence: null },
      usage: { output_tokens: body.usage.output_tokens },
    }),
    event("message_stop", {}),
  );
  return events;
}
