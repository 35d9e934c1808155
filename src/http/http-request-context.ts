import type { Logger } from "pino";
import type { Principal } from "../auth/principal.js";
import type { RequestContext, SignalState } from "../context.js";
import type { GenerationStreams } from "../resolvers/generation-streams.js";
import type { RequestSignal } from "./request-signal.js";

/**
 * The context of one GraphQL request over HTTP. A class, not an object literal, so that its
 * signal and its logger stay getters made on first use (request-signal.ts): spreading would
 * make them.
 */
export class HttpRequestContext implements RequestContext {
  readonly startedAt = performance.now();
  private madeLogger: Logger | undefined;

  constructor(
    readonly requestId: string,
    /** fastify's logger of the request (it carries the request id). */
    private readonly requestLog: Logger,
    readonly principal: Principal,
    readonly streams: GenerationStreams,
    private readonly requestSignal: RequestSignal,
  ) {}

  /** The request's logger with its caller, made on first use (a pino child costs ~2 µs). */
  get logger(): Logger {
    return (this.madeLogger ??= this.requestLog.child({ principal: this.principal.id }));
  }

  get signal(): AbortSignal {
    return this.requestSignal.signal;
  }

  get signalState(): SignalState {
    return this.requestSignal;
  }
}
