import { AuthenticationError } from "./authentication-error.js";
import type { RequestHeaders } from "./authenticator.js";

// RFC 7235: the scheme is case-insensitive; RFC 6750: one token after one or more spaces.
const BEARER_PATTERN = /^Bearer +(\S+) *$/i;

/**
 * The credential of an `Authorization: Bearer <credential>` header; undefined when there is no
 * Authorization header. Another scheme (Basic, ...) or an empty credential is refused.
 */
export function bearerCredential(headers: RequestHeaders): string | undefined {
  const value = headers.authorization;
  if (value === undefined || value === "") return undefined;
  const match = typeof value === "string" ? BEARER_PATTERN.exec(value) : null;
  if (!match) {
    throw new AuthenticationError(
      "malformed-credentials",
      'The Authorization header must be "Bearer <credential>"',
    );
  }
  return match[1]!;
}

/** The value of the `x-api-key` header; undefined when absent or blank. */
export function apiKeyHeader(headers: RequestHeaders): string | undefined {
  // Node joins a repeated x-api-key into one "a, b" string, which matches no key.
  const value = headers["x-api-key"];
  const key = typeof value === "string" ? value.trim() : "";
  return key === "" ? undefined : key;
}
