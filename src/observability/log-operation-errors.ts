import type { GraphQLError } from "graphql";
import type { Logger } from "pino";
import { clientErrorCode } from "../errors/format-error.js";

/**
 * Logs the errors of one GraphQL operation, before formatError masks them for the client. Errors
 * the client caused (bad input, limits, malformed operations) are logged at info with their code:
 * they are the client's to fix, not the operator's. Anything else is logged in full at error, so
 * the masked answer's request id finds it. Used by request-logging.plugin.ts (HTTP) and the
 * subscription transport.
 */
export function logOperationErrors(
  logger: Logger,
  errors: readonly GraphQLError[],
  operationName: string | null | undefined,
): void {
  for (const error of errors) {
    const clientCode = clientErrorCode(error);
    if (clientCode !== undefined) {
      logger.info(
        { code: clientCode, operationName, reason: error.message },
        "client error in a GraphQL request",
      );
      continue;
    }
    logger.error(
      { err: error.originalError ?? error, operationName, path: error.path },
      "unexpected error while executing a GraphQL operation",
    );
  }
}
