import { ApiKeyAuthenticator } from "./api-key-authenticator.js";
import type { AuthConfig } from "./auth-config.js";
import type { Authenticator } from "./authenticator.js";
import { JwtAuthenticator } from "./jwt-authenticator.js";
import { ANONYMOUS_PRINCIPAL } from "./principal.js";

/** AUTH_MODE=none: every caller is the anonymous principal. */
const anonymousAuthenticator: Authenticator = {
  authenticate: async () => ANONYMOUS_PRINCIPAL,
};

/** The authenticator AUTH_MODE asks for. */
export function createAuthenticator(auth: AuthConfig): Authenticator {
  switch (auth.mode) {
    case "none":
      return anonymousAuthenticator;
    case "api-key":
      return new ApiKeyAuthenticator(auth.keys);
    case "jwt":
      return new JwtAuthenticator(auth.jwt);
  }
}
