import { describe, expect, it } from "vitest";
import { ApiKeyAuthenticator } from "../../../src/auth/api-key-authenticator.js";
import { hashApiKey } from "../../../src/auth/api-keys.js";
import { AuthenticationError } from "../../../src/auth/authentication-error.js";
import type { RequestHeaders } from "../../../src/auth/authenticator.js";

const authenticator = new ApiKeyAuthenticator([
  { name: "ci-bot", sha256: hashApiKey("ci-key") },
  { name: "web", sha256: hashApiKey("web-key") },
]);

async function refusal(headers: RequestHeaders): Promise<AuthenticationError> {
  const error = await authenticator.authenticate(headers).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(AuthenticationError);
  return error as AuthenticationError;
}

describe("ApiKeyAuthenticator", () => {
  it("names the caller by the key's name, from either header", async () => {
    expect(await authenticator.authenticate({ authorization: "Bearer ci-key" })).toEqual({
      id: "ci-bot",
    });
    expect(await authenticator.authenticate({ "x-api-key": " web-key " })).toEqual({ id: "web" });
    expect(await authenticator.authenticate({ authorization: "BEARER   web-key" })).toEqual({
      id: "web",
    });
  });

  it("refuses a request without a key, and says how to send one", async () => {
    for (const headers of [{}, { authorization: "" }, { "x-api-key": "  " }]) {
      const error = await refusal(headers);
      expect(error.reason).toBe("missing-credentials");
      expect(error.message).toContain("Authorization: Bearer <key>");
      expect(error.message).toContain("x-api-key");
    }
  });

  it("refuses an unknown key without echoing it", async () => {
    for (const headers of [{ authorization: "Bearer ci-key2" }, { "x-api-key": "CI-KEY" }]) {
      const error = await refusal(headers);
      expect(error.reason).toBe("unknown-api-key");
      expect(error.message).not.toMatch(/ci-key/i);
    }
  });

  it("refuses another Authorization scheme, and two keys in one header", async () => {
    expect((await refusal({ authorization: "Basic ci-key" })).reason).toBe("malformed-credentials");
    expect((await refusal({ authorization: "Bearer ci-key web-key" })).reason).toBe(
      "malformed-credentials",
    );
    // Node joins repeated x-api-key headers into one value, which is no key.
    expect((await refusal({ "x-api-key": "ci-key, web-key" })).reason).toBe("unknown-api-key");
  });

  it("checks the Authorization header when both are sent", async () => {
    const error = await refusal({ authorization: "Bearer wrong", "x-api-key": "ci-key" });
    expect(error.reason).toBe("unknown-api-key");
  });
});
