import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { GenerateWorkflowDocument, ValidateWorkflowDocument } from "../generated/graphql.js";
import type { GenerateWorkflowInput } from "../generated/graphql.js";
import { FakeAnthropicServer, errorReply, toolUseReply } from "../support/fake-anthropic-server.js";
import { startTestServer } from "../support/test-server.js";
import type { TestServer } from "../support/test-server.js";
import { cloneWorkflow, loadFixture } from "../support/workflow-fixtures.js";

const anthropic = new FakeAnthropicServer();
let api: TestServer;
const fixture = loadFixture("summarize-notes");

beforeAll(async () => {
  await anthropic.listen();
  api = await startTestServer({
    ANTHROPIC_API_KEY: "sk-ant-test",
    ANTHROPIC_BASE_URL: anthropic.url,
    ANTHROPIC_MODEL: "claude-test-model",
    WORKFLOW_DEADLINE_MS: "4000",
  });
});
afterAll(async () => {
  await api.close();
  await anthropic.close();
});
beforeEach(() => anthropic.reset());

const input = (overrides: Partial<GenerateWorkflowInput> = {}): GenerateWorkflowInput => ({
  userInput: fixture.userInput,
  planningContext: fixture.planningContext,
  browsedComponents: fixture.browsedComponents,
  discoveredParams: fixture.discoveredParams,
  ...overrides,
});

describe("generateWorkflow over HTTP", () => {
  it("returns the validated workflow in both views: typed fields and the exact document", async () => {
    anthropic.enqueue(
      toolUseReply(fixture.validWorkflow, { inputTokens: 2100, outputTokens: 400 }),
    );
    const { body } = await api.execute(GenerateWorkflowDocument, { input: input() });

    expect(body.errors).toBeUndefined();
    const payload = body.data!.generateWorkflow;
    expect(payload).toMatchObject({
      success: true,
      error: null,
      errorCode: null,
      generationAttempts: 1,
      validationErrors: [],
    });
    expect(payload.workflow!.ir).toEqual(fixture.validWorkflow);
    expect(payload.workflow!.irVersion).toBe("0.1.0");
    expect(payload.workflow!.nodes.map((node) => node.key)).toEqual(
      (fixture.validWorkflow as { nodes: Array<{ id: string }> }).nodes.map((node) => node.id),
    );
    expect(payload.workflow!.inputs.map((declared) => declared.name)).toEqual(
      Object.keys((fixture.validWorkflow as { inputs: object }).inputs),
    );
    expect(payload.generation).toMatchObject({
      provider: "ANTHROPIC",
      model: expect.any(String),
      attempts: 1,
      inputTokens: 2100,
      outputTokens: 400,
    });
    const [request] = anthropic.messageRequests;
    expect(request!.body.model).toBe("claude-test-model");
    expect(request!.body.tool_choice).toEqual({ type: "tool", name: "generated_workflow" });
  });

  it("feeds the validator's errors back and succeeds on the second generation", async () => {
    const broken = cloneWorkflow(fixture);
    broken.nodes[0].id = "n1";
    broken.edges = broken.edges.map((edge: { from: string; to: string }) => ({
      from: edge.from === fixture.validWorkflow.nodes[0].id ? "n1" : edge.from,
      to: edge.to,
    }));
    anthropic.enqueue(toolUseReply(broken), toolUseReply(fixture.validWorkflow));
    // A request of its own: the first test's identical request is answered from the cache now.
    const { body } = await api.execute(GenerateWorkflowDocument, {
      input: input({ userInput: `${fixture.userInput} (retried)` }),
    });

    const payload = body.data!.generateWorkflow;
    expect(payload.success).toBe(true);
    expect(payload.attempts).toHaveLength(2);
    expect(payload.attempts[0]!.issues.map((issue) => issue.rule)).toContain("descriptive-id");
    expect(payload.attempts[0]!.ir).toEqual(broken);
    const retry = JSON.stringify(anthropic.messageRequests[1]!.body.messages);
    expect(retry).toContain("n1");
    expect(retry).toContain("descriptive");
  });

  it("gives up after three invalid generations with success false and every attempt", async () => {
    const broken = cloneWorkflow(fixture);
    broken.edges = [];
    anthropic.respondByDefault(() => toolUseReply({ ...broken, nodes: [...broken.nodes] }));
    const { status, body } = await api.execute(GenerateWorkflowDocument, {
      input: input({ userInput: `${fixture.userInput} (variant ${Date.now()})` }),
    });
    anthropic.respondByDefault(() => errorReply(500, "api_error"));

    expect(status).toBe(200);
    const payload = body.data!.generateWorkflow;
    expect(payload.success).toBe(false);
    expect(payload.workflow).toBeNull();
    expect(payload.errorCode).toBe("GENERATION_INVALID");
    expect(payload.validationErrors.length).toBeGreaterThan(0);
    expect(payload.error).toContain(payload.validationErrors[0]!);
    // The second answer repeats the first one's errors exactly, so the loop stops early.
    expect(payload.attempts.length).toBe(2);
  });

  it.each([
    [
      "an empty planning context",
      { planningContext: "" },
      "input.planningContext",
      "Planning context is required but was empty",
    ],
    ["a blank userInput", { userInput: "   " }, "input.userInput", "userInput"],
    ["an oversized userInput", { userInput: "x".repeat(4001) }, "input.userInput", "4,000"],
    [
      "a prompt over the token limit",
      {
        planningContext: `${fixture.planningContext}\n${"- `extra_field: str` - more text\n".repeat(1500)}`,
      },
      "input.planningContext",
      "8,000",
    ],
  ] as const)(
    "rejects %s with BAD_USER_INPUT and no model call",
    async (_name, overrides, field, text) => {
      const { body } = await api.execute(GenerateWorkflowDocument, { input: input(overrides) });
      expect(body.data).toBeNull();
      expect(body.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
      expect(body.errors![0]!.message).toContain(text);
      expect(anthropic.messageRequests).toHaveLength(0);
    },
  );
});

describe("validateWorkflow over HTTP", () => {
  it("accepts a valid workflow and never calls a model", async () => {
    const { body } = await api.execute(ValidateWorkflowDocument, {
      input: {
        ir: fixture.validWorkflow,
        planningContext: fixture.planningContext,
        browsedComponents: fixture.browsedComponents,
        discoveredParams: fixture.discoveredParams,
      },
    });
    expect(body.data!.validateWorkflow).toEqual({
      valid: true,
      errors: [],
      warnings: [],
      omittedIssues: 0,
    });
    expect(anthropic.messageRequests).toHaveLength(0);
  });

  it("reports every error with rule, severity, path and node", async () => {
    const broken = cloneWorkflow(fixture);
    broken.name = "extra";
    broken.nodes[1].params.prompt = "Use ${undeclared_thing}";
    const { body } = await api.execute(ValidateWorkflowDocument, {
      input: { ir: broken, planningContext: fixture.planningContext },
    });
    const result = body.data!.validateWorkflow;
    expect(result.valid).toBe(false);
    expect(result.errors.map((issue) => issue.rule)).toEqual(
      expect.arrayContaining(["root-fields", "undeclared-var"]),
    );
    const undeclared = result.errors.find((issue) => issue.rule === "undeclared-var")!;
    expect(undeclared).toMatchObject({
      severity: "ERROR",
      nodeId: broken.nodes[1].id,
      path: expect.stringContaining("nodes[1].params.prompt"),
    });
    expect(undeclared.message).toContain("undeclared_thing");
  });

  it("rejects a non-object ir as bad input", async () => {
    const response = await fetch(api.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        query:
          "query($input: ValidateWorkflowInput!) { validateWorkflow(input: $input) { valid } }",
        variables: { input: { ir: [1, 2] } },
      }),
    });
    const body = (await response.json()) as {
      errors: Array<{ message: string; extensions: { code: string } }>;
    };
    expect(body.errors[0]!.extensions.code).toBe("BAD_USER_INPUT");
    expect(body.errors[0]!.message).toContain("ir");
  });
});
