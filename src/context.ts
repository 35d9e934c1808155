import type { Logger } from "pino";
import type { Principal } from "./auth/principal.js";
import type { GenerationStreams } from "./resolvers/generation-streams.js";

/** Per-request GraphQL context. */
export interface RequestContext {
  /** Echoed in logs and in masked error extensions, so a client report can be traced. */
  requestId: string;
  /** Child logger carrying the request id. */
  logger: Logger;
  /** Aborted when the client disconnects. */
  signal: AbortSignal;
  /** The authenticated caller (the anonymous principal when AUTH_MODE=none). */
  principal: Principal;
  /** The event streams behind the subscriptions (resolvers/generation-streams.ts). */
  streams: GenerationStreams;
}
