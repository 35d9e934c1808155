import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Writable } from "node:stream";
import { pino } from "pino";
import type { Logger } from "pino";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { GenerationFailure } from "../../../src/errors/generation-error.js";
import { loadConfig } from "../../../src/config.js";
import type { ProviderChoice } from "../../../src/config.js";
import { AnthropicLlm } from "../../../src/llm/anthropic.js";
import { createAzureOpenAiLlm } from "../../../src/llm/azure-openai.js";
import { createLlm } from "../../../src/llm/create-llm.js";
import { createOpenAiLlm } from "../../../src/llm/openai.js";
import { toStrictJsonSchema } from "../../../src/llm/strict-json-schema.js";
import type { StructuredCall, StructuredLlm } from "../../../src/llm/structured-llm.js";
import {
  GENERATED_MODE_SCHEMA_NAME,
  generatedModeConfigSchema,
} from "../../../src/services/mode/mode.contract.js";
import type { GeneratedModeConfig } from "../../../src/services/mode/mode.contract.js";
import { flowIrJsonSchema, flowIrSchema } from "../../../src/services/workflow/flow-ir.contract.js";
import type { FlowIr } from "../../../src/services/workflow/flow-ir.contract.js";
import { validateWorkflow } from "../../../src/services/workflow/validate-workflow.js";
import { WORKFLOW_TOOL_NAME } from "../../../src/services/workflow/workflow.types.js";
import {
  FakeAnthropicServer,
  apiKeyOf,
  toolUseReply,
} from "../../support/fake-anthropic-server.js";
import {
  FakeOpenAiServer,
  chatCompletion,
  errorReply,
  jsonCompletion,
  responseFormatOf,
  withoutJsonSchemaSupport,
} from "../../support/fake-openai-server.js";
import type { RecordedRequest } from "../../support/fake-openai-server.js";
import { MODE_WIRE_FIELDS, petStoreAnswer } from "../../support/mode-answers.js";
import { expectStrictSchema } from "../../support/strict-schema-assertions.js";

interface Fixture {
  name: string;
  planningContext: string;
  browsedComponents: { nodeIds: string[]; workflowNames: string[] };
  validWorkflow: FlowIr;
}

const fixture = JSON.parse(
  readFileSync(
    join(import.meta.dirname, "../../fixtures/workflows/release-notes-from-saved-workflow.json"),
    "utf8",
  ),
) as Fixture;

const modeCall = (): StructuredCall<GeneratedModeConfig> => ({
  system: "You configure dashboards.",
  user: "Industry: pet store",
  output: {
    name: GENERATED_MODE_SCHEMA_NAME,
    description: "Dashboard mode configuration for one industry",
    schema: generatedModeConfigSchema,
  },
});

/** The call WorkflowService makes: hand-built FlowIR schema, the validator judges the answer. */
const workflowCall = (): StructuredCall<unknown> => ({
  system: "You plan linear workflows.",
  user: "<request>Release notes to Slack</request>",
  output: {
    name: WORKFLOW_TOOL_NAME,
    description: "Submit the complete FlowIR workflow document (ir_version, inputs, nodes, edges).",
    schema: flowIrSchema,
    jsonSchema: flowIrJsonSchema({ nodeTypes: fixture.browsedComponents.nodeIds }),
    validate: false,
  },
  temperature: 0,
  maxOutputTokens: 4096,
});

interface JsonSchemaFormat {
  type: string;
  json_schema: { name: string; strict: boolean; schema: Record<string, unknown> };
}

/** Answers a strict FlowIR request the way a model would: the fixture in the request's form. */
function strictWorkflowAnswer(request: RecordedRequest) {
  const format = request.body.response_format as JsonSchemaFormat;
  expect(format.type).toBe("json_schema");
  const strict = toStrictJsonSchema(
    flowIrJsonSchema({ nodeTypes: fixture.browsedComponents.nodeIds }),
  );
  expect(format.json_schema.schema).toEqual(strict.schema);
  return jsonCompletion(strict.encode(fixture.validWorkflow));
}

async function failureOf(promise: Promise<unknown>): Promise<GenerationFailure> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(GenerationFailure);
  return error as GenerationFailure;
}

function expectValidFixtureWorkflow(data: unknown): void {
  expect(data).toEqual(fixture.validWorkflow);
  const validation = validateWorkflow(data, fixture);
  expect(validation.errors).toEqual([]);
  expect(validation.valid).toBe(true);
}

const openAiServer = new FakeOpenAiServer();
const anthropicServer = new FakeAnthropicServer();
beforeAll(async () => {
  await openAiServer.listen();
  await anthropicServer.listen();
});
afterAll(async () => {
  await openAiServer.close();
  await anthropicServer.close();
});
beforeEach(() => {
  openAiServer.reset();
  openAiServer.respondByDefault(() => errorReply(500, "no reply scripted"));
  anthropicServer.reset();
});

const azure = () =>
  createAzureOpenAiLlm({
    endpoint: openAiServer.url,
    apiKey: "test-azure-key",
    apiVersion: "2024-10-21",
    deployment: "model-router",
    timeoutMs: 2000,
  });

const openAi = (options: { logger?: Logger } = {}) =>
  createOpenAiLlm({
    apiKey: "sk-test-openai",
    baseURL: `${openAiServer.url}/v1`,
    model: "gpt-4o-mini",
    timeoutMs: 2000,
    ...options,
  });

const anthropic = () =>
  new AnthropicLlm({
    apiKey: "sk-ant-test-key",
    baseURL: anthropicServer.url,
    timeoutMs: 2000,
  });

/** A pino logger whose lines land in an array. */
function capturingLogger(): { logger: Logger; lines: Array<Record<string, unknown>> } {
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString("utf8")) as Record<string, unknown>);
      done();
    },
  });
  return { logger: pino({ level: "warn" }, stream), lines };
}

describe.each([
  ["Azure OpenAI", azure, "/openai/deployments/model-router/chat/completions"],
  ["OpenAI", () => openAi(), "/v1/chat/completions"],
] as const)("%s → workflow (strict json_schema, decoded)", (_label, create, path) => {
  it("sends a strict schema without open objects and decodes a FlowIR that validates", async () => {
    openAiServer.enqueue(strictWorkflowAnswer);
    const llm: StructuredLlm = create();
    const answer = await llm.generate(workflowCall());

    expectValidFixtureWorkflow(answer.data);
    expect(answer.usage).toEqual({ inputTokens: 321, outputTokens: 123 });
    expect(openAiServer.requests).toHaveLength(1);
    const [request] = openAiServer.requests;
    expect(new URL(request!.url, openAiServer.url).pathname).toBe(path);
    const format = request!.body.response_format as JsonSchemaFormat;
    expect(format.json_schema.name).toBe(WORKFLOW_TOOL_NAME);
    expect(format.json_schema.strict).toBe(true);
    expectStrictSchema(format.json_schema.schema);
    expect(request!.body.temperature).toBe(0);
    expect(request!.body.max_completion_tokens).toBe(4096);
  });

  it("returns a decoded answer the validator rejects as it came (validate: false)", async () => {
    const strict = toStrictJsonSchema(flowIrJsonSchema());
    const broken = { ...fixture.validWorkflow, edges: [] };
    openAiServer.enqueue(jsonCompletion(strict.encode(broken)));
    const answer = await create().generate(workflowCall());
    expect(answer.data).toEqual(broken);
    expect(validateWorkflow(answer.data, fixture).valid).toBe(false);
  });

  it.each([
    [
      "finish_reason length",
      chatCompletion({ content: '{"ir_version"', finishReason: "length" }),
      "GENERATION_TRUNCATED",
    ],
    [
      "finish_reason content_filter",
      chatCompletion({ content: "{", finishReason: "content_filter" }),
      "CONTENT_FILTERED",
    ],
    ["a refusal", chatCompletion({ refusal: "I can't help with that." }), "GENERATION_REFUSED"],
    ["broken JSON", chatCompletion({ content: '{"ir_version": "0.1.0", ' }), "GENERATION_INVALID"],
    ["an empty answer", chatCompletion({ content: null }), "GENERATION_INVALID"],
  ])("maps %s like the parse path, with the usage", async (_case, reply, code) => {
    openAiServer.enqueue(reply);
    const failure = await failureOf(create().generate(workflowCall()));
    expect(failure.code).toBe(code);
    expect(failure.usage).toEqual({ inputTokens: 321, outputTokens: 123 });
  });
});

describe("OpenAI → mode (parse + zodResponseFormat)", () => {
  it("sends Bearer auth to /v1/chat/completions with the model and the strict mode schema", async () => {
    openAiServer.enqueue(jsonCompletion(petStoreAnswer(), { model: "gpt-4o-mini-2024-07-18" }));
    const answer = await openAi().generate(modeCall());

    expect(answer.data).toEqual(petStoreAnswer());
    expect(answer.model).toBe("gpt-4o-mini-2024-07-18");
    const [request] = openAiServer.requests;
    expect(request!.url).toBe("/v1/chat/completions");
    expect(request!.headers.authorization).toBe("Bearer sk-test-openai");
    expect(request!.body.model).toBe("gpt-4o-mini");
    const format = request!.body.response_format as JsonSchemaFormat;
    expect(format.type).toBe("json_schema");
    expect(format.json_schema.name).toBe("generated_mode_config");
    expect(format.json_schema.strict).toBe(true);
    expect(format.json_schema.schema.required).toEqual(MODE_WIRE_FIELDS);
    expectStrictSchema(format.json_schema.schema);
  });

  it("maps an answer that breaks the contract to GENERATION_INVALID with the issues", async () => {
    const { tabs: _tabs, ...withoutTabs } = petStoreAnswer();
    openAiServer.enqueue(jsonCompletion(withoutTabs));
    const failure = await failureOf(openAi().generate(modeCall()));
    expect(failure.code).toBe("GENERATION_INVALID");
    expect(failure.issues.join("\n")).toContain("tabs");
  });
});

describe("Anthropic → mode (forced tool, zod-validated)", () => {
  it("sends the generated_mode_config tool with the 8 fields and validates the tool_use input", async () => {
    anthropicServer.enqueue(
      toolUseReply(petStoreAnswer(), { toolName: GENERATED_MODE_SCHEMA_NAME }),
    );
    const answer = await anthropic().generate(modeCall());

    expect(answer.data).toEqual(petStoreAnswer());
    const [request] = anthropicServer.messageRequests;
    expect(apiKeyOf(request!.headers)).toBe("sk-ant-test-key");
    const tools = request!.body.tools as Array<{
      name: string;
      input_schema: Record<string, unknown>;
    }>;
    expect(tools).toHaveLength(1);
    expect(tools[0]!.name).toBe("generated_mode_config");
    expect(request!.body.tool_choice).toEqual({ type: "tool", name: "generated_mode_config" });
    const schema = tools[0]!.input_schema;
    expect(schema.type).toBe("object");
    expect(schema.$schema).toBeUndefined();
    expect(Object.keys(schema.properties as object)).toEqual(MODE_WIRE_FIELDS);
    expect(schema.required).toEqual(MODE_WIRE_FIELDS);
  });

  it("rejects a tool input that breaks the contract with GENERATION_INVALID and the issues", async () => {
    anthropicServer.enqueue(
      toolUseReply(
        { ...petStoreAnswer(), default_metrics: [{ label: "Sales" }] },
        { toolName: GENERATED_MODE_SCHEMA_NAME },
      ),
    );
    const failure = await failureOf(anthropic().generate(modeCall()));
    expect(failure.code).toBe("GENERATION_INVALID");
    expect(failure.issues.join("\n")).toContain("default_metrics.0.value");
  });
});

describe("JSON-mode fallback for OpenAI-compatible servers without json_schema", () => {
  it("retries once in JSON mode, then stays in JSON mode (one warning)", async () => {
    openAiServer.respondByDefault(withoutJsonSchemaSupport(() => jsonCompletion(petStoreAnswer())));
    const { logger, lines } = capturingLogger();
    const llm = openAi({ logger });

    const first = await llm.generate(modeCall());
    expect(first.data).toEqual(petStoreAnswer());
    expect(openAiServer.requests.map(responseFormatOf)).toEqual(["json_schema", "json_object"]);
    const messages = openAiServer.requests[1]!.body.messages as Array<{ content: string }>;
    expect(messages[0]!.content).toContain("You configure dashboards.");
    expect(messages[0]!.content).toContain('"welcome_message"');
    expect(messages[1]!.content).toBe("Industry: pet store");
    expect(llm.usesJsonMode).toBe(true);

    const second = await llm.generate(modeCall());
    expect(second.data).toEqual(petStoreAnswer());
    expect(openAiServer.requests.map(responseFormatOf)).toEqual([
      "json_schema",
      "json_object",
      "json_object",
    ]);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 40, provider: "openai", status: 400 });
  });

  it("serves the workflow task in JSON mode with the FlowIR schema in the prompt", async () => {
    openAiServer.respondByDefault(
      withoutJsonSchemaSupport(() =>
        chatCompletion({ content: "```json\n" + JSON.stringify(fixture.validWorkflow) + "\n```" }),
      ),
    );
    const answer = await openAi().generate(workflowCall());
    expectValidFixtureWorkflow(answer.data);
    expect(openAiServer.requests).toHaveLength(2);
    const messages = openAiServer.requests[1]!.body.messages as Array<{ content: string }>;
    // The natural FlowIR schema, not the strict form: the model writes the document directly.
    expect(messages[0]!.content).toContain(JSON.stringify(workflowCall().output.jsonSchema));
  });

  it("maps a JSON-mode answer that breaks the mode schema to GENERATION_INVALID with issues", async () => {
    const { tabs: _tabs, ...withoutTabs } = petStoreAnswer();
    openAiServer.respondByDefault(withoutJsonSchemaSupport(() => jsonCompletion(withoutTabs)));
    const failure = await failureOf(openAi().generate(modeCall()));
    expect(failure.code).toBe("GENERATION_INVALID");
    expect(failure.issues.join("\n")).toContain("tabs");
    expect(failure.usage).toEqual({ inputTokens: 321, outputTokens: 123 });
    expect(openAiServer.requests).toHaveLength(2);
  });

  it("reports the first 400 and stays in json_schema mode when JSON mode is refused too", async () => {
    openAiServer.respondByDefault(() => errorReply(400, "context length exceeded"));
    const llm = openAi();
    const failure = await failureOf(llm.generate(modeCall()));
    expect(failure.code).toBe("GENERATION_INVALID");
    expect(openAiServer.requests.map(responseFormatOf)).toEqual(["json_schema", "json_object"]);
    expect(llm.usesJsonMode).toBe(false);
  });

  it("does not fall back without a custom baseURL (Azure): a 400 is reported as it is", async () => {
    openAiServer.respondByDefault(withoutJsonSchemaSupport(() => jsonCompletion(petStoreAnswer())));
    const failure = await failureOf(azure().generate(modeCall()));
    expect(failure.code).toBe("GENERATION_INVALID");
    expect(openAiServer.requests).toHaveLength(1);
  });
});

describe("createLlm: every configured provider serves both tasks", () => {
  const configFor = () =>
    loadConfig({
      AZURE_OPENAI_ENDPOINT: openAiServer.url,
      AZURE_OPENAI_API_KEY: "test-azure-key",
      OPENAI_API_KEY: "sk-test-openai",
      OPENAI_BASE_URL: `${openAiServer.url}/v1`,
      ANTHROPIC_API_KEY: "sk-ant-test-key",
      ANTHROPIC_BASE_URL: anthropicServer.url,
      LLM_MAX_RETRIES: "0",
    });

  it.each(["azure-openai", "openai", "anthropic"] as const)(
    "%s answers the mode call and the workflow call",
    async (provider: Exclude<ProviderChoice, "offline">) => {
      const llm = await createLlm(configFor(), provider);
      expect(llm?.provider).toBe(provider);
      if (provider === "anthropic") {
        anthropicServer.enqueue(
          toolUseReply(petStoreAnswer(), { toolName: GENERATED_MODE_SCHEMA_NAME }),
          toolUseReply(fixture.validWorkflow),
        );
      } else {
        openAiServer.enqueue(jsonCompletion(petStoreAnswer()), strictWorkflowAnswer);
      }
      expect((await llm!.generate(modeCall())).data).toEqual(petStoreAnswer());
      expectValidFixtureWorkflow((await llm!.generate(workflowCall())).data);
    },
  );
});
