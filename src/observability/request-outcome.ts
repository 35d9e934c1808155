import { clientErrorCode } from "../errors/format-error.js";
import { ShuttingDownError } from "../http/shutdown.js";
import type { SignalState } from "../context.js";
import type { RequestOutcome } from "./metrics.js";

/**
 * How a GraphQL request (or subscription) ended, for the metrics: a client that went away is its
 * own outcome (not a provider timeout, not a server error), and so is an error the client caused.
 * `signal` is the request's context signal (or its state).
 */
export function requestOutcome(
  signal: SignalState,
  failed: boolean,
  errors: readonly unknown[] | undefined,
): RequestOutcome {
  const reason: unknown = signal.reason;
  if (signal.aborted) return reason instanceof ShuttingDownError ? "shutdown" : "client_gone";
  if (!failed) return "ok";
  const allClients = (errors ?? []).every((error) => clientErrorCode(error) !== undefined);
  return allClients ? "client_error" : "error";
}
