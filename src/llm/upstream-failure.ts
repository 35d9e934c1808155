import { GenerationFailure } from "../errors/generation-error.js";

/**
 * What went wrong on the wire, as every adapter sees it once its SDK has spent its retries.
 * Adapters classify by their SDK's error classes; the code and message follow from the kind and
 * the HTTP status alone, so every provider reports the same failure the same way.
 */
export type UpstreamProblem =
  | { kind: "timeout" }
  | { kind: "unreachable" }
  | { kind: "status"; status: number | undefined; detail?: string };

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
  const { status, detail } = problem;
  const suffix = detail ? `: ${detail}` : "";
  if (status === 408) {
    return new GenerationFailure(
      "UPSTREAM_TIMEOUT",
      `${label} did not answer within the deadline`,
      details,
    );
  }
  if (status === 429) {
    return new GenerationFailure(
      "UPSTREAM_RATE_LIMITED",
      `${label} is rate limiting requests; try again shortly`,
      details,
    );
  }
  if (status === 401 || status === 403 || status === 404) {
    return new GenerationFailure(
      "NOT_CONFIGURED",
      `${label} rejected the credentials or the model/deployment name (HTTP ${status})`,
      details,
    );
  }
  if (status !== undefined && status >= 400 && status < 500) {
    // 400, 409, 413, 422: the request cannot be served as built.
    return new GenerationFailure(
      "GENERATION_INVALID",
      `${label} rejected the request (HTTP ${status})${suffix}`,
      details,
    );
  }
  return new GenerationFailure(
    "UPSTREAM_UNAVAILABLE",
    `${label} failed (HTTP ${status ?? "unknown"}) and kept failing through the retries`,
    details,
  );
}

/** An abort that did not come through the SDK's own error classes (e.g. our deadline signal). */
export function isAbortError(error: unknown): boolean {
  return error instanceof Error && (error.name === "AbortError" || error.name === "TimeoutError");
}
