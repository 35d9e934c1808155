/**
 * Who is calling: the name of an API key, or a token's `sub`. Quotas and the mode store are kept
 * per principal. With AUTH_MODE=none every caller is the one anonymous principal.
 */
export interface Principal {
  /** Stable identifier: the API key's name or the JWT subject. Never a secret. */
  readonly id: string;
}

export const ANONYMOUS_PRINCIPAL: Principal = Object.freeze({ id: "anonymous" });
