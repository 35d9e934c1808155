import type { Logger } from "pino";
import type { Principal } from "./auth/principal.js";
import type { GenerationStreams } from "./resolvers/generation-streams.js";

/** Who asks, and the request's own id, log and signal: what each transport knows of a request. */
export interface CallerContext {
  /** Echoed in logs and in masked error extensions, so a client report can be traced. */
  requestId: string;
  /** Child logger carrying the request id. */
  logger: Logger;
  /** Aborted when the client disconnects. */
  signal: AbortSignal;
  /** The authenticated caller (the anonymous principal when AUTH_MODE=none). */
  principal: Principal;
}

/** Per-request GraphQL context: the caller's, and what the resolvers use beyond the services. */
export interface RequestContext extends CallerContext {
  /** The event streams behind the subscriptions (resolvers/generation-streams.ts). */
  streams: GenerationStreams;
}
