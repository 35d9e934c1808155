import type { Logger } from "pino";

/** Per-request GraphQL context. */
export interface RequestContext {
  /** Echoed in logs and in masked error extensions, so a client report can be traced. */
  requestId: string;
  /** Child logger carrying the request id. */
  logger: Logger;
  /** Aborted when the client disconnects. */
  signal: AbortSignal;
}
