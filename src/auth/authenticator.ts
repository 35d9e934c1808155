import type { Principal } from "./principal.js";

/** Request headers as node and fastify hand them over (lower-case names). */
export type RequestHeaders = Readonly<Record<string, string | string[] | undefined>>;

/** Establishes who is calling, from a request's headers. */
export interface Authenticator {
  /**
   * The caller of a request. Throws AuthenticationError when the headers prove no one (missing,
   * malformed or wrong credentials); any other error means the check itself could not be made
   * (e.g. the issuer's key set is unreachable).
   */
  authenticate(headers: RequestHeaders): Promise<Principal>;
}
