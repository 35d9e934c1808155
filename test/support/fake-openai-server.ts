import { createServer } from "node:http";
import type { IncomingHttpHeaders, Server } from "node:http";
import type { AddressInfo } from "node:net";

/** One request the fake received, as the SDK sent it. */
export interface RecordedRequest {
  method: string;
  /** Path and query, e.g. /openai/deployments/model-router/chat/completions?api-version=... */
  url: string;
  headers: IncomingHttpHeaders;
  body: Record<string, unknown>;
}

/** A scripted reply: a status and JSON body, or a connection that never answers. */
export type ScriptedReply =
  { status: number; body: unknown; headers?: Record<string, string> } | { hang: true };

export type Responder = (request: RecordedRequest) => ScriptedReply;

/**
 * A real HTTP server on 127.0.0.1 speaking the chat-completions wire format of OpenAI and Azure
 * OpenAI. Replies come from a queue (one per request), then from `fallback`. Every request is
 * recorded so tests can assert what the real SDK sent.
 */
export class FakeOpenAiServer {
  readonly requests: RecordedRequest[] = [];
  private readonly queue: Array<ScriptedReply | Responder> = [];
  private readonly server: Server;
  private fallback: Responder = () => ({
    status: 500,
    body: { error: { message: "fake server: no reply scripted", type: "server_error" } },
  });

  constructor() {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on("data", (chunk: Buffer) => chunks.push(chunk));
      request.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        const recorded: RecordedRequest = {
          method: request.method ?? "",
          url: request.url ?? "",
          headers: request.headers,
          body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
        };
        this.requests.push(recorded);
        const next = this.queue.shift() ?? this.fallback;
        const reply = typeof next === "function" ? next(recorded) : next;
        if ("hang" in reply) return; // keep the socket open until the client gives up
        const payload = JSON.stringify(reply.body);
        response.writeHead(reply.status, {
          "content-type": "application/json",
          "content-length": Buffer.byteLength(payload),
          ...reply.headers,
        });
        response.end(payload);
      });
    });
  }

  /** Starts listening on an ephemeral loopback port. */
  async listen(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    return this;
  }

  /** e.g. http://127.0.0.1:40123 */
  get url(): string {
    const address = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${address.port}`;
  }

  /** Queues replies for the next requests, in order. */
  enqueue(...replies: Array<ScriptedReply | Responder>): this {
    this.queue.push(...replies);
    return this;
  }

  /** Reply used once the queue is empty. */
  respondByDefault(responder: Responder): this {
    this.fallback = responder;
    return this;
  }

  reset(): void {
    this.requests.length = 0;
    this.queue.length = 0;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
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
