import { describe, expect, it } from "vitest";
import { GenerationFailure } from "../../../src/errors/generation-error.js";
import { Deadline } from "../../../src/llm/deadline.js";
import type { ResilienceOptions } from "../../../src/llm/resilient-llm.js";
import { ResilientLlm } from "../../../src/llm/resilient-llm.js";
import type {
  StructuredAnswer,
  StructuredCall,
  StructuredLlm,
} from "../../../src/llm/structured-llm.js";
import { z } from "zod";

type Step =
  | { answer: string }
  | { failure: GenerationFailure }
  /** Never settles and ignores its signal (a misbehaving SDK). */
  | { ignoreSignal: true }
  /** Settles after `ms` with an answer, or with an abort failure when its signal aborts first. */
  | { delayMs: number };

/** A model seam that records every call and plays a script, one step per call. */
function scriptedLlm(steps: Step[], fallback: Step = { answer: "ok" }) {
  const calls: Array<{ signal: AbortSignal | undefined; startedAt: number }> = [];
  let settledIgnored = () => {};
  const llm: StructuredLlm = {
    provider: "openai",
    defaultModel: "test-model",
    generate<T>(call: StructuredCall<T>): Promise<StructuredAnswer<T>> {
      calls.push({ signal: call.signal, startedAt: performance.now() });
      const step = steps.shift() ?? fallback;
      const answer = (data: string): StructuredAnswer<T> => ({
        data: data as T,
        model: "test-model",
        usage: {},
        httpCalls: 1,
      });
      if ("answer" in step) return Promise.resolve(answer(step.answer));
      if ("failure" in step) return Promise.reject(step.failure);
      if ("ignoreSignal" in step) {
        return new Promise<StructuredAnswer<T>>((resolve) => {
          settledIgnored = () => resolve(answer("too late"));
        });
      }
      return new Promise<StructuredAnswer<T>>((resolve, reject) => {
        const timer = setTimeout(() => resolve(answer("slow")), step.delayMs);
        call.signal?.addEventListener("abort", () => {
          clearTimeout(timer);
          reject(new GenerationFailure("UPSTREAM_TIMEOUT", "aborted", { httpCalls: 1 }));
        });
      });
    },
  };
  return { llm, calls, settleIgnored: () => settledIgnored() };
}

const status = (code: GenerationFailure["code"], httpStatus: number, retryAfterMs?: number) =>
  new GenerationFailure(code, `HTTP ${httpStatus}`, {
    status: httpStatus,
    retryAfterMs,
    httpCalls: 1,
  });

function guarded(llm: StructuredLlm, options: Partial<ResilienceOptions> = {}) {
  return new ResilientLlm(llm, {
    maxRetries: 2,
    timeoutMs: 5_000,
    maxConcurrency: 4,
    breakerFailures: 1_000,
    breakerResetMs: 30_000,
    backoff: { initialMs: 10, maxMs: 40 },
    ...options,
  });
}

function call(deadline?: Deadline): StructuredCall<string> {
  return {
    system: "s",
    user: "u",
    output: { name: "x", description: "x", schema: z.string() },
    signal: deadline?.signal,
    deadline,
  };
}

async function failureOf(promise: Promise<unknown>): Promise<GenerationFailure> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(GenerationFailure);
  return error as GenerationFailure;
}

describe("ResilientLlm: transport retries", () => {
  it("retries 429 and 5xx and counts every HTTP call on the answer", async () => {
    const { llm, calls } = scriptedLlm([
      { failure: status("UPSTREAM_RATE_LIMITED", 429, 5) },
      { failure: status("UPSTREAM_UNAVAILABLE", 503) },
      { answer: "done" },
    ]);
    const answer = await guarded(llm).generate(call());
    expect(answer).toMatchObject({ data: "done", httpCalls: 3 });
    expect(calls).toHaveLength(3);
  });

  it("stops after maxRetries with the last failure and the HTTP calls it took", async () => {
    const { llm, calls } = scriptedLlm([], { failure: status("UPSTREAM_UNAVAILABLE", 500) });
    const failure = await failureOf(guarded(llm, { maxRetries: 2 }).generate(call()));
    expect(failure).toMatchObject({ code: "UPSTREAM_UNAVAILABLE", status: 500, httpCalls: 3 });
    expect(calls).toHaveLength(3);
  });

  it.each([
    ["an invalid answer", new GenerationFailure("GENERATION_INVALID", "bad", { httpCalls: 1 })],
    ["a 400", status("GENERATION_INVALID", 400)],
    ["a 404", status("NOT_CONFIGURED", 404)],
    ["a refusal", new GenerationFailure("GENERATION_REFUSED", "no", { httpCalls: 1 })],
  ])("does not retry %s", async (_name, failure) => {
    const { llm, calls } = scriptedLlm([{ failure }]);
    expect((await failureOf(guarded(llm).generate(call()))).code).toBe(failure.code);
    expect(calls).toHaveLength(1);
  });

  it("waits the Retry-After the provider asked for when the deadline allows it", async () => {
    const { llm, calls } = scriptedLlm([
      { failure: status("UPSTREAM_RATE_LIMITED", 429, 200) },
      { answer: "ok" },
    ]);
    const deadline = new Deadline(2_000);
    await guarded(llm).generate(call(deadline));
    deadline.dispose();
    expect(calls[1]!.startedAt - calls[0]!.startedAt).toBeGreaterThanOrEqual(195);
  });

  it("fails at once with the last failure when the Retry-After would pass the deadline", async () => {
    const { llm, calls } = scriptedLlm([
      { failure: status("UPSTREAM_RATE_LIMITED", 429, 600_000) },
    ]);
    const deadline = new Deadline(2_000);
    const started = performance.now();
    const failure = await failureOf(guarded(llm).generate(call(deadline)));
    deadline.dispose();
    expect(performance.now() - started).toBeLessThan(100);
    expect(failure).toMatchObject({ code: "UPSTREAM_RATE_LIMITED", httpCalls: 1 });
    expect(calls).toHaveLength(1);
  });

  it("times out a call whose adapter ignores its signal, and retries it", async () => {
    const { llm, calls, settleIgnored } = scriptedLlm([{ ignoreSignal: true }, { answer: "ok" }]);
    const resilient = guarded(llm, { timeoutMs: 100 });
    const started = performance.now();
    const answer = await resilient.generate(call());
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(answer).toMatchObject({ data: "ok", httpCalls: 2 });
    expect(calls).toHaveLength(2);
    // The abandoned call keeps its bulkhead slot until it really ends.
    expect(resilient.load.inFlight).toBe(1);
    settleIgnored();
    await new Promise((resolve) => setImmediate(resolve));
    expect(resilient.load.inFlight).toBe(0);
  });

  it("ends at the request's deadline, with UPSTREAM_TIMEOUT, whatever the adapter does", async () => {
    const { llm } = scriptedLlm([], { ignoreSignal: true });
    const deadline = new Deadline(150);
    const started = performance.now();
    const failure = await failureOf(guarded(llm).generate(call(deadline)));
    deadline.dispose();
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(failure).toMatchObject({ code: "UPSTREAM_TIMEOUT", httpCalls: 1 });
  });

  it("makes no call when the request's deadline has already passed", async () => {
    const { llm, calls } = scriptedLlm([]);
    const deadline = new Deadline(0);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const failure = await failureOf(guarded(llm).generate(call(deadline)));
    expect(failure).toMatchObject({ code: "UPSTREAM_TIMEOUT", httpCalls: 0 });
    expect(calls).toHaveLength(0);
  });

  it("stops waiting for a backoff the moment the client leaves", async () => {
    const { llm, calls } = scriptedLlm([{ failure: status("UPSTREAM_UNAVAILABLE", 503, 1_500) }]);
    const client = new AbortController();
    const deadline = new Deadline(5_000, client.signal);
    setTimeout(() => client.abort(new Error("client disconnected")), 50);
    const started = performance.now();
    const failure = await failureOf(guarded(llm).generate(call(deadline)));
    deadline.dispose();
    expect(performance.now() - started).toBeLessThan(500);
    expect(failure.code).toBe("UPSTREAM_UNAVAILABLE");
    expect(calls).toHaveLength(1);
  });
});

describe("ResilientLlm: bulkhead", () => {
  it("keeps at most maxConcurrency calls in flight", async () => {
    const { llm } = scriptedLlm([], { delayMs: 20 });
    const resilient = guarded(llm, { maxConcurrency: 3 });
    let most = 0;
    const watch = setInterval(() => (most = Math.max(most, resilient.load.inFlight)), 1);
    const answers = await Promise.all(Array.from({ length: 12 }, () => resilient.generate(call())));
    clearInterval(watch);
    expect(answers).toHaveLength(12);
    expect(most).toBe(3);
  });

  it("fails a queued call as UPSTREAM_RATE_LIMITED, with no HTTP call, when its deadline passes", async () => {
    const { llm, calls, settleIgnored } = scriptedLlm([{ ignoreSignal: true }]);
    const resilient = guarded(llm, { maxConcurrency: 1, timeoutMs: 60_000 });
    const holder = resilient.generate(call());
    const deadline = new Deadline(100);
    const started = performance.now();
    const failure = await failureOf(resilient.generate(call(deadline)));
    deadline.dispose();
    expect(performance.now() - started).toBeLessThan(600);
    expect(failure).toMatchObject({ code: "UPSTREAM_RATE_LIMITED", httpCalls: 0 });
    expect(calls).toHaveLength(1);
    expect(resilient.load.queued).toBe(0);
    settleIgnored();
    await holder;
  });
});

describe("ResilientLlm: circuit breaker", () => {
  it("opens after consecutive faults and then refuses at once, without calling", async () => {
    const states: string[] = [];
    const { llm, calls } = scriptedLlm([], { failure: status("UPSTREAM_UNAVAILABLE", 502) });
    const resilient = guarded(llm, {
      maxRetries: 0,
      breakerFailures: 3,
      onCircuitStateChange: (state) => states.push(state),
    });
    for (let index = 0; index < 3; index++) await failureOf(resilient.generate(call()));
    expect(calls).toHaveLength(3);
    expect(resilient.circuitState).toBe("open");

    const refused = await failureOf(resilient.generate(call()));
    expect(refused).toMatchObject({ code: "UPSTREAM_UNAVAILABLE", httpCalls: 0 });
    expect(calls).toHaveLength(3);
    expect(states).toEqual(["closed", "open"]);
  });

  it("does not count answers, invalid answers or 429s as faults: they reset the count", async () => {
    const fault = () => ({ failure: status("UPSTREAM_UNAVAILABLE", 500) });
    const { llm } = scriptedLlm([
      fault(),
      fault(),
      { failure: status("UPSTREAM_RATE_LIMITED", 429) },
      fault(),
      fault(),
      { failure: new GenerationFailure("GENERATION_INVALID", "bad", { httpCalls: 1 }) },
      fault(),
      fault(),
    ]);
    const resilient = guarded(llm, { maxRetries: 0, breakerFailures: 3 });
    for (let index = 0; index < 8; index++) await failureOf(resilient.generate(call()));
    expect(resilient.circuitState).toBe("closed");
  });

  it("does not count a request the client abandoned", async () => {
    const { llm } = scriptedLlm([], { delayMs: 10_000 });
    const resilient = guarded(llm, { maxRetries: 0, breakerFailures: 1 });
    const client = new AbortController();
    const deadline = new Deadline(5_000, client.signal);
    setTimeout(() => client.abort(new Error("client disconnected")), 20);
    await failureOf(resilient.generate(call(deadline)));
    deadline.dispose();
    expect(resilient.circuitState).toBe("closed");
  });

  it("opens at the first 401 as NOT_CONFIGURED", async () => {
    const { llm, calls } = scriptedLlm([], { failure: status("NOT_CONFIGURED", 401) });
    const resilient = guarded(llm, { breakerFailures: 5 });
    expect((await failureOf(resilient.generate(call()))).code).toBe("NOT_CONFIGURED");
    expect(resilient.circuitState).toBe("open");
    const refused = await failureOf(resilient.generate(call()));
    expect(refused).toMatchObject({ code: "NOT_CONFIGURED", httpCalls: 0 });
    expect(refused.message).toMatch(/credentials \(HTTP 401\)/);
    expect(calls).toHaveLength(1);
  });

  it("stays NOT_CONFIGURED when a probe ends without reaching a verdict (the client left)", async () => {
    const { llm, calls } = scriptedLlm([
      { failure: status("NOT_CONFIGURED", 403) },
      { delayMs: 10_000 },
    ]);
    const resilient = guarded(llm, { breakerFailures: 5, breakerResetMs: 50 });
    await failureOf(resilient.generate(call()));
    await new Promise((resolve) => setTimeout(resolve, 70));

    const client = new AbortController();
    const deadline = new Deadline(5_000, client.signal);
    setTimeout(() => client.abort(new Error("client disconnected")), 20);
    await failureOf(resilient.generate(call(deadline)));
    deadline.dispose();

    expect(resilient.circuitState).toBe("open");
    const refused = await failureOf(resilient.generate(call()));
    expect(refused).toMatchObject({ code: "NOT_CONFIGURED", httpCalls: 0 });
    expect(calls).toHaveLength(2);
  });

  it("lets exactly one probe through after the reset time, refusing the others meanwhile", async () => {
    const { llm, calls } = scriptedLlm([
      { failure: status("UPSTREAM_UNAVAILABLE", 500) },
      { delayMs: 100 },
    ]);
    const states: string[] = [];
    const resilient = guarded(llm, {
      maxRetries: 0,
      breakerFailures: 1,
      breakerResetMs: 100,
      onCircuitStateChange: (state) => states.push(state),
    });
    await failureOf(resilient.generate(call()));
    await new Promise((resolve) => setTimeout(resolve, 120));

    const probe = resilient.generate(call());
    expect(resilient.circuitState).toBe("half-open");
    const others = await Promise.all(
      Array.from({ length: 5 }, () => failureOf(resilient.generate(call()))),
    );
    expect(others.map((failure) => failure.httpCalls)).toEqual([0, 0, 0, 0, 0]);
    expect(await probe).toMatchObject({ data: "slow" });
    expect(calls).toHaveLength(2);
    expect(resilient.circuitState).toBe("closed");
    expect(states).toEqual(["closed", "open", "half-open", "closed"]);
  });

  it("opens again when the probe fails", async () => {
    const { llm } = scriptedLlm([], { failure: status("UPSTREAM_UNAVAILABLE", 500) });
    const resilient = guarded(llm, { maxRetries: 0, breakerFailures: 1, breakerResetMs: 50 });
    await failureOf(resilient.generate(call()));
    await new Promise((resolve) => setTimeout(resolve, 70));
    expect((await failureOf(resilient.generate(call()))).httpCalls).toBe(1);
    expect(resilient.circuitState).toBe("open");
  });

  it("lets errors that are not generation failures through untouched, without counting them", async () => {
    const bug = new TypeError("a bug");
    const llm: StructuredLlm = {
      provider: "anthropic",
      defaultModel: "m",
      generate: () => Promise.reject(bug),
    };
    const resilient = guarded(llm, { breakerFailures: 1 });
    await expect(resilient.generate(call())).rejects.toBe(bug);
    expect(resilient.circuitState).toBe("closed");
  });
});
