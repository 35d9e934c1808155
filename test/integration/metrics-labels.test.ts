import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeOpenAiServer } from "../support/fake-openai-server.js";
import { startTestServer } from "../support/test-server.js";
import type { TestServer } from "../support/test-server.js";

// Metrics with bounded labels: requests are labelled by root field and outcome, never by the
// operation name a client chooses.
let api: TestServer;
beforeAll(async () => {
  api = await startTestServer();
});
afterAll(() => api.close());

const post = (query: string) =>
  fetch(api.url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query }),
  });
const metricsText = async () => (await fetch(`${api.origin}/metrics`)).text();

describe("request metrics", () => {
  it("stay the same size after 2,000 distinct operation names", async () => {
    await post("query Warmup { modes(first: 1) { totalCount } }");
    const before = await metricsText();
    for (let index = 0; index < 2_000; index += 50) {
      await Promise.all(
        Array.from({ length: 50 }, (_, offset) =>
          post(`query Name${index + offset} { modes(first: 1) { totalCount } }`),
        ),
      );
    }
    const after = await metricsText();
    expect(after).not.toContain("Name1999");
    const series = (text: string) =>
      text.split("\n").filter((line) => line.startsWith("modeflow_graphql_request_duration"));
    expect(series(after).length).toBe(series(before).length);
    expect(after).toContain(
      'modeflow_graphql_request_duration_seconds_count{operation="modes",outcome="ok"} 2001',
    );
  });

  it("labels by the schema's root fields and the outcome", async () => {
    await post('{ modes(first: 1) { totalCount } m: mode(id: "banking") { id } }');
    await post("{ nope }");
    await post('mutation { generateMode(input: { industry: "x" }) { mode { id } } }');
    const text = await metricsText();
    expect(text).toContain('operation="mode+modes",outcome="ok"');
    expect(text).toContain('operation="invalid",outcome="client_error"');
    expect(text).toContain('operation="generateMode",outcome="client_error"');
    expect(text).not.toContain('operation="nope"');
  });
});

describe("a client that goes away", () => {
  const azure = new FakeOpenAiServer();
  let withModel: TestServer;
  beforeAll(async () => {
    await azure.listen();
    withModel = await startTestServer({
      AZURE_OPENAI_ENDPOINT: azure.url,
      AZURE_OPENAI_API_KEY: "test-key",
      MODE_DEADLINE_MS: "20000",
      LLM_TIMEOUT_MS: "20000",
    });
  });
  afterAll(async () => {
    await withModel.close();
    await azure.close();
  });

  it("is counted as its own outcome, not as a provider timeout", async () => {
    azure.respondByDefault(() => ({ hang: true }));
    const leaving = new AbortController();
    const gone = fetch(withModel.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        query: 'mutation { generateMode(input: { industry: "tea house" }) { mode { id } } }',
      }),
      signal: leaving.signal,
    }).catch((error: unknown) => error);
    for (let polls = 0; azure.requests.length === 0; polls++) {
      if (polls > 500) throw new Error("the model was never called");
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    leaving.abort();
    await gone;
    let text = "";
    for (let polls = 0; polls < 200; polls++) {
      text = await (await fetch(`${withModel.origin}/metrics`)).text();
      if (text.includes('outcome="client_gone"')) break;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(text).toContain(
      'modeflow_graphql_request_duration_seconds_count{operation="generateMode",outcome="client_gone"} 1',
    );
    expect(text).toMatch(
      /modeflow_llm_call_duration_seconds_count\{task="mode",provider="azure-openai",outcome="cancelled"\} 1/,
    );
    expect(text).not.toContain('outcome="UPSTREAM_TIMEOUT"');
  });
});
