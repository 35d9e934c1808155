import { createServer } from "node:http";
import type { IncomingHttpHeaders, Server, ServerResponse } from "node:http";
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
 * before `after` settles, e.g. a gate a test opens; a 200 body streamed when the request asked
 * for it), or a connection that never answers.
 */
export type ScriptedReply =
  | {
      status: number;
      body: unknown;
      headers?: Record<string, string>;
      delayMs?: number;
      after?: Promise<unknown>;
      /** Rewrites the events of a streamed answer (a connection cut short, a raw delta). */
      editStream?: (events: StreamedEvent[]) => StreamedEvent[];
      /**
       * How a streamed answer ends after its last event: "end" (default) ends the response as a
       * server does; "drop" closes the connection instead, before the end of the chunked body,
       * as a connection lost mid-answer leaves it (with `editStream` cutting the events short).
       */
      streamEnd?: "end" | "drop";
    }
  | { hang: true };

export type Responder = (request: RecordedRequest) => ScriptedReply;

/**
 * One server-sent event of a streamed reply, already in wire form (`data: ...` lines and the
 * blank line). `token` marks the events that carry a piece of the model's text: only those are
 * paced, the envelope around them (role, stop reason, usage, `[DONE]`) follows at once, as the
 * real APIs send it.
 */
export interface StreamedEvent {
  text: string;
  token: boolean;
}

/** How fast a fake streams a 200 answer to a request with `stream: true`. */
export interface StreamPace {
  /** Token events per second. Default 60, a realistic model's pace. */
  tokensPerSecond: number;
  /** Characters (code points) of the answer's text per token event. Default 4. */
  charactersPerToken: number;
}

/** When each event of a streamed reply left the server (`performance.now()`, same process). */
export interface StreamRecord {
  requestNumber: number;
  events: Array<StreamedEvent & { sentAt: number }>;
  /** Set when the client closed the connection before the last event was written. */
  hungUpAt?: number;
  /** Set when the fake dropped the connection after its last event (`streamEnd: "drop"`). */
  dropped?: boolean;
  /** Settles once the reply ended either way. */
  finished: Promise<void>;
}

/**
 * A real HTTP server on 127.0.0.1 answering JSON: replies come from a queue (one per request),
 * then from a fallback; every request is recorded so tests can assert what an SDK sent, and the
 * requests in flight are counted (`maxInFlight`). The provider fakes extend it with their routes,
 * auth checks and reply builders, and may stream a 200 answer as server-sent events at a set pace
 * when the request asks for `stream: true` (`toEventStream`).
 */
export class LoopbackJsonServer {
  readonly requests: RecordedRequest[] = [];
  /** Requests received and not yet answered (or abandoned by the client) right now. */
  inFlight = 0;
  /** The most requests in flight at once since the last reset. */
  maxInFlight = 0;
  /** Streamed replies, in request order (only requests that asked for `stream: true`). */
  readonly streams: StreamRecord[] = [];
  /** Pace of streamed replies; tests may change it between calls. */
  pace: StreamPace = { tokensPerSecond: 60, charactersPerToken: 4 };
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
          const events =
            reply.status === 200 && recorded.body.stream === true
              ? this.toEventStream(reply.body, recorded)
              : undefined;
          if (events) {
            const edited = reply.editStream ? reply.editStream(events) : events;
            this.streamEvents(response, edited, {
              requestNumber,
              headers: reply.headers,
              end: reply.streamEnd ?? "end",
            });
            return;
          }
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
    this.streams.length = 0;
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

  /**
   * The events a provider streams instead of a 200 `body` when the request asked for
   * `stream: true`; undefined (the default) answers with the JSON body regardless. Error replies
   * are never streamed: the real APIs refuse a request with a JSON error before any event.
   */
  protected toEventStream(_body: unknown, _request: RecordedRequest): StreamedEvent[] | undefined {
    return undefined;
  }

  /** Writes the events at `pace`, recording when each left and whether the client hung up. */
  private streamEvents(
    response: ServerResponse,
    events: StreamedEvent[],
    options: {
      requestNumber: number;
      headers: Record<string, string> | undefined;
      end: "end" | "drop";
    },
  ): void {
    const { requestNumber, headers } = options;
    let finish: () => void = () => undefined;
    const record: StreamRecord = {
      requestNumber,
      events: [],
      finished: new Promise((resolve) => (finish = resolve)),
    };
    this.streams.push(record);
    response.writeHead(200, {
      "content-type": "text/event-stream",
      "cache-control": "no-cache",
      ...this.headersFor(requestNumber),
      ...headers,
    });
    let timer: NodeJS.Timeout | undefined;
    let dropped = false;
    response.once("close", () => {
      clearTimeout(timer);
      if (!response.writableEnded && !dropped) record.hungUpAt = performance.now();
      finish();
    });
    const intervalMs = 1000 / this.pace.tokensPerSecond;
    // Deadlines from one start, so timer lateness does not add up over a long answer.
    const start = performance.now();
    let tokensSent = 0;
    let index = 0;
    const writeDue = () => {
      while (index < events.length && !response.destroyed) {
        const event = events[index]!;
        if (event.token) {
          const due = start + tokensSent * intervalMs;
          const wait = due - performance.now();
          if (wait > 1) {
            timer = setTimeout(writeDue, wait);
            return;
          }
          tokensSent++;
        }
        response.write(event.text);
        record.events.push({ ...event, sentAt: performance.now() });
        index++;
      }
      if (response.destroyed) return;
      if (options.end === "drop") {
        dropped = true;
        record.dropped = true;
        // The events written so far still reach the client; the body's end never does.
        response.socket?.end();
      } else {
        response.end();
      }
    };
    writeDue();
  }

  /** Extra headers a provider sends on every reply (e.g. a request id). */
  protected headersFor(_requestNumber: number): Record<string, string> {
    return {};
  }
}

/**
 * The answer's text in token-sized pieces. Split by code points, never inside a surrogate pair:
 * a real API never sends half an emoji, and a split pair would not survive JSON serialisation.
 */
export function tokenPieces(text: string, charactersPerToken: number): string[] {
  const codePoints = Array.from(text);
  const pieces: string[] = [];
  for (let start = 0; start < codePoints.length; start += charactersPerToken) {
    pieces.push(codePoints.slice(start, start + charactersPerToken).join(""));
  }
  return pieces;
}

/** One server-sent event in wire form, with an `event:` line when the API names its events. */
export function serverSentEvent(data: unknown, eventName?: string): string {
  const payload = typeof data === "string" ? data : JSON.stringify(data);
  return `${eventName === undefined ? "" : `event: ${eventName}\n`}data: ${payload}\n\n`;
}
