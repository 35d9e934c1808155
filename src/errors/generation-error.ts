/**
 * Why a generation failed. The same vocabulary is exposed in GraphQL as `GenerationErrorCode`
 * and returned as data (never as a GraphQL error).
 */
export const GENERATION_ERROR_CODES = [
  "NOT_CONFIGURED",
  "UPSTREAM_TIMEOUT",
  "UPSTREAM_UNAVAILABLE",
  "UPSTREAM_RATE_LIMITED",
  "CONTENT_FILTERED",
  "GENERATION_REFUSED",
  "GENERATION_TRUNCATED",
  "GENERATION_INVALID",
] as const;

export type GenerationErrorCode = (typeof GENERATION_ERROR_CODES)[number];

/** Token counts reported by a provider for one call. */
export interface TokenUsage {
  inputTokens?: number;
  outputTokens?: number;
}

export interface GenerationFailureDetails {
  /** The provider's original error, kept for the log. */
  cause?: unknown;
  /** The model's raw text, when it answered but the answer was unusable. */
  rawText?: string;
  /** Contract or validation problems found in the answer. */
  issues?: string[];
  /** Tokens spent on the failed call, when the provider reported them. */
  usage?: TokenUsage;
  /** HTTP status of the provider's answer, when it sent one (429, 503, 401, ...). */
  status?: number;
  /**
   * How long the provider asked us to wait before calling again (`retry-after-ms`, else
   * `Retry-After` in seconds or as a date), in ms; undefined when it did not say.
   */
  retryAfterMs?: number;
  /**
   * HTTP calls made to the provider for the model call that failed, retries included; 0 when it
   * failed before any call (the circuit was open, the queue's wait ran out). Default 0.
   */
  httpCalls?: number;
}

/**
 * A model call that did not produce usable output. Adapters throw it with a code; services turn
 * it into data (`GenerationError` in GraphQL), a repair retry, or a FALLBACK.
 */
export class GenerationFailure extends Error {
  override readonly name = "GenerationFailure";
  readonly code: GenerationErrorCode;
  readonly rawText?: string;
  readonly issues: string[];
  readonly usage: TokenUsage;
  readonly status?: number;
  readonly retryAfterMs?: number;
  readonly httpCalls: number;

  constructor(code: GenerationErrorCode, message: string, details: GenerationFailureDetails = {}) {
    super(message, { cause: details.cause });
    this.code = code;
    this.rawText = details.rawText;
    this.issues = details.issues ?? [];
    this.usage = details.usage ?? {};
    this.status = details.status;
    this.retryAfterMs = details.retryAfterMs;
    this.httpCalls = details.httpCalls ?? 0;
  }

  /** The same failure (code, message, cause) with some details replaced, e.g. the call count. */
  withDetails(details: Omit<GenerationFailureDetails, "cause">): GenerationFailure {
    return new GenerationFailure(this.code, this.message, {
      cause: this.cause,
      rawText: this.rawText,
      issues: this.issues,
      usage: this.usage,
      status: this.status,
      retryAfterMs: this.retryAfterMs,
      httpCalls: this.httpCalls,
      ...details,
    });
  }
}
