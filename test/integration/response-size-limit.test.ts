import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordingLogger } from "../support/recording-logger.js";
import { startTestServer } from "../support/test-server.js";
import type { TestServer } from "../support/test-server.js";

// The ceiling on an answer's size is the backstop behind the cost limit: whatever an operation
// produces, more than RESPONSE_MAX_BYTES is never sent.
const PINO_WARN_LEVEL = 40;
const { logger, lines } = recordingLogger("info");
let api: TestServer;
beforeAll(async () => {
  api = await startTestServer({ RESPONSE_MAX_BYTES: "4096" }, undefined, logger);
});
afterAll(() => api.close());

async function post(query: string) {
  const response = await fetch(api.url, {
    method: "POST",
    headers: { "content-type": "application/json", "accept-encoding": "gzip" },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

describe("RESPONSE_MAX_BYTES", () => {
  it("turns an answer over the ceiling into one RESPONSE_TOO_LARGE error with HTTP 413", async () => {
    // Four system prompts are well over 4 KB, and cost little by the estimate.
    const { status, headers, text } = await post(
      "{ modes(first: 4) { edges { node { id systemPrompt welcomeMessage } } } }",
    );
    expect(status).toBe(413);
    expect(headers.get("content-type")).toContain("application/json");
    const body = JSON.parse(text) as Record<string, unknown>;
    expect(body).toEqual({
      errors: [
        {
          message: expect.stringMatching(
            /^The answer is \d+ bytes, over the 4096 allowed \(the limit RESPONSE_MAX_BYTES\)/,
          ),
          extensions: { code: "RESPONSE_TOO_LARGE", limit: "RESPONSE_MAX_BYTES" },
        },
      ],
    });
    const warning = lines.find((line) => line.limit === "RESPONSE_MAX_BYTES");
    expect(warning?.level).toBe(PINO_WARN_LEVEL);
    expect(warning?.bytes).toBeGreaterThan(4096);
  });

  it("sends answers under the ceiling as they are", async () => {
    const { status, text } = await post("{ modes(first: 4) { edges { node { id } } } }");
    expect(status).toBe(200);
    expect(JSON.parse(text)).toMatchObject({ data: { modes: { edges: expect.any(Array) } } });
  });
});
