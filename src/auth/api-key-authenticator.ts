import { timingSafeEqual } from "node:crypto";
import type { ApiKeyEntry } from "./api-keys.js";
import { hashApiKey } from "./api-keys.js";
import { AuthenticationError } from "./authentication-error.js";
import type { Authenticator, RequestHeaders } from "./authenticator.js";
import { apiKeyHeader, bearerCredential } from "./credentials.js";
import type { Principal } from "./principal.js";

interface KnownKey {
  principal: Principal;
  digest: Buffer;
}

/**
 * AUTH_MODE=api-key: the key travels as `Authorization: Bearer <key>` or `x-api-key: <key>`
 * (Authorization wins when both are sent); its SHA-256 is compared with the configured hashes.
 */
export class ApiKeyAuthenticator implements Authenticator {
  readonly #keys: readonly KnownKey[];

  constructor(keys: readonly ApiKeyEntry[]) {
    this.#keys = keys.map((key) => ({
      principal: Object.freeze({ id: key.name }),
      digest: Buffer.from(key.sha256, "hex"),
    }));
  }

  async authenticate(headers: RequestHeaders): Promise<Principal> {
    const key = bearerCredential(headers) ?? apiKeyHeader(headers);
    if (key === undefined) {
      throw new AuthenticationError(
        "missing-credentials",
        'Authentication required: send your API key as "Authorization: Bearer <key>" or "x-api-key: <key>"',
      );
    }
    const digest = Buffer.from(hashApiKey(key), "hex");
    let caller: Principal | undefined;
    // Every entry is compared, in constant time, whichever matches: the time taken says nothing
    // about which key matched or how close a guess came.
    for (const known of this.#keys) {
      if (timingSafeEqual(digest, known.digest)) caller ??= known.principal;
    }
    if (caller === undefined) throw new AuthenticationError("unknown-api-key", "Invalid API key");
    return caller;
  }
}
