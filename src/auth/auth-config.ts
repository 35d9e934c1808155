import { parseApiKeys } from "./api-keys.js";
import type { ApiKeyEntry } from "./api-keys.js";

/** How callers prove who they are (AUTH_MODE). */
export const AUTH_MODES = ["none", "api-key", "jwt"] as const;
export type AuthMode = (typeof AUTH_MODES)[number];

/** Where and how bearer JWTs are verified. */
export interface JwtSettings {
  /** JSON Web Key Set of the issuer, fetched and cached by jose. */
  readonly jwksUrl: string;
  /** Expected `iss` claim. */
  readonly issuer: string;
  /** Expected `aud` claim (one of the token's audiences). */
  readonly audience: string;
}

export type AuthConfig =
  | { readonly mode: "none" }
  | { readonly mode: "api-key"; readonly keys: readonly ApiKeyEntry[] }
  | { readonly mode: "jwt"; readonly jwt: JwtSettings };

/** The authentication variables as the config schema parsed them. */
export interface AuthVariables {
  AUTH_MODE?: AuthMode;
  API_KEYS?: string;
  JWT_JWKS_URL?: string;
  JWT_ISSUER?: string;
  JWT_AUDIENCE?: string;
}

/**
 * The authentication settings, with every problem pushed onto `problems` (each naming its
 * variable). Production must choose AUTH_MODE explicitly, `none` included: an open server spends
 * the model budget of whoever reaches the port, so that must be a decision, not a default.
 */
export function resolveAuthConfig(
  variables: AuthVariables,
  isProduction: boolean,
  problems: string[],
): AuthConfig {
  const mode = variables.AUTH_MODE;
  if (mode === undefined) {
    if (isProduction) {
      problems.push(
        "AUTH_MODE: production requires choosing authentication explicitly: api-key, jwt or none (none lets anyone who reaches the port call the models)",
      );
    }
    // Credentials configured without a mode would leave the server open while looking protected.
    const configured = (["API_KEYS", "JWT_JWKS_URL", "JWT_ISSUER", "JWT_AUDIENCE"] as const).filter(
      (name) => variables[name] !== undefined,
    );
    if (configured.length > 0) {
      problems.push(
        `AUTH_MODE is not set, so nothing is authenticated, but ${configured.join(", ")} ${configured.length > 1 ? "are" : "is"}: set AUTH_MODE=${configured.includes("API_KEYS") ? "api-key" : "jwt"} (or AUTH_MODE=none explicitly)`,
      );
    }
    return { mode: "none" };
  }
  if (mode === "none") return { mode };
  if (mode === "api-key") {
    if (variables.API_KEYS === undefined) {
      problems.push(
        'API_KEYS: required when AUTH_MODE=api-key ("name:sha256hex" entries, comma-separated)',
      );
      return { mode, keys: [] };
    }
    const { keys, problems: keyProblems } = parseApiKeys(variables.API_KEYS);
    problems.push(...keyProblems);
    return { mode, keys: Object.freeze(keys) };
  }
  const required = {
    JWT_JWKS_URL: "the issuer's JSON Web Key Set URL",
    JWT_ISSUER: 'the expected "iss" claim',
    JWT_AUDIENCE: 'the expected "aud" claim',
  } as const;
  for (const [name, meaning] of Object.entries(required)) {
    if (variables[name as keyof typeof required] === undefined) {
      problems.push(`${name}: required when AUTH_MODE=jwt (${meaning})`);
    }
  }
  return {
    mode,
    jwt: Object.freeze({
      jwksUrl: variables.JWT_JWKS_URL ?? "",
      issuer: variables.JWT_ISSUER ?? "",
      audience: variables.JWT_AUDIENCE ?? "",
    }),
  };
}

/** One line for the start-up log: the mode and what it accepts (key names, never keys). */
export function describeAuthentication(auth: AuthConfig): string {
  switch (auth.mode) {
    case "none":
      return "authentication: none (every caller is anonymous)";
    case "api-key":
      return `authentication: api-key (${auth.keys.length} key${auth.keys.length === 1 ? "" : "s"}: ${auth.keys.map((key) => key.name).join(", ")})`;
    case "jwt":
      return `authentication: jwt (issuer ${auth.jwt.issuer}, audience ${auth.jwt.audience})`;
  }
}
