import { createServer } from "node:http";
import type { IncomingHttpHeaders, Server } from "node:http";
import type { AddressInfo } from "node:net";

/** One request the fake received, as the SDK sent it. */
export interface RecordedAnthropicRequest {
  method: string;
  /** Path and query, e.g. /v1/messages */
  url: string;
  headers: IncomingHttpHeaders;
  /** The parsed JSON body. */
  body: Record<string, unknown>;
}

/** A scripted reply: a status and JSON body, or a connection that never answers. */
export type AnthropicReply =
  { status: number; body: unknown; headers?: Record<string, string> } | { hang: true };

export type AnthropicResponder = (request: RecordedAnthropicRequest) => AnthropicReply;

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
 * An Anthropic error body with its status. `retry-after-ms: 1` keeps the SDK's backoff out of test
 * time (it honours the header for 429/5xx retries).
 */
export function errorReply(status: number, type: string, message = "fake error"): AnthropicReply {
  return {
    status,
    body: { type: "error", error: { type, message } },
    headers: { "retry-after-ms": "1" },
  };
}

/**
 * A real HTTP server on 127.0.0.1 speaking the Messages API (`POST /v1/messages`). Replies come
 * from a queue, one per request, then from `fallback`. Every request is recorded so tests can
 * assert what the real SDK sent. Requests without a key (`Authorization: Bearer` or `x-api-key`,
 * the SDK uses the former) get the API's 401.
 */
export class FakeAnthropicServer {
  readonly requests: RecordedAnthropicRequest[] = [];
  private readonly queue: Array<AnthropicReply | AnthropicResponder> = [];
  private readonly server: Server;
  private fallback: AnthropicResponder = () =>
    errorReply(500, "api_error", "fake server: no reply scripted");

  constructor() {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on("data", (chunk: Buffer) => chunks.push(chunk));
      request.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        const recorded: RecordedAnthropicRequest = {
          method: request.method ?? "",
          url: request.url ?? "",
          headers: request.headers,
          body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
        };
        this.requests.push(recorded);
        const reply = this.replyTo(recorded);
        if ("hang" in reply) return; // keep the socket open until the client gives up
        const payload = JSON.stringify(reply.body);
        response.writeHead(reply.status, {
          "content-type": "application/json",
          "content-length": Buffer.byteLength(payload),
          "request-id": `req_fake_${this.requests.length}`,
          ...reply.headers,
        });
        response.end(payload);
      });
    });
  }

  /** Starts listening on an ephemeral loopback port. */
  async start(): Promise<this> {
    await new Promise<void>((resolve, reject) => {
      this.server.once("error", reject);
      this.server.listen(0, "127.0.0.1", () => resolve());
    });
    return this;
  }

  /** Base URL for the SDK's `baseURL` (the SDK appends /v1/messages). */
  get url(): string {
    const address = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${address.port}`;
  }

  /** Queues replies, consumed one per request in order. */
  enqueue(...replies: Array<AnthropicReply | AnthropicResponder>): this {
    this.queue.push(...replies);
    return this;
  }

  /** What to answer once the queue is empty (default: 500). */
  setFallback(responder: AnthropicResponder): this {
    this.fallback = responder;
    return this;
  }

  /** Messages requests only (the SDK sends nothing else here, but be explicit). */
  get messageRequests(): RecordedAnthropicRequest[] {
    return this.requests.filter((request) => request.url.startsWith("/v1/messages"));
  }

  reset(): void {
    this.requests.length = 0;
    this.queue.length = 0;
  }

  /** Stops the server, cutting hanging connections so the test process can exit. */
  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private replyTo(request: RecordedAnthropicRequest): AnthropicReply {
    if (request.method !== "POST" || !request.url.startsWith("/v1/messages")) {
      return errorReply(404, "not_found_error", `fake server: no route ${request.url}`);
    }
    if (!hasApiKey(request.headers)) {
      return errorReply(401, "authentication_error", "x-api-key or Authorization header required");
    }
    const next = this.queue.shift() ?? this.fallback;
    return typeof next === "function" ? next(request) : next;
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
