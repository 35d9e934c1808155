import { describe, expect, it } from "vitest";
import { AuthenticationError } from "../../../src/auth/authentication-error.js";
import { closeReason } from "../../../src/http/subscriptions/close-reason.js";
import { connectionCredentials } from "../../../src/http/subscriptions/connection-credentials.js";

describe("closeReason", () => {
  it("keeps a reason within 123 bytes as it is", () => {
    expect(closeReason("Invalid API key")).toBe("Invalid API key");
    expect(closeReason("a".repeat(123))).toBe("a".repeat(123));
  });

  it("cuts a longer reason on a character boundary, within 123 bytes of UTF-8", () => {
    const reason = closeReason(`Invalid token: ${"€".repeat(100)}`);
    expect(Buffer.byteLength(reason)).toBeLessThanOrEqual(123);
    expect(reason.endsWith("€…")).toBe(true);
    expect(reason).not.toContain("\uFFFD");
  });
});

describe("connectionCredentials", () => {
  const upgrade = { authorization: "Bearer from-upgrade", host: "api" };

  it("reads authorization and x-api-key from connectionParams in any case", () => {
    expect(connectionCredentials({ Authorization: "Bearer k" }, upgrade)).toEqual({
      authorization: "Bearer k",
    });
    expect(connectionCredentials({ "X-API-KEY": "k", other: 1 }, upgrade)).toEqual({
      "x-api-key": "k",
    });
  });

  it("falls back to the upgrade request's headers when the params carry no credential", () => {
    expect(connectionCredentials(undefined, upgrade)).toBe(upgrade);
    expect(connectionCredentials({ apiKey: "k", authorization: null }, upgrade)).toBe(upgrade);
  });

  it("refuses a credential that is not a string as malformed", () => {
    expect(() => connectionCredentials({ authorization: ["Bearer k"] }, upgrade)).toThrow(
      AuthenticationError,
    );
  });
});
