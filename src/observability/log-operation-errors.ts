import { unwrapResolverError } from "@apollo/server/errors";
import type { GraphQLError } from "graphql";
import type { Logger } from "pino";
import { clientErrorCode } from "../errors/format-error.js";
import { ShuttingDownError } from "../http/shutdown.js";

/**
 * Logs the errors of one GraphQL operation, before formatError masks them for the client. Errors
 * the client caused (bad input, limits, malformed operations) are logged at info with their code:
 * they are the client's to fix, not the operator's. Anything else is logged in full at error, so
 * the masked answer's request id finds it. Used by request-logging.plugin.ts (HTTP) and the
 * subscription transport. Work cut by shutdown is logged at info: it is retried elsewhere, and
 * the shutdown itself is in the log.
 */
export function logOperationErrors(
  logger: Logger,
  errors: readonly (GraphQLError | Error)[],
  operationName: string | null | undefined,
): void {
  for (const error of errors) {
    if (unwrapResolverError(error) instanceof ShuttingDownError) {
      logger.info({ code: "SHUTTING_DOWN", operationName }, "GraphQL operation cut by shutdown");
      continue;
    }
    const clientCode = clientErrorCode(error);
    if (clientCode !== undefined) {
      logger.info(
        { code: clientCode, operationName, reason: error.message },
        "client error in a GraphQL request",
      );
      continue;
    }
    logger.error(
      {
        err: ("originalError" in error ? error.originalError : undefined) ?? error,
        operationName,
        path: "path" in error ? error.path : undefined,
      },
      "unexpected error while executing a GraphQL operation",
    );
  }
}
