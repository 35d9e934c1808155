import type { IncomingHttpHeaders } from "node:http";
import { AuthenticationError } from "../../auth/authentication-error.js";
import type { RequestHeaders } from "../../auth/authenticator.js";

/** The connectionParams keys read as credentials: the HTTP header names, compared case-insensitively. */
const CREDENTIAL_KEYS = ["authorization", "x-api-key"] as const;

/**
 * The headers the Authenticator checks for a WebSocket connection. Browsers cannot set headers
 * on a WebSocket, so credentials travel in `connection_init`'s payload (graphql-ws's
 * `connectionParams`) under the names they have over HTTP, in any case: `{ authorization:
 * "Bearer <key or token>" }` or `{ "x-api-key": "<key>" }` (also `Authorization`, `X-Api-Key`).
 * One spelling per credential, the one HTTP uses, so a client has nothing new to learn and
 * nothing can disagree (no `apiKey`, `authToken`, ...).
 *
 * When the params carry neither, the upgrade request's own headers are used: server-side clients
 * (Node's `ws`) can set them. Params win when both are sent, as the later, explicit choice.
 * A credential that is not a string is refused as malformed.
 */
export function connectionCredentials(
  connectionParams: Readonly<Record<string, unknown>> | undefined,
  upgradeHeaders: IncomingHttpHeaders,
): RequestHeaders {
  const fromParams: Record<string, string> = {};
  for (const [key, value] of Object.entries(connectionParams ?? {})) {
    const name = CREDENTIAL_KEYS.find((candidate) => candidate === key.toLowerCase());
    if (name === undefined || value === undefined || value === null) continue;
    if (typeof value !== "string") {
      throw new AuthenticationError(
        "malformed-credentials",
        `connectionParams "${key}" must be a string`,
      );
    }
    fromParams[name] = value;
  }
  return Object.keys(fromParams).length > 0 ? fromParams : upgradeHeaders;
}
