import { describe, expect, it } from "vitest";
import { z } from "zod";
import { GenerationFailure } from "../../../src/errors/generation-error.js";
import { Deadline } from "../../../src/llm/deadline.js";
import type { ResilienceOptions } from "../../../src/llm/resilient-llm.js";
import type {
  AnswerFieldListener,
  StructuredAnswer,
  StructuredCall,
  StructuredLlm,
} from "../../../src/llm/structured-llm.js";
import { errorReply as anthropicError } from "../../support/fake-anthropic-server.js";
import { errorReply } from "../../support/fake-openai-server.js";
import type { ScriptedReply, StreamedEvent } from "../../support/loopback-json-server.js";
import { MODE_WIRE_FIELDS, petStoreAnswer } from "../../support/mode-answers.js";
import { cutShort, recordingLlm } from "../../support/recording-llm.js";
import { resilient } from "../../support/resilient.js";
import { modeCall, useStreamingWires } from "../../support/streaming-wires.js";
import type { StreamingWire } from "../../support/streaming-wires.js";

const PACE = { tokensPerSecond: 2000, charactersPerToken: 4 };
// Fast: these tests check what arrives and how often, not when (streaming-latency.test.ts does).
const { wires, anthropicServer } = useStreamingWires(PACE);

/** Test-sized guards: short backoff (a cut-short stream names no wait), no circuit unless asked. */
const GUARDS: Partial<ResilienceOptions> = {
  maxRetries: 2,
  timeoutMs: 5_000,
  backoff: { initialMs: 5, maxMs: 20 },
};

const answer = petStoreAnswer();
const answerText = JSON.stringify(answer);
/** The fields a stream cut right after the colour has told. */
const UP_TO_COLOUR = MODE_WIRE_FIELDS.slice(0, MODE_WIRE_FIELDS.indexOf("primary_color") + 1);

function listener() {
  const heard: Array<[string, unknown]> = [];
  const onField: AnswerFieldListener = (name, value) => heard.push([name, value]);
  return { heard, names: () => heard.map(([name]) => name), onField };
}

async function failureOf(promise: Promise<unknown>): Promise<GenerationFailure> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(GenerationFailure);
  return error as GenerationFailure;
}

/** An HTTP error before any event, with a 1 ms Retry-After, in the wire's own error format. */
function errorBeforeStream(wire: StreamingWire, status: 429 | 503): ScriptedReply {
  if (wire.server === anthropicServer) {
    return anthropicError(status, status === 429 ? "rate_limit_error" : "api_error");
  }
  return errorReply(status, "try again", {}, { "retry-after-ms": "1" });
}

/**
 * The answer streamed up to the token that carries the comma after the colour's value (so the
 * colour is complete and told), and then the connection dropped ("drop") or the response ended
 * ("end") without the rest: both are a stream cut short.
 */
function cutAfterColour(wire: StreamingWire, streamEnd: "end" | "drop"): ScriptedReply {
  const key = '"primary_color":';
  const commaAt =
    answerText.indexOf(key) + key.length + JSON.stringify(answer.primary_color).length;
  const tokenIndex = Math.floor(
    (Array.from(answerText.slice(0, commaAt + 1)).length - 1) / PACE.charactersPerToken,
  );
  const reply = wire.answerWith(answer);
  if ("hang" in reply) throw new TypeError("a hanging reply streams nothing");
  return {
    ...reply,
    streamEnd,
    editStream: (events: StreamedEvent[]) => {
      let tokens = 0;
      const last = events.findIndex((event) => event.token && tokens++ === tokenIndex);
      return events.slice(0, last + 1);
    },
  };
}

describe.each(wires)("$label: ResilientLlm.stream() through the real SDK", (wire) => {
  it("hears every field in order, and answers as generate does for the same script", async () => {
    wire.server.enqueue(wire.answerWith(answer), wire.answerWith(answer));
    const llm = resilient(wire.createLlm(), GUARDS);
    const { heard, names, onField } = listener();

    const streamed = await llm.stream(modeCall(), onField);
    const generated = await llm.generate(modeCall());

    expect(names()).toEqual(MODE_WIRE_FIELDS);
    expect(Object.fromEntries(heard)).toEqual(answer);
    expect(streamed).toEqual(generated);
    expect(streamed).toMatchObject({ data: answer, httpCalls: 1 });
    expect(wire.server.requests.map((request) => request.body.stream)).toEqual([true, undefined]);
  });

  it.each([429, 503] as const)(
    "retries an HTTP %i before the stream, then hears the fields once",
    async (status) => {
      wire.server.enqueue(errorBeforeStream(wire, status), wire.answerWith(answer));
      const { names, onField } = listener();
      const streamed = await resilient(wire.createLlm(), GUARDS).stream(modeCall(), onField);
      expect(streamed).toMatchObject({ data: answer, httpCalls: 2 });
      expect(names()).toEqual(MODE_WIRE_FIELDS);
      expect(wire.server.requests.map((request) => request.body.stream)).toEqual([true, true]);
    },
  );

  it.each(["drop", "end"] as const)(
    "retries a stream cut short after the colour (%s), and the listener hears the fields again",
    async (streamEnd) => {
      wire.server.enqueue(cutAfterColour(wire, streamEnd), wire.answerWith(answer));
      const { heard, names, onField } = listener();
      const streamed = await resilient(wire.createLlm(), GUARDS).stream(modeCall(), onField);
      expect(streamed).toMatchObject({ data: answer, httpCalls: 2 });
      // The rule: a transport failure is retried after fields were heard; the retry starts over.
      expect(names()).toEqual([...UP_TO_COLOUR, ...MODE_WIRE_FIELDS]);
      expect(Object.fromEntries(heard)).toEqual(answer);
      expect(wire.server.streams).toHaveLength(2);
    },
  );

  it("fails with the cut-short's UPSTREAM_UNAVAILABLE once the retries run out", async () => {
    wire.server.enqueue(cutAfterColour(wire, "drop"), cutAfterColour(wire, "drop"));
    const { names, onField } = listener();
    const failure = await failureOf(
      resilient(wire.createLlm(), { ...GUARDS, maxRetries: 1 }).stream(modeCall(), onField),
    );
    expect(failure).toMatchObject({ code: "UPSTREAM_UNAVAILABLE", httpCalls: 2 });
    expect(failure.message).toMatch(/ended the stream before the answer was complete/);
    expect(names()).toEqual([...UP_TO_COLOUR, ...UP_TO_COLOUR]);
    expect(wire.server.requests).toHaveLength(2);
  });

  it("fails at once when the provider's Retry-After would outlast the deadline", async () => {
    const reply =
      wire.server === anthropicServer
        ? anthropicError(429, "rate_limit_error", "slow down", { "retry-after": "600" })
        : errorReply(429, "slow down", {}, { "retry-after": "600" });
    wire.server.enqueue(reply, wire.answerWith(answer));
    const deadline = new Deadline(5_000);
    const started = performance.now();
    const failure = await failureOf(
      resilient(wire.createLlm(), GUARDS).stream(
        { ...modeCall(deadline.signal), deadline },
        () => undefined,
      ),
    );
    deadline.dispose();
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(failure).toMatchObject({ code: "UPSTREAM_RATE_LIMITED", httpCalls: 1 });
    expect(wire.server.requests).toHaveLength(1);
  });

  it("is refused by an open circuit without an HTTP call", async () => {
    wire.server.enqueue(errorBeforeStream(wire, 503));
    const llm = resilient(wire.createLlm(), { ...GUARDS, maxRetries: 0, breakerFailures: 1 });
    await failureOf(llm.stream(modeCall(), () => undefined));
    expect(llm.circuitState).toBe("open");

    const { names, onField } = listener();
    const refused = await failureOf(llm.stream(modeCall(), onField));
    expect(refused).toMatchObject({ code: "UPSTREAM_UNAVAILABLE", httpCalls: 0 });
    expect(wire.server.requests).toHaveLength(1);
    expect(names()).toEqual([]);
  });

  it("counts streaming calls in the bulkhead, with generate calls", async () => {
    wire.server.respondByDefault(() => wire.answerWith(answer));
    const llm = resilient(wire.createLlm(), { ...GUARDS, maxConcurrency: 1 });
    const heard = [listener(), listener()];
    const calls = [
      llm.stream(modeCall(), heard[0]!.onField),
      llm.stream(modeCall(), heard[1]!.onField),
      llm.generate(modeCall()),
    ];
    expect(llm.load).toEqual({ inFlight: 1, queued: 2 });
    const answers = await Promise.all(calls);
    expect(answers.map((one) => one.data)).toEqual([answer, answer, answer]);
    expect(heard.map((one) => one.names())).toEqual([MODE_WIRE_FIELDS, MODE_WIRE_FIELDS]);
    expect(wire.server.requests).toHaveLength(3);
    expect(wire.server.maxInFlight).toBe(1);
  });

  it("closes the provider's connection within 1 s of an abort of the call's signal, and retries nothing", async () => {
    // Slow enough that the stream is still running when the colour arrives.
    wire.server.pace = { ...PACE, tokensPerSecond: 200 };
    wire.server.enqueue(wire.answerWith(answer), wire.answerWith(answer));
    const controller = new AbortController();
    let abortedAt = 0;
    const { names, onField } = listener();
    const failure = await failureOf(
      resilient(wire.createLlm(), GUARDS).stream(modeCall(controller.signal), (name, value) => {
        onField(name, value);
        if (name === "primary_color") {
          abortedAt = performance.now();
          controller.abort(new Error("client disconnected"));
        }
      }),
    );
    expect(failure.code).toBe("UPSTREAM_TIMEOUT");
    expect(failure.message).toMatch(/cancelled/);
    const record = wire.server.streams[0]!;
    await record.finished;
    expect(record.hungUpAt).toBeDefined();
    expect(record.hungUpAt! - abortedAt).toBeLessThan(1_000);
    expect(names()).toEqual(UP_TO_COLOUR);
    expect(wire.server.requests).toHaveLength(1);
  });

  it("answers through generate, hearing no field, when the adapter cannot stream", async () => {
    wire.server.enqueue(wire.answerWith(answer));
    const adapter = wire.createLlm();
    const generateOnly: StructuredLlm = {
      provider: adapter.provider,
      defaultModel: adapter.defaultModel,
      generate: (call) => adapter.generate(call),
    };
    const { names, onField } = listener();
    const streamed = await resilient(generateOnly, GUARDS).stream(modeCall(), onField);
    expect(streamed).toMatchObject({ data: answer, httpCalls: 1 });
    expect(names()).toEqual([]);
    expect(wire.server.requests[0]!.body.stream).toBeUndefined();
    expect(wire.server.streams).toHaveLength(0);
  });
});

describe("ResilientLlm.stream() around a scripted model", () => {
  const call = (): StructuredCall<unknown> => ({
    system: "s",
    user: "u",
    output: { name: "x", description: "x", schema: z.unknown() },
  });
  const cut = () => new GenerationFailure("UPSTREAM_UNAVAILABLE", "cut short", { httpCalls: 1 });

  it("retries a recorded stream cut short after the colour, streaming every attempt", async () => {
    const model = recordingLlm([
      cutShort({ industry_name: "Pet Store", primary_color: "#F59E0B" }, cut()),
      { industry_name: "Pet Store", primary_color: "#F59E0B", tabs: [] },
    ]);
    const { names, onField } = listener();
    const streamed = await resilient(model, GUARDS).stream(call(), onField);
    expect(streamed.httpCalls).toBe(2);
    expect(names()).toEqual([
      "industry_name",
      "primary_color",
      "industry_name",
      "primary_color",
      "tabs",
    ]);
    expect(model.calls.map((recorded) => recorded.streamed)).toEqual([true, true]);
  });

  it("fails with the listener's own error, without a retry or a verdict on the provider", async () => {
    const model = recordingLlm([{ industry_name: "Pet Store" }]);
    const llm = resilient(model, { ...GUARDS, breakerFailures: 1 });
    const bug = new TypeError("listener bug");
    const error = await llm
      .stream(call(), () => {
        throw bug;
      })
      .catch((thrown: unknown) => thrown);
    expect(error).toBe(bug);
    expect(model.calls).toHaveLength(1);
    expect(llm.circuitState).toBe("closed");
  });

  it("silences an attempt it gave up on, so two attempts' fields never interleave", async () => {
    let attempts = 0;
    let lateFieldTold = () => {};
    const toldLate = new Promise<void>((resolve) => (lateFieldTold = resolve));
    // First attempt: tells one field, then ignores its signal and keeps telling after its timeout.
    const stubborn: StructuredLlm = {
      provider: "openai",
      defaultModel: "m",
      generate: () => Promise.reject(new Error("not used")),
      stream<T>(_call: StructuredCall<T>, onField: AnswerFieldListener) {
        attempts++;
        onField("industry_name", `attempt ${attempts}`);
        if (attempts === 1) {
          return new Promise<StructuredAnswer<T>>(() => {
            setTimeout(() => {
              onField("primary_color", "late");
              lateFieldTold();
            }, 150);
          });
        }
        return Promise.resolve({ data: "ok" as T, model: "m", usage: {}, httpCalls: 1 });
      },
    };
    const { heard, onField } = listener();
    const streamed = await resilient(stubborn, { ...GUARDS, timeoutMs: 50 }).stream(
      call(),
      onField,
    );
    await toldLate;
    expect(streamed).toMatchObject({ data: "ok", httpCalls: 2 });
    expect(heard).toEqual([
      ["industry_name", "attempt 1"],
      ["industry_name", "attempt 2"],
    ]);
  });
});
