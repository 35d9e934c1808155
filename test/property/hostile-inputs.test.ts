import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StructuredLlm } from "../../src/llm/structured-llm.js";
import { petStoreAnswer } from "../support/mode-answers.js";
import { startTestServer } from "../support/test-server.js";
import type { TestServer } from "../support/test-server.js";
import { loadFixture } from "../support/workflow-fixtures.js";

// Random and hostile inputs to every operation: each answer is data or errors with a documented
// code (never a 500 or INTERNAL_SERVER_ERROR), and a rejected input costs no model call.
// Requests go through the whole server (fastify, authentication hook, Apollo, plugins) by
// fastify's inject, without sockets: 1,000 runs per operation in CI (about 9 s), 200 in the
// everyday `npm test`, where each run draws new cases all the same.
const DOCUMENTED_CODES = new Set([
  "BAD_USER_INPUT",
  "BAD_REQUEST",
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "RATE_LIMITED",
]);
const RUNS = process.env.CI === "true" ? 1_000 : 200;
const fixture = loadFixture("summarize-notes");

let modelCalls = 0;
const countingLlm: StructuredLlm = {
  provider: "azure-openai",
  defaultModel: "counting",
  async generate<T>(call: { output: { name: string } }) {
    modelCalls++;
    const data =
      call.output.name === "generated_mode_config" ? petStoreAnswer() : fixture.validWorkflow;
    return { data: structuredClone(data) as T, model: "counting", usage: {}, httpCalls: 1 };
  },
} as StructuredLlm;

let api: TestServer;
beforeAll(async () => {
  api = await startTestServer(
    { RATE_LIMIT_GENERATIONS_PER_MINUTE: "0" },
    { mode: countingLlm, workflow: countingLlm },
  );
});
afterAll(() => api.close());

interface Answer {
  data?: unknown;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

/** Sends one operation; checks the answer's shape and that a refusal made no model call. */
async function check(query: string, variables: Record<string, unknown>): Promise<void> {
  const before = modelCalls;
  const response = await api.server.app.inject({
    method: "POST",
    url: "/graphql",
    headers: { "content-type": "application/json" },
    payload: JSON.stringify({ query, variables }),
  });
  expect(response.statusCode, response.body).toBeLessThan(500);
  const answer = JSON.parse(response.body) as Answer;
  for (const error of answer.errors ?? []) {
    expect(DOCUMENTED_CODES, `${error.extensions?.code}: ${error.message}`).toContain(
      error.extensions?.code,
    );
  }
  if ((answer.errors ?? []).length > 0) expect(modelCalls).toBe(before);
  else expect(answer.data).toBeTruthy();
}

/** Strings a hostile client sends: controls, bidi overrides, tag characters, lone surrogates. */
const hostileString = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: "binary", maxLength: 200 }),
  fc.string({ unit: "grapheme", maxLength: 60 }),
  fc
    .array(
      fc.constantFrom(
        "\u0000",
        "\u001b[31m",
        "\u202e",
        "\u2066",
        "\u{e0041}",
        "\ud800",
        "\udfff",
        "\u200b",
        "<script>",
        "${x}",
        "pet store",
        " ",
        "\n",
      ),
      { maxLength: 40 },
    )
    .map((parts) => parts.join("")),
  fc.constant("x".repeat(10_000)),
);
const anyJson = fc.jsonValue({ maxDepth: 4 });

describe("hostile inputs never break the server", () => {
  it("generateMode", async () => {
    await fc.assert(
      fc.asyncProperty(hostileString, (industry) =>
        check(
          "mutation M($industry: String!) { generateMode(input: { industry: $industry }) { mode { id name } errors { code } } }",
          { industry },
        ),
      ),
      { numRuns: RUNS },
    );
  });

  it("generateWorkflow", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          userInput: fc.oneof(hostileString, fc.constant(fixture.userInput)),
          planningContext: fc.oneof(hostileString, fc.constant(fixture.planningContext)),
          discoveredParams: fc.option(fc.dictionary(fc.string({ maxLength: 12 }), anyJson), {
            nil: undefined,
          }),
          validationErrors: fc.option(fc.array(hostileString, { maxLength: 5 }), {
            nil: undefined,
          }),
          generationAttempts: fc.option(fc.integer({ min: -5, max: 5 }), { nil: undefined }),
          maxAttempts: fc.option(fc.integer({ min: -2, max: 6 }), { nil: undefined }),
          temperature: fc.option(fc.double({ min: -2, max: 3, noNaN: true }), { nil: undefined }),
          model: fc.option(hostileString, { nil: undefined }),
        }),
        (input) =>
          check(
            "mutation W($input: GenerateWorkflowInput!) { generateWorkflow(input: $input) { success errorCode validationErrors } }",
            { input },
          ),
      ),
      { numRuns: RUNS },
    );
  });

  it("validateWorkflow", async () => {
    const mutated = fc
      .record({ path: fc.constantFrom("nodes", "edges", "inputs", "ir_version"), value: anyJson })
      .map(({ path, value }) => ({ ...structuredClone(fixture.validWorkflow), [path]: value }));
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.dictionary(fc.string({ maxLength: 12 }), anyJson), mutated),
        fc.option(hostileString, { nil: undefined }),
        (ir, planningContext) =>
          check(
            "query V($ir: JSONObject!, $context: String) { validateWorkflow(input: { ir: $ir, planningContext: $context }) { valid errors { rule } } }",
            { ir, context: planningContext },
          ),
      ),
      { numRuns: RUNS },
    );
  });

  it("modes, mode and node", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.option(fc.integer({ min: -10, max: 1_000 }), { nil: undefined }),
        fc.option(hostileString, { nil: undefined }),
        hostileString,
        (first, after, id) =>
          check(
            "query Q($first: Int, $after: String, $id: ID!) { modes(first: $first, after: $after) { totalCount } mode(id: $id) { id } node(id: $id) { id } }",
            { first, after, id },
          ),
      ),
      { numRuns: RUNS },
    );
  });
});
