/** The configuration variable whose limit a caller hit. */
export type SpendLimit = "RATE_LIMIT_GENERATIONS_PER_MINUTE" | "QUOTA_TOKENS_PER_DAY";

/**
 * A caller spent its quota. Mapped to `extensions.code = "RATE_LIMITED"` with
 * `retryAfterSeconds` and the limit's name in format-error.ts, and to HTTP 429 with
 * `Retry-After` by the rate-limit plugin. Thrown before any model call.
 */
export class RateLimitedError extends Error {
  override readonly name = "RateLimitedError";

  constructor(
    readonly limit: SpendLimit,
    /** Whole seconds until the caller may try again (at least 1). */
    readonly retryAfterSeconds: number,
  ) {
    super(
      limit === "RATE_LIMIT_GENERATIONS_PER_MINUTE"
        ? `Too many model-backed requests this minute (the limit ${limit}); try again in ${retryAfterSeconds} s`
        : `The model tokens of the day are spent (the limit ${limit}); try again in ${retryAfterSeconds} s`,
    );
  }
}
