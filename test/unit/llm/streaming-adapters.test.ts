import { describe, expect, it } from "vitest";
import { GenerationFailure } from "../../../src/errors/generation-error.js";
import { AnthropicLlm } from "../../../src/llm/anthropic.js";
import { createOpenAiLlm } from "../../../src/llm/openai.js";
import { toStrictJsonSchema } from "../../../src/llm/strict-json-schema.js";
import type { StructuredCall } from "../../../src/llm/structured-llm.js";
import { flowIrJsonSchema, flowIrSchema } from "../../../src/services/workflow/flow-ir.contract.js";
import { WORKFLOW_TOOL_NAME } from "../../../src/services/workflow/workflow.types.js";
import { errorReply as anthropicError, toolUseReply } from "../../support/fake-anthropic-server.js";
import {
  chatCompletion,
  errorReply,
  jsonCompletion,
  responseFormatOf,
  withoutJsonSchemaSupport,
} from "../../support/fake-openai-server.js";
import { serverSentEvent } from "../../support/loopback-json-server.js";
import type { ScriptedReply, StreamedEvent } from "../../support/loopback-json-server.js";
import { MODE_WIRE_FIELDS, petStoreAnswer } from "../../support/mode-answers.js";
import { WORKFLOW_FIXTURE } from "../../support/model-answers.js";
import { modeCall, useStreamingWires } from "../../support/streaming-wires.js";

// Fast: these tests check what arrives, not when (streaming-latency.test.ts does).
const { wires, openAiServer, anthropicServer } = useStreamingWires({
  tokensPerSecond: 2000,
  charactersPerToken: 4,
});

async function failureOf(promise: Promise<unknown>): Promise<GenerationFailure> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(GenerationFailure);
  return error as GenerationFailure;
}

/** The failure's code, message and details, without the SDK's own cause. */
function summaryOf(failure: GenerationFailure) {
  return {
    code: failure.code,
    message: failure.message,
    issues: failure.issues,
    usage: failure.usage,
    status: failure.status,
    httpCalls: failure.httpCalls,
  };
}

describe.each(wires)("$label: stream()", (wire) => {
  it("sends the generate request with stream: true and tells every field in contract order", async () => {
    const answer = petStoreAnswer();
    wire.server.enqueue(wire.answerWith(answer), wire.answerWith(answer));
    const llm = wire.createLlm();
    const fields: Array<[string, unknown]> = [];

    const streamed = await llm.stream(modeCall(), (name, value) => fields.push([name, value]));
    const generated = await llm.generate(modeCall());

    expect(fields.map(([name]) => name)).toEqual(MODE_WIRE_FIELDS);
    expect(Object.fromEntries(fields)).toEqual(answer);
    expect(streamed).toEqual(generated);
    expect(streamed.data).toEqual(answer);
    const [streamRequest, generateRequest] = wire.server.requests;
    expect(streamRequest!.body.stream).toBe(true);
    expect(generateRequest!.body.stream).toBeUndefined();
    const { stream: _stream, stream_options: _options, ...streamBody } = streamRequest!.body;
    expect(streamBody).toEqual(generateRequest!.body);
    expect(wire.server.streams).toHaveLength(1);
  });

  it("fails with the same GENERATION_INVALID as generate when the answer breaks the contract", async () => {
    const broken = { ...petStoreAnswer(), tabs: "not a list" };
    wire.server.enqueue(wire.answerWith(broken), wire.answerWith(broken));
    const llm = wire.createLlm();
    const fields: string[] = [];
    const streamed = await failureOf(llm.stream(modeCall(), (name) => fields.push(name)));
    const generated = await failureOf(llm.generate(modeCall()));
    expect(summaryOf(streamed)).toEqual(summaryOf(generated));
    expect(streamed.code).toBe("GENERATION_INVALID");
    // The fields were a preview: they arrived, the answer was still judged whole.
    expect(fields).toEqual(MODE_WIRE_FIELDS);
  });

  it("maps an HTTP 429 before the stream to the same failure as generate", async () => {
    const reply =
      wire.server === anthropicServer
        ? anthropicError(429, "rate_limit_error", "slow down", { "retry-after": "7" })
        : errorReply(429, "slow down", {}, { "retry-after": "7" });
    wire.server.enqueue(reply, reply);
    const llm = wire.createLlm();
    const streamed = await failureOf(llm.stream(modeCall(), () => undefined));
    const generated = await failureOf(llm.generate(modeCall()));
    expect(summaryOf(streamed)).toEqual(summaryOf(generated));
    expect(streamed.code).toBe("UPSTREAM_RATE_LIMITED");
    expect(streamed.retryAfterMs).toBe(7000);
  });

  it("fails with UPSTREAM_TIMEOUT, as generate does, when the call's signal is already aborted", async () => {
    wire.server.enqueue(wire.answerWith(petStoreAnswer()));
    const failure = await failureOf(
      wire.createLlm().stream(modeCall(AbortSignal.abort()), () => undefined),
    );
    expect(failure.code).toBe("UPSTREAM_TIMEOUT");
  });

  it("maps a connection dropped mid-answer to a transient UPSTREAM_UNAVAILABLE", async () => {
    // fetch reports it as a TypeError ("terminated"), which neither SDK wraps once streaming.
    wire.server.enqueue({
      ...withEditedStream(wire.answerWith(petStoreAnswer()), (events) => events.slice(0, 12)),
      streamEnd: "drop",
    });
    const failure = await failureOf(wire.createLlm().stream(modeCall(), () => undefined));
    expect(failure.code).toBe("UPSTREAM_UNAVAILABLE");
    expect(failure.message).toMatch(/ended the stream before the answer was complete/);
    expect(wire.server.streams[0]!.dropped).toBe(true);
  });

  it("fails the call with the listener's own TypeError, never mistaken for a lost connection", async () => {
    wire.server.enqueue(wire.answerWith(petStoreAnswer()));
    const bug = new TypeError("Cannot read properties of undefined (reading 'x')");
    const error = await wire
      .createLlm()
      .stream(modeCall(), () => {
        throw bug;
      })
      .catch((thrown: unknown) => thrown);
    expect(error).toBe(bug);
  });

  it("fails the call with the listener's own error when the listener throws", async () => {
    wire.server.enqueue(wire.answerWith(petStoreAnswer()));
    const bug = new Error("listener bug");
    const error = await wire
      .createLlm()
      .stream(modeCall(), () => {
        throw bug;
      })
      .catch((thrown: unknown) => thrown);
    expect(error).toBe(bug);
  });
});

describe.each(wires.filter((wire) => wire.label !== "Anthropic"))(
  "$label: stream() on the chat-completions wire",
  (wire) => {
    it("asks for the usage chunk and reports the usage generate reports", async () => {
      wire.server.enqueue(
        jsonCompletion(petStoreAnswer(), { promptTokens: 11, completionTokens: 22 }),
      );
      const answer = await wire.createLlm().stream(modeCall(), () => undefined);
      expect(answer.usage).toEqual({ inputTokens: 11, outputTokens: 22 });
      expect(wire.server.requests[0]!.body.stream_options).toEqual({ include_usage: true });
    });

    it.each([
      ["finish_reason length", { finishReason: "length" as const }, "GENERATION_TRUNCATED"],
      ["content_filter", { finishReason: "content_filter" as const }, "CONTENT_FILTERED"],
    ])("maps %s as generate does", async (_label, options, code) => {
      const reply = chatCompletion({ content: '{"industry_name":"Pet', ...options });
      wire.server.enqueue(reply, reply);
      const llm = wire.createLlm();
      const streamed = await failureOf(llm.stream(modeCall(), () => undefined));
      const generated = await failureOf(llm.generate(modeCall()));
      expect(streamed.code).toBe(code);
      expect(summaryOf(streamed)).toEqual(summaryOf(generated));
    });

    it("maps a refusal as generate does", async () => {
      const reply = chatCompletion({ refusal: "I can't help with that." });
      wire.server.enqueue(reply, reply);
      const llm = wire.createLlm();
      const streamed = await failureOf(llm.stream(modeCall(), () => undefined));
      const generated = await failureOf(llm.generate(modeCall()));
      expect(streamed.code).toBe("GENERATION_REFUSED");
      expect(summaryOf(streamed)).toEqual(summaryOf(generated));
    });

    it("maps a stream cut before its last chunk to a transient UPSTREAM_UNAVAILABLE", async () => {
      // No finish_reason chunk and no [DONE]: what a dropped connection leaves.
      wire.server.enqueue(
        withEditedStream(chatCompletion({ content: '{"industry_name":"Pet' }), (events) =>
          events.filter((event) => event.token || event.text.includes('"role"')),
        ),
      );
      const fields: string[] = [];
      const failure = await failureOf(
        wire.createLlm().stream(modeCall(), (name) => fields.push(name)),
      );
      expect(failure.code).toBe("UPSTREAM_UNAVAILABLE");
      expect(failure.message).toMatch(/ended the stream before the answer was complete/);
      expect(fields).toEqual([]);
    });
  },
);

/** `reply` with its streamed events rewritten by `edit`. */
function withEditedStream(
  reply: ScriptedReply,
  edit: (events: StreamedEvent[]) => StreamedEvent[],
): ScriptedReply {
  if ("hang" in reply) throw new TypeError("a hanging reply streams nothing");
  return { ...reply, editStream: edit };
}

describe("OpenAI-compatible server without json_schema: stream() falls back to JSON mode", () => {
  it("retries the stream in JSON mode and returns what generate returns", async () => {
    const answer = petStoreAnswer();
    openAiServer.respondByDefault(withoutJsonSchemaSupport(() => jsonCompletion(answer)));
    const fields: string[] = [];
    const llm = createOpenAiLlm({
      apiKey: "k",
      baseURL: `${openAiServer.url}/v1`,
      model: "local",
      timeoutMs: 5000,
    });
    const streamed = await llm.stream(modeCall(), (name) => fields.push(name));
    expect(streamed.data).toEqual(answer);
    expect(streamed.httpCalls).toBe(2);
    expect(openAiServer.requests.map(responseFormatOf)).toEqual(["json_schema", "json_object"]);
    expect(fields).toEqual(MODE_WIRE_FIELDS);
    expect(llm.usesJsonMode).toBe(true);
  });

  it("reads a JSON-mode answer in a code fence: no fields, the same answer", async () => {
    const answer = petStoreAnswer();
    openAiServer.respondByDefault(
      withoutJsonSchemaSupport(() =>
        chatCompletion({ content: "```json\n" + JSON.stringify(answer) + "\n```" }),
      ),
    );
    const fields: string[] = [];
    const llm = createOpenAiLlm({
      apiKey: "k",
      baseURL: `${openAiServer.url}/v1`,
      model: "local",
      timeoutMs: 5000,
    });
    const streamed = await llm.stream(modeCall(), (name) => fields.push(name));
    expect(streamed.data).toEqual(answer);
    expect(fields).toEqual([]);
  });
});

describe("the workflow call (hand-built schema, validate: false)", () => {
  const workflowCall = (): StructuredCall<unknown> => ({
    system: "You plan linear workflows.",
    user: "<request>Summarize notes</request>",
    output: {
      name: WORKFLOW_TOOL_NAME,
      description: "Submit the complete FlowIR workflow document.",
      schema: flowIrSchema,
      jsonSchema: flowIrJsonSchema({ nodeTypes: WORKFLOW_FIXTURE.browsedComponents.nodeIds }),
      validate: false,
    },
    temperature: 0,
  });

  it("OpenAI: streams the strict wire form and decodes the answer as generate does", async () => {
    const strict = toStrictJsonSchema(
      flowIrJsonSchema({ nodeTypes: WORKFLOW_FIXTURE.browsedComponents.nodeIds }),
    );
    const reply = jsonCompletion(strict.encode(WORKFLOW_FIXTURE.validWorkflow));
    openAiServer.enqueue(reply, reply);
    const llm = createOpenAiLlm({
      apiKey: "k",
      baseURL: `${openAiServer.url}/v1`,
      model: "gpt-4o-mini",
      timeoutMs: 5000,
    });
    const fields: string[] = [];
    const streamed = await llm.stream(workflowCall(), (name) => fields.push(name));
    expect(streamed).toEqual(await llm.generate(workflowCall()));
    expect(streamed.data).toEqual(WORKFLOW_FIXTURE.validWorkflow);
    expect(fields).toEqual(Object.keys(strict.encode(WORKFLOW_FIXTURE.validWorkflow) as object));
  });

  it("Anthropic: streams the tool input and returns it as generate does", async () => {
    const reply = toolUseReply(WORKFLOW_FIXTURE.validWorkflow);
    anthropicServer.enqueue(reply, reply);
    const llm = new AnthropicLlm({ apiKey: "k", baseURL: anthropicServer.url, timeoutMs: 5000 });
    const fields: string[] = [];
    const streamed = await llm.stream(workflowCall(), (name) => fields.push(name));
    expect(streamed).toEqual(await llm.generate(workflowCall()));
    expect(fields).toEqual(Object.keys(WORKFLOW_FIXTURE.validWorkflow));
  });
});

describe("Anthropic: stream() specifics", () => {
  const llm = () =>
    new AnthropicLlm({ apiKey: "k", baseURL: anthropicServer.url, timeoutMs: 5000 });

  it("maps stop_reason max_tokens to GENERATION_TRUNCATED with usage, as generate does", async () => {
    const reply = toolUseReply(petStoreAnswer(), { stopReason: "max_tokens", outputTokens: 99 });
    anthropicServer.enqueue(reply, reply);
    const adapter = llm();
    const streamed = await failureOf(adapter.stream(modeCall(), () => undefined));
    const generated = await failureOf(adapter.generate(modeCall()));
    expect(streamed.code).toBe("GENERATION_TRUNCATED");
    expect(summaryOf(streamed)).toEqual(summaryOf(generated));
  });

  it("reports usage from message_start and message_delta", async () => {
    anthropicServer.enqueue(
      toolUseReply(petStoreAnswer(), { inputTokens: 77, outputTokens: 88, toolName: "x" }),
    );
    const answer = await llm().stream(modeCall(), () => undefined);
    expect(answer.usage).toEqual({ inputTokens: 77, outputTokens: 88 });
  });

  it("maps a stream cut before message_delta to a transient UPSTREAM_UNAVAILABLE", async () => {
    anthropicServer.enqueue(
      withEditedStream(toolUseReply(petStoreAnswer(), { toolName: "x" }), (events) =>
        events.filter((event) => !/^event: message_(delta|stop)/.test(event.text)),
      ),
    );
    const fields: string[] = [];
    const failure = await failureOf(llm().stream(modeCall(), (name) => fields.push(name)));
    expect(failure.code).toBe("UPSTREAM_UNAVAILABLE");
    expect(failure.message).toMatch(/ended the stream before the answer was complete/);
    // Every field was complete and told; the answer still failed as a whole.
    expect(fields).toEqual(MODE_WIRE_FIELDS);
  });

  it("rejects tool input JSON cut short, where the SDK's lenient parser would make an object", async () => {
    // The input text is cut mid-string; the SDK alone would return a shorter industry name.
    const cut = '{"industry_name":"Pet Sto';
    anthropicServer.enqueue(
      // `{}` streams as one token: swap it for the cut text.
      withEditedStream(toolUseReply({}, { toolName: "x" }), (events) =>
        events.map((event) => (event.token ? inputJsonDelta(cut) : event)),
      ),
    );
    const failure = await failureOf(llm().stream(modeCall(), () => undefined));
    expect(failure.code).toBe("GENERATION_INVALID");
    expect(failure.message).toMatch(/not valid JSON/);
    expect(failure.rawText).toBe(cut);
  });
});

function inputJsonDelta(partialJson: string): StreamedEvent {
  const data = {
    type: "content_block_delta",
    index: 0,
    delta: { type: "input_json_delta", partial_json: partialJson },
  };
  return { text: serverSentEvent(data, "content_block_delta"), token: true };
}
