import { createRemoteJWKSet, errors, jwtVerify } from "jose";
import type { JwtSettings } from "./auth-config.js";
import { AuthenticationError } from "./authentication-error.js";
import type { Authenticator, RequestHeaders } from "./authenticator.js";
import { bearerCredential } from "./credentials.js";
import type { Principal } from "./principal.js";

/**
 * jose's errors that say the token is bad (forged, expired, for someone else, malformed). Any
 * other error (the key set unreachable, slow or malformed) says nothing about the token.
 */
const TOKEN_ERRORS = [
  errors.JWTExpired,
  errors.JWTClaimValidationFailed,
  errors.JWTInvalid,
  errors.JWSInvalid,
  errors.JWSSignatureVerificationFailed,
  errors.JOSEAlgNotAllowed,
  errors.JOSENotSupported,
  errors.JWKSNoMatchingKey,
  errors.JWKSMultipleMatchingKeys,
];

/**
 * AUTH_MODE=jwt: `Authorization: Bearer <JWT>`, verified with jose against the issuer's JSON Web
 * Key Set (fetched on first use, cached, refetched for an unknown key id at most every 30 s), the
 * expected issuer and audience. The token must carry `exp` and `sub`; `sub` is the principal.
 */
export class JwtAuthenticator implements Authenticator {
  readonly #settings: JwtSettings;
  readonly #keySet: ReturnType<typeof createRemoteJWKSet>;

  constructor(settings: JwtSettings) {
    this.#settings = settings;
    this.#keySet = createRemoteJWKSet(new URL(settings.jwksUrl));
  }

  async authenticate(headers: RequestHeaders): Promise<Principal> {
    const token = bearerCredential(headers);
    if (token === undefined) {
      throw new AuthenticationError(
        "missing-credentials",
        'Authentication required: send a token as "Authorization: Bearer <token>"',
      );
    }
    let subject: unknown;
    try {
      const { payload } = await jwtVerify(token, this.#keySet, {
        issuer: this.#settings.issuer,
        audience: this.#settings.audience,
        requiredClaims: ["exp", "sub"],
      });
      subject = payload.sub;
    } catch (error) {
      if (TOKEN_ERRORS.some((tokenError) => error instanceof tokenError)) {
        throw new AuthenticationError(
          "invalid-token",
          `Invalid token: ${(error as Error).message}`,
          {
            cause: error,
          },
        );
      }
      throw error;
    }
    if (typeof subject !== "string" || subject === "") {
      throw new AuthenticationError("invalid-token", 'Invalid token: it has no "sub" claim');
    }
    return Object.freeze({ id: subject });
  }
}
