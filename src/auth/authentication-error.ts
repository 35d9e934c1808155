/** Why a request's caller could not be established; logged, never with the credential. */
export type AuthenticationFailure =
  "missing-credentials" | "malformed-credentials" | "unknown-api-key" | "invalid-token";

/**
 * The request carries no credential, or one that proves nothing. The message is written for the
 * client (it answers the 401) and never contains the credential.
 */
export class AuthenticationError extends Error {
  override readonly name = "AuthenticationError";
  readonly reason: AuthenticationFailure;

  constructor(reason: AuthenticationFailure, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.reason = reason;
  }
}
