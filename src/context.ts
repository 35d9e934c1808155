import type { Logger } from "pino";
import type { Principal } from "./auth/principal.js";
import type { GenerationStreams } from "./resolvers/generation-streams.js";

/** What an AbortSignal tells of itself: whether it aborted, and why. */
export type SignalState = Pick<AbortSignal, "aborted" | "reason">;

/** Who asks, and the request's own id, log and signal: what each transport knows of a request. */
export interface CallerContext {
  /** Echoed in logs and in masked error extensions, so a client report can be traced. */
  requestId: string;
  /** Child logger carrying the request id. */
  logger: Logger;
  /** Aborted when the client disconnects (or shutdown cuts the request). */
  readonly signal: AbortSignal;
  /**
   * Whether and why `signal` aborted, read without making it: an HTTP request makes its signal
   * only when something asks for it (http/request-signal.ts).
   */
  readonly signalState: SignalState;
  /** `performance.now()` when its GraphQL processing began: its duration in logs and metrics. */
  readonly startedAt: number;
  /** The authenticated caller (the anonymous principal when AUTH_MODE=none). */
  principal: Principal;
}

/** Per-request GraphQL context: the caller's, and what the resolvers use beyond the services. */
export interface RequestContext extends CallerContext {
  /** The event streams behind the subscriptions (resolvers/generation-streams.ts). */
  streams: GenerationStreams;
}
