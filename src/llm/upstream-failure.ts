import { GenerationFailure } from "../errors/generation-error.js";

/**
 * What went wrong on the wire in one HTTP call, as every adapter sees it (the SDKs make no retries
 * of their own: the resilience layer does, see transport-retry.ts). Adapters classify by their
 * SDK's error classes; the code and message follow from the kind and the HTTP status alone, so
 * every provider reports the same failure the same way.
 */
export type UpstreamProblem =
  | { kind: "timeout" }
  | { kind: "unreachable" }
  /** A streamed answer whose stream ended before its last event (a dropped connection). */
  | { kind: "cut-short" }
  | { kind: "status"; status: number | undefined; detail?: string; retryAfterMs?: number };

export function upstreamFailure(
  label: string,
  problem: UpstreamProblem,
  cause: unknown,
): GenerationFailure {
  const details = { cause };
  if (problem.kind === "timeout") {
    return new GenerationFailure(
      "UPSTREAM_TIMEOUT",
      `${label} did not answer within the deadline`,
      details,
    );
  }
  if (problem.kind === "unreachable") {
    return new GenerationFailure("UPSTREAM_UNAVAILABLE", `${label} could not be reached`, details);
  }
  if (problem.kind === "cut-short") {
    // Transient like a dropped connection: another call may get the whole answer.
    return new GenerationFailure(
      "UPSTREAM_UNAVAILABLE",
      `${label} ended the stream before the answer was complete`,
      details,
    );
  }
  const { status, detail } = problem;
  const suffix = detail ? `: ${detail}` : "";
  const answered = { ...details, status, retryAfterMs: problem.retryAfterMs };
  if (status === 408) {
    return new GenerationFailure(
      "UPSTREAM_TIMEOUT",
      `${label} did not answer within the deadline`,
      answered,
    );
  }
  if (status === 429) {
    return new GenerationFailure(
      "UPSTREAM_RATE_LIMITED",
      `${label} is rate limiting requests; try again shortly`,
      answered,
    );
  }
  if (status === 401 || status === 403 || status === 404) {
    return new GenerationFailure(
      "NOT_CONFIGURED",
      `${label} rejected the credentials or the model/deployment name (HTTP ${status})`,
      answered,
    );
  }
  if (status !== undefined && status >= 400 && status < 500) {
    // 400, 409, 413, 422: the request cannot be served as built.
    return new GenerationFailure(
      "GENERATION_INVALID",
      `${label} rejected the request (HTTP ${status})${suffix}`,
      answered,
    );
  }
  return new GenerationFailure(
    "UPSTREAM_UNAVAILABLE",
    `${label} failed (HTTP ${status ?? "unknown"})`,
    answered,
  );
}

/**
 * Whether another HTTP call may succeed where this one failed: the statuses the SDKs themselves
 * retry (408 request timeout, 409 lock timeout, 429, 5xx), timeouts and connection errors.
 */
export function isTransientFailure(failure: GenerationFailure): boolean {
  const { status } = failure;
  if (status !== undefined) {
    return status === 408 || status === 409 || status === 429 || status >= 500;
  }
  return failure.code === "UPSTREAM_TIMEOUT" || failure.code === "UPSTREAM_UNAVAILABLE";
}

/**
 * The wait a provider asked for, in ms: `retry-after-ms` (OpenAI, Anthropic), else `Retry-After`
 * as seconds or an HTTP date; undefined when absent or unreadable. Negative waits become 0.
 */
export function retryAfterMs(
  headers: Headers | undefined,
  now: number = Date.now(),
): number | undefined {
  const milliseconds = Number.parseFloat(headers?.get("retry-after-ms") ?? "");
  if (Number.isFinite(milliseconds)) return Math.max(0, milliseconds);
  const value = headers?.get("retry-after")?.trim();
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** An abort that did not come through the SDK's own error classes (e.g. our deadline signal). */
export function isAbortError(error: unknown): boolean {
  return error instanceof Error && (error.name === "AbortError" || error.name === "TimeoutError");
}
