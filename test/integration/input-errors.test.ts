import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StructuredLlm } from "../../src/llm/structured-llm.js";
import { GenerateWorkflowDocument, ModesDocument } from "../generated/graphql.js";
import { startTestServer } from "../support/test-server.js";
import type { TestServer } from "../support/test-server.js";

// Bad input reports every bad field at once, one BAD_USER_INPUT error per field, and costs no
// model call.
let api: TestServer;
let modelCalls = 0;
const countingLlm: StructuredLlm = {
  provider: "anthropic",
  defaultModel: "counting",
  generate: async () => {
    modelCalls++;
    throw new Error("no model call is expected for bad input");
  },
};

beforeAll(async () => {
  api = await startTestServer({}, { workflow: countingLlm, mode: countingLlm });
});
afterAll(() => api.close());

function fieldsAndCodes(errors: Array<{ extensions?: Record<string, unknown> }> | undefined) {
  return (errors ?? []).map((error) => [error.extensions?.field, error.extensions?.code]);
}

describe("bad input", () => {
  it("names every bad field of generateWorkflow in its own error", async () => {
    const { status, body } = await api.execute(GenerateWorkflowDocument, {
      input: {
        userInput: "   ",
        planningContext: "",
        maxAttempts: 9,
        temperature: 3,
        generationAttempts: -1,
        model: " ",
      },
    });
    expect(status).toBe(200);
    expect(body.data).toBeNull();
    expect(fieldsAndCodes(body.errors)).toEqual([
      ["input.planningContext", "BAD_USER_INPUT"],
      ["input.userInput", "BAD_USER_INPUT"],
      ["input.generationAttempts", "BAD_USER_INPUT"],
      ["input.maxAttempts", "BAD_USER_INPUT"],
      ["input.temperature", "BAD_USER_INPUT"],
      ["input.model", "BAD_USER_INPUT"],
    ]);
    for (const error of body.errors!) {
      expect(error.path).toEqual(["generateWorkflow"]);
      expect(error.message.length).toBeGreaterThan(10);
    }
    expect(modelCalls).toBe(0);
  });

  it("reports one bad field as exactly one error", async () => {
    const { body } = await api.execute(GenerateWorkflowDocument, {
      input: { userInput: "summarize notes.txt", planningContext: "", temperature: 0 },
    });
    expect(fieldsAndCodes(body.errors)).toEqual([["input.planningContext", "BAD_USER_INPUT"]]);
    expect(body.errors![0]!.message).toBe("Planning context is required but was empty");
    expect(modelCalls).toBe(0);
  });

  it("names both bad arguments of modes, and the limit it hit", async () => {
    const { body } = await api.execute(ModesDocument, { first: 101, after: "not-a-cursor" });
    expect(body.data).toBeNull();
    expect(fieldsAndCodes(body.errors)).toEqual([
      ["first", "BAD_USER_INPUT"],
      ["after", "BAD_USER_INPUT"],
    ]);
    expect(body.errors![0]!.message).toContain("MODES_PAGE_MAX");
  });
});
