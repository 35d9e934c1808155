import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pino } from "pino";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { BadUserInputError } from "../../src/errors/bad-user-input-error.js";
import { AnthropicLlm } from "../../src/llm/anthropic.js";
import { ResilientLlm } from "../../src/llm/resilient-llm.js";
import { flowIrJsonSchema } from "../../src/services/workflow/flow-ir.contract.js";
import { estimatePromptTokens } from "../../src/services/workflow/prompt-tokens.js";
import {
  buildWorkflowPrompt,
  WORKFLOW_SYSTEM_PROMPT,
} from "../../src/services/workflow/workflow.prompt.js";
import { WorkflowService } from "../../src/services/workflow/workflow.service.js";
import type {
  GenerateWorkflowRequest,
  GenerateWorkflowResult,
} from "../../src/services/workflow/workflow.types.js";
import {
  apiKeyOf,
  errorReply,
  FakeAnthropicServer,
  messageReply,
  toolUseReply,
} from "../support/fake-anthropic-server.js";

interface WorkflowFixture {
  name: string;
  userInput: string;
  planningContext: string;
  browsedComponents?: { nodeIds: string[]; workflowNames: string[] };
  discoveredParams?: Record<string, unknown>;
  validWorkflow: Record<string, unknown> & { nodes: unknown[]; edges: unknown[] };
}

const FIXTURE_DIR = join(import.meta.dirname, "..", "fixtures", "workflows");

function loadFixtures(): WorkflowFixture[] {
  return readdirSync(FIXTURE_DIR)
    .filter((file) => file.endsWith(".json"))
    .sort()
    .map((file) => JSON.parse(readFileSync(join(FIXTURE_DIR, file), "utf8")) as WorkflowFixture);
}

const fixtures = loadFixtures();
// A chain of at least two nodes, so edge-level defects can be planted.
const fixture = fixtures.find((candidate) => candidate.validWorkflow.edges.length > 0)!;
const valid = fixture.validWorkflow;

/** A workflow with a defect the validator must report. */
const withExtraName = { ...structuredClone(valid), name: "My workflow" };
function requestFor(overrides: Partial<GenerateWorkflowRequest> = {}): GenerateWorkflowRequest {
  return {
    userInput: fixture.userInput,
    planningContext: fixture.planningContext,
    browsedComponents: fixture.browsedComponents,
    discoveredParams: fixture.discoveredParams,
    ...overrides,
  };
}

function userTurn(body: Record<string, unknown>): string {
  const messages = body.messages as Array<{ role: string; content: string }>;
  expect(messages).toHaveLength(1);
  expect(messages[0]!.role).toBe("user");
  return messages[0]!.content;
}

function errorMessages(result: GenerateWorkflowResult, attemptIndex: number): string[] {
  return result.attempts[attemptIndex]!.issues.filter((issue) => issue.severity === "error").map(
    (issue) => issue.message,
  );
}

// The loop's own logic (retries, giving up, caller attempts, maxAttempts, model and temperature)
// is tested through the model interface in test/unit/workflow/workflow-service.test.ts; this file
// keeps what the Anthropic wire adds.
describe("generateWorkflow: the generate → validate → retry loop over the real Anthropic SDK", () => {
  const server = new FakeAnthropicServer();
  const logLines: Array<Record<string, unknown>> = [];
  const logger = pino(
    { level: "debug" },
    { write: (line: string) => void logLines.push(JSON.parse(line) as Record<string, unknown>) },
  );
  let service: WorkflowService;

  function makeService(
    options: { timeoutMs?: number; maxRetries?: number; overallTimeoutMs?: number } = {},
  ): WorkflowService {
    // The composition root's arrangement: the adapter behind its resilience layer.
    const timeoutMs = options.timeoutMs ?? 2_000;
    const llm = new ResilientLlm(
      new AnthropicLlm({ apiKey: "sk-ant-loop-test", baseURL: server.url, timeoutMs }),
      {
        timeoutMs,
        maxRetries: options.maxRetries ?? 1,
        maxConcurrency: 16,
        breakerFailures: 1_000,
        breakerResetMs: 30_000,
      },
    );
    return new WorkflowService({
      llm,
      logger,
      overallTimeoutMs: options.overallTimeoutMs ?? 5_000,
    });
  }

  beforeAll(async () => {
    await server.listen();
  });
  afterAll(async () => {
    await server.close();
  });
  beforeEach(() => {
    server.reset();
    logLines.length = 0;
    service = makeService();
  });

  it("uses realistic fixtures that are valid as given", () => {
    expect(fixtures.length).toBeGreaterThan(0);
    expect(fixture.validWorkflow.nodes.length).toBeGreaterThan(1);
  });

  it.each(fixtures.map((each) => [each.name, each] as const))(
    "accepts fixture %s's valid workflow on the first generation",
    async (_name, each) => {
      server.enqueue(toolUseReply(each.validWorkflow));
      const result = await service.generateWorkflow({
        userInput: each.userInput,
        planningContext: each.planningContext,
        browsedComponents: each.browsedComponents,
        discoveredParams: each.discoveredParams,
      });
      expect(result.errorCode).toBeNull();
      expect(result.success).toBe(true);
      expect(result.workflow).toEqual(each.validWorkflow);
      expect(server.requests).toHaveLength(1);
      expect(userTurn(server.requests[0]!.body)).toContain(each.userInput);
    },
  );

  it("sends one forced tool, temperature 0, the default model, the rules as system and the data as user turn", async () => {
    server.enqueue(toolUseReply(valid, { inputTokens: 2100, outputTokens: 420 }));

    const result = await service.generateWorkflow(requestFor());

    expect(result).toMatchObject({
      success: true,
      workflow: valid,
      error: null,
      errorCode: null,
      generationAttempts: 1,
      validationErrors: [],
      generation: {
        provider: "anthropic",
        model: "claude-sonnet-4-20250514",
        cached: false,
        attempts: 1,
        inputTokens: 2100,
        outputTokens: 420,
      },
    });
    expect(result.attempts).toHaveLength(1);
    expect(result.attempts[0]).toMatchObject({
      number: 1,
      ir: valid,
      inputTokens: 2100,
      outputTokens: 420,
    });
    expect(result.attempts[0]!.issues.filter((issue) => issue.severity === "error")).toEqual([]);

    expect(server.requests).toHaveLength(1);
    const { headers, body } = server.requests[0]!;
    expect(apiKeyOf(headers)).toBe("sk-ant-loop-test");
    expect(body.model).toBe("claude-sonnet-4-0");
    expect(body.temperature).toBe(0);
    expect(body.system).toBe(WORKFLOW_SYSTEM_PROMPT);
    expect(body.system).toContain("LINEAR workflow only");
    expect(body.tool_choice).toEqual({ type: "tool", name: "generated_workflow" });
    const tools = body.tools as Array<{ name: string; input_schema: Record<string, unknown> }>;
    expect(tools).toHaveLength(1);
    expect(tools[0]!.name).toBe("generated_workflow");
    expect(tools[0]!.input_schema.type).toBe("object");
    expect(tools[0]!.input_schema.additionalProperties).toBe(false);
    // Records must stay typed objects (the SDK's zod helper would have sent `{}`).
    const properties = tools[0]!.input_schema.properties as Record<string, Record<string, unknown>>;
    expect(properties.inputs!.type).toBe("object");
    expect(properties.inputs!.additionalProperties).toMatchObject({ type: "object" });
    const user = userTurn(body);
    expect(user).toContain(fixture.userInput);
    expect(user).toContain(fixture.planningContext.trim().split("\n")[0]!);
    expect(user).toMatch(/<planning_context>[\s\S]*<\/planning_context>/);
    expect(user).toMatch(/<user_request>[\s\S]*<\/user_request>/);
  });

  it("offers the browsed node types as an enum in the tool schema", async () => {
    server.enqueue(toolUseReply(valid));
    await service.generateWorkflow(requestFor());
    const schemaText = JSON.stringify(
      (server.requests[0]!.body.tools as Array<{ input_schema: unknown }>)[0]!.input_schema,
    );
    for (const nodeId of fixture.browsedComponents?.nodeIds ?? []) {
      expect(schemaText).toContain(JSON.stringify(nodeId));
    }
  });

  it("leaves the previous workflow out of a retry prompt that would exceed the token limit", async () => {
    const firstPrompt = buildWorkflowPrompt({
      userInput: fixture.userInput,
      planningContext: fixture.planningContext,
      discoveredParams: fixture.discoveredParams,
    });
    const { estimatedTokens } = estimatePromptTokens({
      ...firstPrompt,
      toolSchema: flowIrJsonSchema({ nodeTypes: fixture.browsedComponents?.nodeIds }),
    });
    const tight = new WorkflowService({
      llm: new AnthropicLlm({ apiKey: "k", baseURL: server.url, timeoutMs: 2_000 }),
      logger,
      overallTimeoutMs: 5_000,
      maxPromptTokens: estimatedTokens + 100,
    });
    server.enqueue(toolUseReply(withExtraName), toolUseReply(valid));

    const result = await tight.generateWorkflow(requestFor());

    expect(result.success).toBe(true);
    const retryUser = userTurn(server.requests[1]!.body);
    expect(retryUser).not.toContain("<previous_attempt>");
    expect(retryUser).toContain(errorMessages(result, 0)[0]!);
  });

  it("generates again after an answer with empty content", async () => {
    server.enqueue(messageReply([], { inputTokens: 1900, outputTokens: 2 }), toolUseReply(valid));

    const result = await service.generateWorkflow(requestFor());

    expect(server.requests).toHaveLength(2);
    expect(result.success).toBe(true);
    expect(result.attempts[0]).toMatchObject({
      number: 1,
      ir: null,
      issues: [],
      inputTokens: 1900,
      failure: {
        code: "GENERATION_INVALID",
        message: "Invalid LLM response structure: missing or empty content",
      },
    });
  });

  it("fails with the seed's message when content stays empty", async () => {
    server.respondByDefault(() => messageReply([]));
    try {
      const result = await service.generateWorkflow(requestFor());
      expect(server.requests).toHaveLength(3);
      expect(result).toMatchObject({
        success: false,
        workflow: null,
        errorCode: "GENERATION_INVALID",
        error: "Invalid LLM response structure: missing or empty content",
        generationAttempts: 3,
      });
    } finally {
      server.respondByDefault(() => errorReply(500, "api_error"));
    }
  });

  it("fails with an invalid-structure message when the first block has no input", async () => {
    server.enqueue(messageReply([{ type: "text", text: "I would rather explain." }]));
    const result = await service.generateWorkflow(requestFor({ maxAttempts: 1 }));
    expect(result.success).toBe(false);
    expect(result.errorCode).toBe("GENERATION_INVALID");
    expect(result.error).toMatch(/^Invalid LLM response structure: /);
  });

  it("reports a truncated answer without retrying it", async () => {
    server.enqueue(
      toolUseReply({ ir_version: "0.1.0" }, { stopReason: "max_tokens", outputTokens: 4096 }),
    );
    const result = await service.generateWorkflow(requestFor());
    expect(server.requests).toHaveLength(1);
    expect(result).toMatchObject({
      success: false,
      errorCode: "GENERATION_TRUNCATED",
      generationAttempts: 1,
    });
    expect(result.attempts[0]!.outputTokens).toBe(4096);
  });

  it("leaves transport failures to the model seam: 500s until it gives up, then a clear failure", async () => {
    server.respondByDefault(() => errorReply(500, "api_error"));
    const result = await service.generateWorkflow(requestFor());
    // One generation × (1 + maxRetries 1) HTTP calls; the loop does not retry transport.
    expect(server.requests).toHaveLength(2);
    expect(result).toMatchObject({
      success: false,
      workflow: null,
      errorCode: "UPSTREAM_UNAVAILABLE",
      generationAttempts: 1,
    });
    expect(result.generation.attempts).toBe(2);
    expect(result.attempts).toHaveLength(1);
    expect(result.attempts[0]!.failure?.code).toBe("UPSTREAM_UNAVAILABLE");
  });

  it("stops a hanging server at the overall deadline", async () => {
    const quick = makeService({ timeoutMs: 10_000, overallTimeoutMs: 300 });
    server.enqueue({ hang: true });
    const started = Date.now();

    const result = await quick.generateWorkflow(requestFor());

    expect(Date.now() - started).toBeLessThan(2_000);
    expect(server.requests).toHaveLength(1);
    expect(result).toMatchObject({
      success: false,
      errorCode: "UPSTREAM_TIMEOUT",
      generationAttempts: 1,
    });
  });

  it("logs the request and the node count at debug level", async () => {
    server.enqueue(toolUseReply(valid));
    await service.generateWorkflow(requestFor({ userInput: `${"a".repeat(120)} tail` }));
    const messages = logLines.map((line) => line.msg);
    expect(messages).toContain(`Generating workflow for: ${"a".repeat(100)}...`);
    expect(messages).toContain(`Generated ${valid.nodes.length} nodes`);
    expect(logLines.find((line) => line.msg === "Workflow generated")).toMatchObject({
      success: true,
      firstAttemptSuccess: true,
    });
  });

  describe("bad input: BAD_USER_INPUT naming the field, no model call", () => {
    async function rejection(request: GenerateWorkflowRequest): Promise<BadUserInputError> {
      const error = await service.generateWorkflow(request).then(
        () => undefined,
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(BadUserInputError);
      expect(server.requests).toHaveLength(0);
      return error as BadUserInputError;
    }

    it("empty planning context, with the seed's message", async () => {
      const error = await rejection(requestFor({ planningContext: "" }));
      expect(error.message).toBe("Planning context is required but was empty");
      expect(error.field).toBe("input.planningContext");
      const blank = await rejection(requestFor({ planningContext: "  \n " }));
      expect(blank.message).toBe("Planning context is required but was empty");
    });

    it("planning context carrying an upstream error, or not a string", async () => {
      const error = await rejection(requestFor({ planningContext: { error: "registry offline" } }));
      expect(error.message).toBe("Planning context error: registry offline");
      const notString = await rejection(requestFor({ planningContext: 42 as unknown as string }));
      expect(notString.message).toMatch(/^Planning context error: /);
    });

    it("blank userInput", async () => {
      const error = await rejection(requestFor({ userInput: " \t " }));
      expect(error.field).toBe("input.userInput");
    });

    it("userInput over 4,000 characters", async () => {
      const error = await rejection(requestFor({ userInput: "x".repeat(4_001) }));
      expect(error.field).toBe("input.userInput");
      expect(error.message).toMatch(/4,001 characters; the limit is 4,000/);
    });

    it("a prompt estimated over 8,000 tokens, saying the estimate and the limit", async () => {
      const huge = `${fixture.planningContext}\n\n${"Detailed description of every field. ".repeat(1_500)}`;
      const error = await rejection(requestFor({ planningContext: huge }));
      expect(error.message).toMatch(/estimated at [\d,]+ tokens; the limit is 8,000/);
      const estimate = Number(/estimated at ([\d,]+)/.exec(error.message)![1]!.replaceAll(",", ""));
      expect(estimate).toBeGreaterThan(8_000);
    });

    it("no generations left, or maxAttempts / temperature out of range", async () => {
      expect((await rejection(requestFor({ generationAttempts: 3 }))).field).toBe(
        "input.generationAttempts",
      );
      expect((await rejection(requestFor({ maxAttempts: 4 }))).field).toBe("input.maxAttempts");
      expect((await rejection(requestFor({ maxAttempts: 0 }))).field).toBe("input.maxAttempts");
      expect((await rejection(requestFor({ temperature: 1.5 }))).field).toBe("input.temperature");
    });
  });

  describe("generateFromSeedInputs: the seed's snake_case contract", () => {
    const seedInputs = () => ({
      user_input: fixture.userInput,
      planning_context: fixture.planningContext as unknown,
      browsed_components: fixture.browsedComponents
        ? {
            node_ids: fixture.browsedComponents.nodeIds,
            workflow_names: fixture.browsedComponents.workflowNames,
          }
        : undefined,
      discovered_params: fixture.discoveredParams,
    });

    it("returns exec_fallback's dict for a planning context carrying an error, without a call", async () => {
      const result = await service.generateFromSeedInputs({
        ...seedInputs(),
        planning_context: { error: "component browsing failed" },
      });
      expect(result).toEqual({
        success: false,
        error: "Planning context error: component browsing failed",
        workflow: null,
      });
      expect(server.requests).toHaveLength(0);
    });

    it("returns the seed's message for an empty planning context", async () => {
      const result = await service.generateFromSeedInputs({
        ...seedInputs(),
        planning_context: "",
      });
      expect(result).toEqual({
        success: false,
        error: "Planning context is required but was empty",
        workflow: null,
      });
    });

    it("returns the generated workflow and the updated attempt count", async () => {
      server.enqueue(toolUseReply(valid));
      const result = await service.generateFromSeedInputs(seedInputs(), { temperature: 0 });
      expect(result).toEqual({ success: true, generated_workflow: valid, generation_attempts: 1 });
    });

    it("returns exec_fallback's dict when the model keeps failing", async () => {
      server.respondByDefault(() => errorReply(500, "api_error"));
      const result = await service.generateFromSeedInputs(seedInputs());
      expect(result).toMatchObject({ success: false, workflow: null });
      expect(Object.keys(result).sort()).toEqual(["error", "success", "workflow"]);
    });
  });
});

describe("generateWorkflow without a model: the offline planner never claims a wrong success", () => {
  const SHELL_CONTEXT = `## Selected Components

### shell-command
Runs a shell command.

**Inputs**:
- \`command: str\` - The command line to run

**Outputs**:
- \`stdout: str\` - Standard output
- \`exit_code: int\` - Exit code

### llm
Sends a prompt to a language model.

**Inputs**:
- \`prompt: str\` - The full prompt

**Outputs**:
- \`response: str\` - The model's answer
`;
  const service = new WorkflowService({
    logger: pino({ level: "silent" }),
    overallTimeoutMs: 5_000,
  });

  it("answers success: false, GENERATION_INVALID, naming the component it could not place and why", async () => {
    const result = await service.generateWorkflow({
      userInput: "Run npm test in a shell and summarize the failures",
      planningContext: SHELL_CONTEXT,
      browsedComponents: { nodeIds: ["shell-command", "llm"], workflowNames: [] },
    });
    expect(result.success).toBe(false);
    expect(result.workflow).toBeNull();
    expect(result.errorCode).toBe("GENERATION_INVALID");
    expect(result.error).toContain(
      "could not place `shell-command`: its required input `command` (str) cannot be filled from the request",
    );
  });

  it("still succeeds on a fixture it can plan", async () => {
    const result = await service.generateWorkflow(requestFor());
    expect(result.success).toBe(true);
    expect(result.error).toBeNull();
  });
});
