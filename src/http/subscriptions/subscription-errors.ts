import type { GraphQLError } from "graphql";
import type { GraphQLFormattedError } from "graphql";
import type { Logger } from "pino";
import { expandInputProblems, formatError } from "../../errors/format-error.js";
import { withoutSuggestion } from "../../errors/without-suggestion.js";
import { logOperationErrors } from "../../observability/log-operation-errors.js";

/** Who reports a subscription's errors, and how. */
export interface ErrorReport {
  logger: Logger;
  requestId: string;
  operationName: string | undefined;
  /** Production strips "Did you mean ...?" (errors/without-suggestion.ts). */
  hideSuggestions: boolean;
}

/**
 * A subscription's errors as the HTTP path answers them (request-logging, hide-suggestions and
 * input-problems plugins, formatError): suggestions hidden in production, each error logged
 * (unexpected ones in full), then formatted: client errors keep their code, anything unexpected
 * is masked as INTERNAL_SERVER_ERROR with the request id, every bad-input problem is its own
 * error. Apollo's `extensions.http` (a status for HTTP answers) is not sent over the socket.
 */
export function reportSubscriptionErrors(
  errors: readonly GraphQLError[],
  report: ErrorReport,
): GraphQLFormattedError[] {
  if (report.hideSuggestions) {
    for (const error of errors) error.message = withoutSuggestion(error.message);
  }
  const causes = errors.map(causeOf);
  logOperationErrors(report.logger, causes, report.operationName);
  const formatted = errors.map((error, index) => {
    const { http: _http, ...extensions } = error.extensions;
    const answer = formatError({ ...error.toJSON(), extensions }, causes[index]);
    if (answer.extensions?.code !== "INTERNAL_SERVER_ERROR") return answer;
    return { ...answer, extensions: { ...answer.extensions, requestId: report.requestId } };
  });
  return expandInputProblems(formatted);
}

/**
 * The error to classify. Errors a subscription's event stream throws reach graphql-ws's `onError`
 * wrapped in a GraphQLError without a path or code, which formatError's unwrapping (resolver
 * errors have a path) would not see through; they are unwrapped here. Errors with a path are
 * graphql-js's resolver errors, and errors with a code say what they are: both stay as they are.
 */
export function causeOf(error: GraphQLError): GraphQLError | Error {
  // Ours (refusals with a code, variable errors) and thrown GraphQLErrors carry their code.
  if (error.path !== undefined || typeof error.extensions.code === "string") return error;
  return error.originalError ?? error;
}
