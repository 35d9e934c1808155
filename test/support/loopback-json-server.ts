import { createServer } from "node:http";
import type { IncomingHttpHeaders, Server } from "node:http";
import type { AddressInfo } from "node:net";

/** One request a fake received, as the real SDK sent it. */
export interface RecordedRequest {
  method: string;
  /** Path and query, e.g. /v1/messages or /openai/deployments/x/chat/completions?api-version=... */
  url: string;
  headers: IncomingHttpHeaders;
  body: Record<string, unknown>;
}

/**
 * A scripted reply: a status and JSON body (with extra headers, sent after `delayMs`, and not
 * before `after` settles, e.g. a gate a test opens), or a connection that never answers.
 */
export type ScriptedReply =
  | {
      status: number;
      body: unknown;
      headers?: Record<string, string>;
      delayMs?: number;
      after?: Promise<unknown>;
    }
  | { hang: true };

export type Responder = (request: RecordedRequest) => ScriptedReply;

/**
 * A real HTTP server on 127.0.0.1 answering JSON: replies come from a queue (one per request),
 * then from a fallback; every request is recorded so tests can assert what an SDK sent, and the
 * requests in flight are counted (`maxInFlight`). The provider fakes extend it with their routes,
 * auth checks and reply builders.
 */
export class LoopbackJsonServer {
  readonly requests: RecordedRequest[] = [];
  /** Requests received and not yet answered (or abandoned by the client) right now. */
  inFlight = 0;
  /** The most requests in flight at once since the last reset. */
  maxInFlight = 0;
  private readonly queue: Array<ScriptedReply | Responder> = [];
  private readonly server: Server;
  private fallback: Responder;

  constructor(fallback: Responder) {
    this.fallback = fallback;
    this.server = createServer((request, response) => {
      this.inFlight++;
      this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
      // "close" fires once the response is sent or the client hung up, whichever comes first.
      response.once("close", () => this.inFlight--);
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
        const reply = this.replyTo(recorded);
        if ("hang" in reply) return; // keep the socket open until the client gives up
        const requestNumber = this.requests.length;
        const send = () => {
          if (response.destroyed) return; // the client gave up while we waited
          const payload = JSON.stringify(reply.body);
          response.writeHead(reply.status, {
            "content-type": "application/json",
            "content-length": Buffer.byteLength(payload),
            ...this.headersFor(requestNumber),
            ...reply.headers,
          });
          response.end(payload);
        };
        const sendInTime = () => (reply.delayMs ? setTimeout(send, reply.delayMs) : send());
        if (reply.after) void reply.after.then(sendInTime, sendInTime);
        else sendInTime();
      });
    });
  }

  /** Starts listening on an ephemeral loopback port. */
  async listen(): Promise<this> {
    await new Promise<void>((resolve, reject) => {
      this.server.once("error", reject);
      this.server.listen(0, "127.0.0.1", () => resolve());
    });
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
    this.maxInFlight = this.inFlight;
  }

  /** Stops the server, cutting hanging connections so the test process can exit. */
  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** The next queued reply, else the fallback. Provider fakes check routes and auth first. */
  protected replyTo(request: RecordedRequest): ScriptedReply {
    const next = this.queue.shift() ?? this.fallback;
    return typeof next === "function" ? next(request) : next;
  }

  /** Extra headers a provider sends on every reply (e.g. a request id). */
  protected headersFor(_requestNumber: number): Record<string, string> {
    return {};
  }
}
