import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StructuredLlm } from "../../src/llm/structured-llm.js";
import { petStoreAnswer } from "../support/mode-answers.js";
import { startTestServer } from "../support/test-server.js";
import type { TestServer } from "../support/test-server.js";

// One HTTP request must not be able to spend without bound: an operation selects at most one
// model-backed field, aliases and fragments included, checked before any resolver runs.
let api: TestServer;
let modelCalls = 0;
const countingLlm: StructuredLlm = {
  provider: "azure-openai",
  defaultModel: "counting",
  async generate<T>() {
    modelCalls++;
    return { data: petStoreAnswer() as T, model: "counting", usage: {}, httpCalls: 1 };
  },
};

beforeAll(async () => {
  api = await startTestServer({}, { mode: countingLlm, workflow: countingLlm });
});
afterAll(() => api.close());

async function post(query: string) {
  const response = await fetch(api.url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query }),
  });
  return {
    status: response.status,
    body: (await response.json()) as {
      data?: unknown;
      errors?: Array<{ message: string; extensions?: { code?: string; limit?: string } }>;
    },
  };
}

const generate = (alias: string, industry: string) =>
  `${alias}: generateMode(input: { industry: "${industry}" }) { mode { id } }`;

describe("model-backed fields per operation", () => {
  it("rejects 20 aliased generateMode fields with no model call", async () => {
    const fields = Array.from({ length: 20 }, (_, index) => generate(`m${index}`, `shop ${index}`));
    const { status, body } = await post(`mutation { ${fields.join("\n")} }`);
    expect(status).toBe(400);
    expect(body.data).toBeUndefined();
    // 20 aliases are over MAX_ALIASES (15) too: each limit reports its own error.
    expect(body.errors!.map((error) => error.extensions?.limit)).toEqual([
      "MAX_MODEL_FIELDS_PER_OPERATION",
      "MAX_ALIASES",
    ]);
    expect(body.errors![0]!.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(body.errors![0]!.message).toContain("20 model-backed fields");
    expect(body.errors![0]!.message).toContain("MAX_MODEL_FIELDS_PER_OPERATION");
    expect(modelCalls).toBe(0);
  });

  it("counts fields hidden in fragments and mixes of both generators", async () => {
    const { body } = await post(`
      mutation Both {
        ...Modes
        generateWorkflow(input: { userInput: "x", planningContext: "y" }) { success }
      }
      fragment Modes on Mutation { ${generate("a", "bakery")} }
    `);
    expect(body.errors![0]!.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(body.errors![0]!.message).toContain("2 model-backed fields");
    expect(modelCalls).toBe(0);
  });

  it("allows one field, even when the same selection appears twice (it executes once)", async () => {
    const field = `generateMode(input: { industry: "pet store" }) { mode { id } }`;
    const { body } = await post(`mutation { ${field} ${field} }`);
    expect(body.errors).toBeUndefined();
    expect(modelCalls).toBe(1);
  });
});
