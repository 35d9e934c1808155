import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordingLogger } from "../support/recording-logger.js";
import { startTestServer } from "../support/test-server.js";
import type { TestServer } from "../support/test-server.js";

// Apollo's own client errors keep their codes and are logged below error level: they are the
// client's to fix. Only what is really unexpected becomes INTERNAL_SERVER_ERROR.
const PINO_ERROR_LEVEL = 50;
const { logger, lines } = recordingLogger("info");
let api: TestServer;
beforeAll(async () => {
  api = await startTestServer({}, undefined, logger);
});
afterAll(() => api.close());

async function post(body: unknown) {
  const response = await fetch(api.url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    body: (await response.json()) as { errors?: Array<{ extensions?: { code?: string } }> },
  };
}

describe("client errors", () => {
  it.each([
    [
      "an unknown persisted query",
      { extensions: { persistedQuery: { version: 1, sha256Hash: "0".repeat(64) } } },
      "PERSISTED_QUERY_NOT_FOUND",
    ],
    ["a body without a query", { variables: {} }, "BAD_REQUEST"],
    ["a batch", [{ query: "{ __typename }" }], "BAD_REQUEST"],
    ["a syntax error", { query: "{ modes(" }, "GRAPHQL_PARSE_FAILED"],
    ["an unknown field", { query: "{ nope }" }, "GRAPHQL_VALIDATION_FAILED"],
    [
      "a wrongly typed variable",
      { query: "query M($id: ID!) { mode(id: $id) { id } }", variables: { id: {} } },
      "BAD_USER_INPUT",
    ],
  ])("keeps the code of %s and logs it at info", async (_name, request, code) => {
    const logged = lines.length;
    const { status, body } = await post(request);
    expect(status).toBeLessThan(500);
    expect(body.errors?.[0]?.extensions?.code).toBe(code);
    const newLines = lines.slice(logged);
    expect(newLines.some((line) => line.level === 30 && line.code === code)).toBe(true);
    expect(newLines.filter((line) => (line.level as number) >= PINO_ERROR_LEVEL)).toEqual([]);
  });

  it("answers a persisted query whose hash does not match with BAD_REQUEST, not a masked error", async () => {
    const { body } = await post({
      query: "{ __typename }",
      extensions: { persistedQuery: { version: 1, sha256Hash: "1".repeat(64) } },
    });
    expect(body.errors?.[0]?.extensions?.code).toBe("BAD_REQUEST");
  });
});
