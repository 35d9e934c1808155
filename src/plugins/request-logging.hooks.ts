import { GraphQLError } from "graphql";
import type { Logger } from "pino";
import { logOperationErrors } from "../observability/log-operation-errors.js";
import type { Metrics } from "../observability/metrics.js";
import { operationLabel } from "../observability/operation-label.js";
import { requestOutcome } from "../observability/request-outcome.js";
import type { RequestHooks } from "./request-hooks.js";

/**
 * One log line per GraphQL request with its duration, and the request histogram. Errors that are
 * not the client's fault are logged in full here (formatError masks them for the client), and
 * the masked errors carry the request id so a client report can be matched to the log. Errors
 * the client caused (bad input, unknown persisted query, malformed request) are logged at info
 * with their code: they are the client's to fix, not the operator's.
 */
export function requestLogging(metrics: Metrics, logger: Logger): RequestHooks {
  return {
    // Requests Apollo refuses before they become a GraphQL request (batches, no query, ...).
    async invalidRequestWasReceived({ error }) {
      const code = error instanceof GraphQLError ? error.extensions.code : "BAD_REQUEST";
      logger.info({ code, reason: error.message }, "invalid GraphQL request");
    },
    async didEncounterErrors({ errors, contextValue, operationName }) {
      logOperationErrors(contextValue.logger, errors, operationName);
    },
    async willSendResponse(request) {
      const { response, operationName, schema, document, operation, errors } = request;
      const context = request.contextValue;
      // Apollo sets `errors` exactly when it called didEncounterErrors.
      const failed = errors !== undefined;
      const seconds = (performance.now() - context.startedAt) / 1000;
      const outcome = requestOutcome(context.signalState, failed, errors);
      metrics.recordRequest(operationLabel(schema, document, operation), outcome, seconds);
      if (response.body.kind === "single") {
        for (const error of response.body.singleResult.errors ?? []) {
          if (error.extensions?.code === "INTERNAL_SERVER_ERROR") {
            (error.extensions as Record<string, unknown>).requestId = context.requestId;
          }
        }
      }
      // Asked of the server's logger: a request's own logger may be made on first use.
      if (!logger.isLevelEnabled("info")) return;
      context.logger.info(
        { operationName, outcome, durationMs: Math.round(seconds * 1000), failed },
        "graphql request",
      );
    },
  };
}
