import { GraphQLError } from "graphql";
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { stringifyWithinLimit } from "../../../src/http/response-size-limit.js";

const silent = pino({ level: "silent" });

describe("stringifyWithinLimit", () => {
  it("returns compact JSON up to the limit, in bytes", () => {
    const stringify = stringifyWithinLimit(1_024, silent);
    const result = { data: { text: "a".repeat(1_000) } };
    expect(stringify(result)).toBe(JSON.stringify(result));
  });

  it("counts UTF-8 bytes, not characters", () => {
    const stringify = stringifyWithinLimit(1_024, silent);
    // 600 characters of JSON text, 1,200 bytes.
    const result = { data: { text: "é".repeat(600) } };
    expect(() => stringify(result)).toThrow(GraphQLError);
    try {
      stringify(result);
    } catch (error) {
      expect((error as GraphQLError).extensions).toMatchObject({
        code: "RESPONSE_TOO_LARGE",
        limit: "RESPONSE_MAX_BYTES",
        http: { status: 413 },
      });
    }
  });
});
