import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { GenerationFailure } from "../../../src/errors/generation-error.js";
import { AnthropicLlm, toolInputSchema } from "../../../src/llm/anthropic.js";
import type { ResilientLlm } from "../../../src/llm/resilient-llm.js";
import type { StructuredCall } from "../../../src/llm/structured-llm.js";
import {
  FakeAnthropicServer,
  apiKeyOf,
  errorReply,
  messageReply,
  toolUseReply,
} from "../../support/fake-anthropic-server.js";
import { resilient } from "../../support/resilient.js";

const answerSchema = z.object({
  title: z.string(),
  tags: z.record(z.string(), z.string()),
});
type Answer = z.infer<typeof answerSchema>;

function call(overrides: Partial<StructuredCall<Answer>> = {}): StructuredCall<Answer> {
  return {
    system: "You answer with the tool. RULE: be brief.",
    user: "<request>Make a title</request>",
    output: { name: "generated_workflow", description: "A titled thing", schema: answerSchema },
    ...overrides,
  };
}

async function failureOf(promise: Promise<unknown>): Promise<GenerationFailure> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(GenerationFailure);
  return error as GenerationFailure;
}

describe("AnthropicLlm against a loopback Messages API", () => {
  const server = new FakeAnthropicServer();
  let llm: AnthropicLlm;
  /** The adapter with one transport retry, as the server runs it (LLM_MAX_RETRIES=1). */
  let retrying: ResilientLlm;

  beforeAll(async () => {
    await server.listen();
  });
  afterAll(async () => {
    await server.close();
  });
  beforeEach(() => {
    server.reset();
    llm = new AnthropicLlm({
      apiKey: "sk-ant-test-key",
      baseURL: server.url,
      timeoutMs: 2_000,
    });
    retrying = resilient(llm, { maxRetries: 1 });
  });

  it("sends one forced tool with the schema, temperature 0, the default model, system and one user message", async () => {
    server.enqueue(
      toolUseReply({ title: "Hello", tags: { a: "b" } }, { inputTokens: 11, outputTokens: 7 }),
    );

    const answer = await llm.generate(call());

    expect(answer).toEqual({
      data: { title: "Hello", tags: { a: "b" } },
      model: "claude-sonnet-4-20250514",
      usage: { inputTokens: 11, outputTokens: 7 },
      httpCalls: 1,
    });
    expect(server.requests).toHaveLength(1);
    const [request] = server.requests;
    expect(request!.method).toBe("POST");
    expect(request!.url).toBe("/v1/messages");
    expect(apiKeyOf(request!.headers)).toBe("sk-ant-test-key");
    const body = request!.body;
    expect(body.model).toBe("claude-sonnet-4-0");
    expect(body.temperature).toBe(0);
    expect(body.max_tokens).toBe(4096);
    expect(body.system).toContain("RULE: be brief.");
    expect(body.messages).toEqual([{ role: "user", content: "<request>Make a title</request>" }]);
    expect(body.tool_choice).toEqual({ type: "tool", name: "generated_workflow" });
    const tools = body.tools as Array<Record<string, unknown>>;
    expect(tools).toHaveLength(1);
    expect(tools[0]!.name).toBe("generated_workflow");
    expect(tools[0]!.description).toBe("A titled thing");
    const inputSchema = tools[0]!.input_schema as Record<string, unknown>;
    expect(inputSchema.$schema).toBeUndefined();
    expect(inputSchema.type).toBe("object");
    // The record survives as an open object of strings (the SDK's zod helper would send {}).
    expect((inputSchema.properties as Record<string, unknown>).tags).toMatchObject({
      type: "object",
      additionalProperties: { type: "string" },
    });
  });

  it("uses the call's model, temperature, output limit and hand-built JSON Schema", async () => {
    server.enqueue(toolUseReply({ anything: true }, { model: "claude-opus-4-1" }));
    const jsonSchema = { type: "object", properties: { anything: { type: "boolean" } } };

    const answer = await llm.generate({
      ...call(),
      output: { ...call().output, jsonSchema, validate: false },
      model: "claude-opus-4-1",
      temperature: 0.4,
      maxOutputTokens: 1000,
    });

    expect(answer.data).toEqual({ anything: true });
    expect(answer.model).toBe("claude-opus-4-1");
    const body = server.requests[0]!.body;
    expect(body.model).toBe("claude-opus-4-1");
    expect(body.temperature).toBe(0.4);
    expect(body.max_tokens).toBe(1000);
    expect((body.tools as Array<Record<string, unknown>>)[0]!.input_schema).toEqual(jsonSchema);
  });

  it("creates the SDK client on first use, not in the constructor", async () => {
    // No server call and no credential lookup happen until generate().
    const lazy = new AnthropicLlm({
      apiKey: "k",
      baseURL: server.url,
      timeoutMs: 500,
    });
    expect(server.requests).toHaveLength(0);
    server.enqueue(toolUseReply({ title: "x", tags: {} }));
    await lazy.generate(call());
    expect(server.requests).toHaveLength(1);
  });

  it("rejects an input that fails the zod contract with the issues and usage", async () => {
    server.enqueue(toolUseReply({ title: 42 }, { inputTokens: 5, outputTokens: 3 }));

    const failure = await failureOf(llm.generate(call()));

    expect(failure.code).toBe("GENERATION_INVALID");
    expect(failure.issues.join("\n")).toMatch(/title/);
    expect(failure.issues.join("\n")).toMatch(/tags/);
    expect(failure.usage).toEqual({ inputTokens: 5, outputTokens: 3 });
    expect(failure.rawText).toBe('{"title":42}');
  });

  it("returns the input unchecked when validate is false", async () => {
    server.enqueue(toolUseReply({ title: 42 }));
    const answer = await llm.generate({ ...call(), output: { ...call().output, validate: false } });
    expect(answer.data).toEqual({ title: 42 });
  });

  it("reports empty content with the seed's message", async () => {
    server.enqueue(messageReply([], { inputTokens: 9, outputTokens: 0 }));
    const failure = await failureOf(llm.generate(call()));
    expect(failure.code).toBe("GENERATION_INVALID");
    expect(failure.message).toBe("Invalid LLM response structure: missing or empty content");
    expect(failure.usage).toEqual({ inputTokens: 9, outputTokens: 0 });
  });

  it("reports missing content with the seed's message", async () => {
    server.enqueue({
      status: 200,
      body: { id: "m", type: "message", role: "assistant", model: "x", stop_reason: "end_turn" },
    });
    const failure = await failureOf(llm.generate(call()));
    expect(failure.code).toBe("GENERATION_INVALID");
    expect(failure.message).toBe("Invalid LLM response structure: missing or empty content");
  });

  it("reports a JSON null body as the seed's None response", async () => {
    server.enqueue({ status: 200, body: null });
    const failure = await failureOf(llm.generate(call()));
    expect(failure.code).toBe("GENERATION_INVALID");
    expect(failure.message).toBe("LLM returned None response");
  });

  it("reports a first block without input as an invalid structure", async () => {
    server.enqueue(
      messageReply([
        { type: "text", text: "Here is your workflow" },
        {
          type: "tool_use",
          id: "t",
          name: "generated_workflow",
          input: { title: "late", tags: {} },
        },
      ]),
    );
    const failure = await failureOf(llm.generate(call()));
    expect(failure.code).toBe("GENERATION_INVALID");
    expect(failure.message).toMatch(
      /^Invalid LLM response structure: content\[0\] is a 'text' block without 'input'/,
    );
  });

  it("maps stop_reason max_tokens to GENERATION_TRUNCATED with usage", async () => {
    server.enqueue(
      toolUseReply(
        { title: "cut" },
        { stopReason: "max_tokens", inputTokens: 10, outputTokens: 4096 },
      ),
    );
    const failure = await failureOf(llm.generate(call()));
    expect(failure.code).toBe("GENERATION_TRUNCATED");
    expect(failure.usage).toEqual({ inputTokens: 10, outputTokens: 4096 });
  });

  it("maps stop_reason refusal to GENERATION_REFUSED", async () => {
    server.enqueue(messageReply([], { stopReason: "refusal" }));
    const failure = await failureOf(llm.generate(call()));
    expect(failure.code).toBe("GENERATION_REFUSED");
  });

  it("makes one HTTP call per generate (the SDK does not retry) and reports status and Retry-After", async () => {
    server.enqueue(errorReply(503, "overloaded_error", "busy", { "retry-after": "7" }));
    const failure = await failureOf(llm.generate(call()));
    expect(failure.code).toBe("UPSTREAM_UNAVAILABLE");
    expect(failure).toMatchObject({ status: 503, retryAfterMs: 7_000, httpCalls: 1 });
    expect(server.requests).toHaveLength(1);
  });

  it("counts its HTTP call on answers and on answers it rejects", async () => {
    server.enqueue(toolUseReply({ title: "ok", tags: {} }), toolUseReply({ title: 42 }));
    expect((await llm.generate(call())).httpCalls).toBe(1);
    expect((await failureOf(llm.generate(call()))).httpCalls).toBe(1);
  });

  it("maps 500s that outlast the retries to UPSTREAM_UNAVAILABLE after 1 + maxRetries requests", async () => {
    server.enqueue(errorReply(500, "api_error"), errorReply(500, "api_error"));
    const failure = await failureOf(retrying.generate(call()));
    expect(failure.code).toBe("UPSTREAM_UNAVAILABLE");
    expect(server.requests).toHaveLength(2);
    expect(failure.httpCalls).toBe(2);
  });

  it("retries a transient 529 and succeeds", async () => {
    server.enqueue(errorReply(529, "overloaded_error"), toolUseReply({ title: "ok", tags: {} }));
    const answer = await retrying.generate(call());
    expect(answer.data.title).toBe("ok");
    expect(server.requests).toHaveLength(2);
    expect(answer.httpCalls).toBe(2);
  });

  it.each([
    [429, "rate_limit_error", "UPSTREAM_RATE_LIMITED", 2],
    [401, "authentication_error", "NOT_CONFIGURED", 1],
    [403, "permission_error", "NOT_CONFIGURED", 1],
    [404, "not_found_error", "NOT_CONFIGURED", 1],
    [400, "invalid_request_error", "GENERATION_INVALID", 1],
    [413, "request_too_large", "GENERATION_INVALID", 1],
  ] as const)(
    "maps HTTP %i to its code (retried only when transient)",
    async (status, type, code, requests) => {
      server.respondByDefault(() => errorReply(status, type));
      try {
        const failure = await failureOf(retrying.generate(call()));
        expect(failure.code).toBe(code);
        expect(server.requests).toHaveLength(requests);
        expect(failure.httpCalls).toBe(requests);
      } finally {
        server.respondByDefault(() => errorReply(500, "api_error"));
      }
    },
  );

  it("maps a hanging server to UPSTREAM_TIMEOUT when the SDK's per-request timeout fires", async () => {
    const quick = new AnthropicLlm({
      apiKey: "k",
      baseURL: server.url,
      timeoutMs: 150,
    });
    server.enqueue({ hang: true });
    const failure = await failureOf(quick.generate(call()));
    expect(failure.code).toBe("UPSTREAM_TIMEOUT");
  });

  it("maps the caller's aborted signal (the deadline) to UPSTREAM_TIMEOUT", async () => {
    server.enqueue({ hang: true });
    const started = Date.now();
    const failure = await failureOf(llm.generate({ ...call(), signal: AbortSignal.timeout(150) }));
    expect(failure.code).toBe("UPSTREAM_TIMEOUT");
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it("maps an unreachable server to UPSTREAM_UNAVAILABLE", async () => {
    const closed = new FakeAnthropicServer();
    await closed.listen();
    const url = closed.url;
    await closed.close();
    const unreachable = new AnthropicLlm({
      apiKey: "k",
      baseURL: url,
      timeoutMs: 500,
    });
    const failure = await failureOf(unreachable.generate(call()));
    expect(failure.code).toBe("UPSTREAM_UNAVAILABLE");
  });
});

describe("toolInputSchema", () => {
  it("drops $schema from zod's conversion", () => {
    const schema = toolInputSchema({ name: "t", description: "d", schema: answerSchema });
    expect(schema).not.toHaveProperty("$schema");
    expect(schema.type).toBe("object");
  });

  it("refuses a non-object schema", () => {
    expect(() => toolInputSchema({ name: "t", description: "d", schema: z.string() })).toThrow(
      TypeError,
    );
  });
});
