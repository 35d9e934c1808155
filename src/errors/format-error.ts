import type { GraphQLFormattedError } from "graphql";
import { unwrapResolverError } from "@apollo/server/errors";
import { ShuttingDownError } from "../http/shutdown.js";
import { BadUserInputError } from "./bad-user-input-error.js";
import { RateLimitedError } from "./rate-limited-error.js";
import type { InputProblem } from "./bad-user-input-error.js";

/** Codes of problems with the client's request (Apollo's, and ours); they pass through unmasked. */
const CLIENT_ERROR_CODES = new Set([
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_USER_INPUT",
  "BAD_REQUEST",
  "OPERATION_RESOLUTION_FAILURE",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
  // Ours: an answer over RESPONSE_MAX_BYTES (http/response-size-limit.ts), HTTP 413.
  "RESPONSE_TOO_LARGE",
]);

export const INTERNAL_ERROR_MESSAGE = "Internal server error";

// graphql-js makes one error per failed field, and formatError must answer one for one; the
// problems after the first of a BadUserInputError wait here until expandInputProblems (run by
// the input-problems plugin just before the response is sent) adds them as errors of their own.
const laterProblems = new WeakMap<GraphQLFormattedError, GraphQLFormattedError[]>();

function inputProblemError(
  problem: InputProblem,
  formatted: GraphQLFormattedError,
): GraphQLFormattedError {
  return {
    message: problem.message,
    locations: formatted.locations,
    path: formatted.path,
    extensions:
      problem.limit === undefined
        ? { code: "BAD_USER_INPUT", field: problem.field }
        : { code: "BAD_USER_INPUT", field: problem.field, limit: problem.limit },
  };
}

/** Every BAD_USER_INPUT problem as its own error, in the order they were found. */
export function expandInputProblems(
  errors: readonly GraphQLFormattedError[],
): GraphQLFormattedError[] {
  return errors.flatMap((error) => [error, ...(laterProblems.get(error) ?? [])]);
}

/**
 * The only GraphQL-aware place that maps our errors to codes. Each problem of a
 * BadUserInputError keeps its message and names its field; Apollo's own client errors pass through; anything else is masked
 * as INTERNAL_SERVER_ERROR (the original reaches the log via the error-logging plugin).
 */
export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof BadUserInputError) {
    const [first, ...rest] = original.problems.map((problem) =>
      inputProblemError(problem, formatted),
    );
    if (rest.length > 0) laterProblems.set(first!, rest);
    return first!;
  }
  if (original instanceof RateLimitedError) {
    return {
      message: original.message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: {
        code: "RATE_LIMITED",
        limit: original.limit,
        retryAfterSeconds: original.retryAfterSeconds,
      },
    };
  }
  if (original instanceof ShuttingDownError) {
    // What shutdown-response.plugin.ts answers over HTTP; a subscription cut by shutdown says
    // the same in its error message.
    return {
      message: original.message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: "SHUTTING_DOWN", retryable: true },
    };
  }
  const code = clientErrorCode(error);
  if (code !== undefined) {
    const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions: { ...extensions, code } };
  }
  return {
    message: INTERNAL_ERROR_MESSAGE,
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: "INTERNAL_SERVER_ERROR" },
  };
}

/**
 * The code of an error the client caused (our bad-input errors, Apollo's client errors), or
 * undefined for anything unexpected. Apollo marks a few of its refusals only
 * with an HTTP 4xx and no code (a persisted query whose hash does not match, an unsupported
 * persisted-query version): those are the client's too, and become BAD_REQUEST.
 */
export function clientErrorCode(error: unknown): string | undefined {
  const original = unwrapResolverError(error);
  if (original instanceof BadUserInputError) return "BAD_USER_INPUT";
  if (original instanceof RateLimitedError) return "RATE_LIMITED";
  const extensions = (error as { extensions?: { code?: unknown; http?: { status?: unknown } } })
    .extensions;
  const code = extensions?.code;
  if (typeof code === "string" && CLIENT_ERROR_CODES.has(code)) return code;
  const status = extensions?.http?.status;
  if (typeof status === "number" && status >= 400 && status < 500) return "BAD_REQUEST";
  return undefined;
}
