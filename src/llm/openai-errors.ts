import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  BadRequestError,
} from "openai";
import { ContentFilterFinishReasonError, LengthFinishReasonError } from "openai/core/error";
import { z } from "zod";
import { GenerationFailure } from "../errors/generation-error.js";
import { isAbortError, retryAfterMs, upstreamFailure } from "./upstream-failure.js";

/**
 * Maps whatever the OpenAI SDK (or its zod parse step) threw to a GenerationFailure. Branches on
 * the SDK's error classes only. The SDK makes no retries (`maxRetries: 0`): the status and the
 * provider's Retry-After travel on the failure for the resilience layer's retry loop.
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
  if (error instanceof BadRequestError && isContentFilterRejection(error)) {
    return new GenerationFailure(
      "CONTENT_FILTERED",
      `${providerLabel}'s content filter rejected the request`,
      details,
    );
  }
  // Order matters: the timeout and abort classes are subclasses of the connection/API errors.
  if (
    error instanceof APIUserAbortError ||
    error instanceof APIConnectionTimeoutError ||
    isAbortError(error)
  ) {
    return upstreamFailure(providerLabel, { kind: "timeout" }, error);
  }
  if (error instanceof APIConnectionError) {
    return upstreamFailure(providerLabel, { kind: "unreachable" }, error);
  }
  if (error instanceof APIError) {
    return upstreamFailure(
      providerLabel,
      { kind: "status", status: error.status, retryAfterMs: retryAfterMs(error.headers) },
      error,
    );
  }
  throw error;
}

/** Azure answers a prompt its filter blocks with 400 and `code: "content_filter"`. */
function isContentFilterRejection(error: BadRequestError): boolean {
  return error.code === "content_filter";
}
