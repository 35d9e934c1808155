import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  AuthenticationError,
  BadRequestError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
} from "openai";
import { ContentFilterFinishReasonError, LengthFinishReasonError } from "openai/core/error";
import { z } from "zod";
import { GenerationFailure } from "../errors/generation-error.js";

/**
 * Maps whatever the OpenAI SDK (or its zod parse step) threw to a GenerationFailure. Branches on
 * the SDK's error classes only; the SDK has already spent its transport retries when we get here.
 */
export function toGenerationFailure(error: unknown, providerLabel: string): GenerationFailure {
  if (error instanceof GenerationFailure) return error;
  const details = { cause: error };
  if (error instanceof LengthFinishReasonError) {
    return new GenerationFailure(
      "GENERATION_TRUNCATED",
      `${providerLabel} stopped at the output token limit before the answer was complete`,
      details,
    );
  }
  if (error instanceof ContentFilterFinishReasonError) {
    return new GenerationFailure(
      "CONTENT_FILTERED",
      `${providerLabel}'s content filter blocked the answer`,
      details,
    );
  }
  if (error instanceof z.ZodError) {
    return new GenerationFailure(
      "GENERATION_INVALID",
      `${providerLabel} answered with an object that does not match the schema`,
      {
        ...details,
        issues: error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`),
      },
    );
  }
  if (error instanceof SyntaxError) {
    return new GenerationFailure(
      "GENERATION_INVALID",
      `${providerLabel} answered with text that is not valid JSON`,
      { ...details, issues: [error.message] },
    );
  }
  // Order matters: the timeout and abort classes are subclasses of the connection/API errors.
  if (error instanceof APIUserAbortError || error instanceof APIConnectionTimeoutError) {
    return new GenerationFailure(
      "UPSTREAM_TIMEOUT",
      `${providerLabel} did not answer within the deadline`,
      details,
    );
  }
  if (error instanceof APIConnectionError) {
    return new GenerationFailure(
      "UPSTREAM_UNAVAILABLE",
      `${providerLabel} could not be reached`,
      details,
    );
  }
  if (error instanceof RateLimitError) {
    return new GenerationFailure(
      "UPSTREAM_RATE_LIMITED",
      `${providerLabel} is rate limiting requests; try again shortly`,
      details,
    );
  }
  if (
    error instanceof AuthenticationError ||
    error instanceof PermissionDeniedError ||
    error instanceof NotFoundError
  ) {
    return new GenerationFailure(
      "NOT_CONFIGURED",
      `${providerLabel} rejected the credentials or the model/deployment name (HTTP ${error.status})`,
      details,
    );
  }
  if (error instanceof BadRequestError && isContentFilterRejection(error)) {
    return new GenerationFailure(
      "CONTENT_FILTERED",
      `${providerLabel}'s content filter rejected the request`,
      details,
    );
  }
  if (error instanceof BadRequestError) {
    return new GenerationFailure(
      "GENERATION_INVALID",
      `${providerLabel} rejected the request (HTTP 400)`,
      details,
    );
  }
  if (error instanceof APIError) {
    return new GenerationFailure(
      "UPSTREAM_UNAVAILABLE",
      `${providerLabel} failed (HTTP ${error.status ?? "unknown"})`,
      details,
    );
  }
  if (isAbortError(error)) {
    return new GenerationFailure(
      "UPSTREAM_TIMEOUT",
      `${providerLabel} did not answer within the deadline`,
      details,
    );
  }
  throw error;
}

/** Azure answers a prompt its filter blocks with 400 and `code: "content_filter"`. */
function isContentFilterRejection(error: BadRequestError): boolean {
  return error.code === "content_filter";
}

function isAbortError(error: unknown): boolean {
  return error instanceof Error && (error.name === "AbortError" || error.name === "TimeoutError");
}
