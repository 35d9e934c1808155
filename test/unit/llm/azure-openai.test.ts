import type { AccessToken, TokenCredential } from "@azure/identity";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { GenerationFailure } from "../../../src/errors/generation-error.js";
import { createAzureOpenAiLlm } from "../../../src/llm/azure-openai.js";
import type { StructuredCall } from "../../../src/llm/structured-llm.js";
import {
  GENERATED_MODE_SCHEMA_NAME,
  generatedModeConfigSchema,
} from "../../../src/services/mode/mode.contract.js";
import type { GeneratedModeConfig } from "../../../src/services/mode/mode.contract.js";
import {
  FakeOpenAiServer,
  chatCompletion,
  errorReply,
  jsonCompletion,
} from "../../support/fake-openai-server.js";
import { MODE_WIRE_FIELDS, petStoreAnswer } from "../../support/mode-answers.js";
import { resilient } from "../../support/resilient.js";

const server = new FakeOpenAiServer();
beforeAll(() => server.listen());
afterAll(() => server.close());
beforeEach(() => server.reset());

const modeCall = (signal?: AbortSignal): StructuredCall<GeneratedModeConfig> => ({
  system: "You configure dashboards.",
  user: "Industry: pet store",
  output: {
    name: GENERATED_MODE_SCHEMA_NAME,
    description: "Dashboard mode configuration",
    schema: generatedModeConfigSchema,
  },
  signal,
});

const keyed = (overrides: { timeoutMs?: number } = {}) =>
  createAzureOpenAiLlm({
    endpoint: server.url,
    apiKey: "test-azure-key",
    apiVersion: "2024-10-21",
    deployment: "model-router",
    timeoutMs: overrides.timeoutMs ?? 2000,
  });

/** The adapter behind the resilience layer, which makes the transport retries. */
const keyedWithRetries = (options: { timeoutMs?: number; maxRetries: number }) =>
  resilient(keyed({ timeoutMs: options.timeoutMs }), {
    maxRetries: options.maxRetries,
    timeoutMs: options.timeoutMs ?? 2000,
  });

async function failureOf(promise: Promise<unknown>): Promise<GenerationFailure> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(GenerationFailure);
  return error as GenerationFailure;
}

describe("Azure OpenAI adapter over the wire", () => {
  it("sends api-key, the deployment path, api-version and the strict json_schema", async () => {
    server.enqueue(jsonCompletion(petStoreAnswer(), { promptTokens: 400, completionTokens: 250 }));
    const answer = await keyed().generate(modeCall());

    expect(answer.data.industry_name).toBe("Pet Store");
    expect(answer.usage).toEqual({ inputTokens: 400, outputTokens: 250 });
    expect(server.requests).toHaveLength(1);
    const [request] = server.requests;
    const url = new URL(request!.url, server.url);
    expect(url.pathname).toBe("/openai/deployments/model-router/chat/completions");
    expect(url.searchParams.get("api-version")).toBe("2024-10-21");
    expect(request!.headers["api-key"]).toBe("test-azure-key");
    expect(request!.headers.authorization).toBeUndefined();

    const format = request!.body.response_format as {
      type: string;
      json_schema: { name: string; strict: boolean; schema: Record<string, unknown> };
    };
    expect(format.type).toBe("json_schema");
    expect(format.json_schema.name).toBe("generated_mode_config");
    expect(format.json_schema.strict).toBe(true);
    expect(format.json_schema.schema.required).toEqual(MODE_WIRE_FIELDS);
    expect(format.json_schema.schema.additionalProperties).toBe(false);
    const messages = request!.body.messages as Array<{ role: string; content: string }>;
    expect(messages.map((message) => message.role)).toEqual(["system", "user"]);
  });

  it("sends an Entra ID bearer token from the credential when no key is configured", async () => {
    const scopes: string[][] = [];
    const credential: TokenCredential = {
      async getToken(scope): Promise<AccessToken> {
        scopes.push([scope].flat());
        return { token: "static-entra-token", expiresOnTimestamp: Date.now() + 3_600_000 };
      },
    };
    server.enqueue(jsonCompletion(petStoreAnswer()));
    const llm = createAzureOpenAiLlm({
      endpoint: server.url,
      credential,
      apiVersion: "2024-10-21",
      deployment: "model-router",
      timeoutMs: 2000,
    });
    await llm.generate(modeCall());

    expect(server.requests[0]!.headers.authorization).toBe("Bearer static-entra-token");
    expect(server.requests[0]!.headers["api-key"]).toBeUndefined();
    expect(scopes).toEqual([["https://cognitiveservices.azure.com/.default"]]);
  });

  it("maps a refusal to GENERATION_REFUSED", async () => {
    server.enqueue(chatCompletion({ refusal: "I can't help with that." }));
    const failure = await failureOf(keyed().generate(modeCall()));
    expect(failure.code).toBe("GENERATION_REFUSED");
    expect(failure.message).toContain("I can't help with that.");
  });

  it("maps finish_reason content_filter to CONTENT_FILTERED", async () => {
    server.enqueue(chatCompletion({ content: "{", finishReason: "content_filter" }));
    expect((await failureOf(keyed().generate(modeCall()))).code).toBe("CONTENT_FILTERED");
  });

  it("maps a prompt rejected by Azure's filter (400 content_filter) to CONTENT_FILTERED", async () => {
    server.enqueue(errorReply(400, "The prompt was filtered", { code: "content_filter" }));
    expect((await failureOf(keyed().generate(modeCall()))).code).toBe("CONTENT_FILTERED");
  });

  it("maps finish_reason length to GENERATION_TRUNCATED", async () => {
    server.enqueue(chatCompletion({ content: '{"industry_name": "Pet', finishReason: "length" }));
    expect((await failureOf(keyed().generate(modeCall()))).code).toBe("GENERATION_TRUNCATED");
  });

  it("maps broken JSON to GENERATION_INVALID", async () => {
    server.enqueue(chatCompletion({ content: '{"industry_name": "Pet Store", ' }));
    const failure = await failureOf(keyed().generate(modeCall()));
    expect(failure.code).toBe("GENERATION_INVALID");
    expect(failure.issues.length).toBeGreaterThan(0);
  });

  it("maps an answer missing required fields to GENERATION_INVALID with the issues", async () => {
    const { tabs: _tabs, ...withoutTabs } = petStoreAnswer();
    server.enqueue(jsonCompletion(withoutTabs));
    const failure = await failureOf(keyed().generate(modeCall()));
    expect(failure.code).toBe("GENERATION_INVALID");
    expect(failure.issues.join("\n")).toContain("tabs");
  });

  it("makes one HTTP call per generate: a 429 is not retried by the SDK", async () => {
    server.enqueue(errorReply(429, "Too many requests", {}, { "retry-after-ms": "10" }));
    const failure = await failureOf(keyed().generate(modeCall()));
    expect(failure).toMatchObject({
      code: "UPSTREAM_RATE_LIMITED",
      status: 429,
      retryAfterMs: 10,
      httpCalls: 1,
    });
    expect(server.requests).toHaveLength(1);
  });

  it("retries a 429 and succeeds on the following 200", async () => {
    server.enqueue(
      errorReply(429, "Too many requests", {}, { "retry-after-ms": "10" }),
      jsonCompletion(petStoreAnswer()),
    );
    const answer = await keyedWithRetries({ maxRetries: 2 }).generate(modeCall());
    expect(answer.data.industry_id).toBe("pet_store");
    expect(server.requests).toHaveLength(2);
    expect(answer.httpCalls).toBe(2);
  });

  it("maps a 429 that outlasts the retries to UPSTREAM_RATE_LIMITED", async () => {
    server.respondByDefault(() => errorReply(429, "slow down", {}, { "retry-after-ms": "5" }));
    try {
      const failure = await failureOf(keyedWithRetries({ maxRetries: 1 }).generate(modeCall()));
      expect(failure.code).toBe("UPSTREAM_RATE_LIMITED");
      expect(server.requests).toHaveLength(2);
      expect(failure.httpCalls).toBe(2);
    } finally {
      server.respondByDefault(() => errorReply(500, "no reply scripted"));
    }
  });

  it("maps 401 to NOT_CONFIGURED and 503 to UPSTREAM_UNAVAILABLE", async () => {
    server.enqueue(errorReply(401, "bad key"));
    expect((await failureOf(keyed().generate(modeCall()))).code).toBe("NOT_CONFIGURED");
    server.enqueue(errorReply(503, "overloaded"));
    expect((await failureOf(keyed().generate(modeCall()))).code).toBe("UPSTREAM_UNAVAILABLE");
  });

  it("gives up on a hanging server at the overall deadline with UPSTREAM_TIMEOUT", async () => {
    server.respondByDefault(() => ({ hang: true }));
    try {
      const startedAt = performance.now();
      const failure = await failureOf(
        keyedWithRetries({ timeoutMs: 10_000, maxRetries: 2 }).generate(
          modeCall(AbortSignal.timeout(300)),
        ),
      );
      const elapsed = performance.now() - startedAt;
      expect(failure.code).toBe("UPSTREAM_TIMEOUT");
      expect(elapsed).toBeLessThan(3000);
    } finally {
      server.respondByDefault(() => errorReply(500, "no reply scripted"));
    }
  });

  it("maps the per-call timeout with retries exhausted to UPSTREAM_TIMEOUT", async () => {
    server.respondByDefault(() => ({ hang: true }));
    try {
      const failure = await failureOf(
        keyedWithRetries({ timeoutMs: 150, maxRetries: 1 }).generate(modeCall()),
      );
      expect(failure.code).toBe("UPSTREAM_TIMEOUT");
      expect(server.requests).toHaveLength(2);
      expect(failure.httpCalls).toBe(2);
    } finally {
      server.respondByDefault(() => errorReply(500, "no reply scripted"));
    }
  });
});
