import { describe, expect, it } from "vitest";
import { z } from "zod";
import { GenerationFailure } from "../../../src/errors/generation-error.js";
import type { StructuredCall } from "../../../src/llm/structured-llm.js";
import { cutShort, recordingLlm } from "../../support/recording-llm.js";

const call = (signal?: AbortSignal): StructuredCall<unknown> => ({
  system: "s",
  user: "u",
  output: { name: "x", description: "x", schema: z.unknown() },
  signal,
});

const answer = { industry_name: "Pet Store", primary_color: "#F59E0B", tabs: ["a", "b"] };

function listener() {
  const heard: Array<[string, unknown]> = [];
  return { heard, onField: (name: string, value: unknown) => heard.push([name, value]) };
}

describe("recordingLlm: stream()", () => {
  it("tells a plain-object answer's fields in key order, then settles as generate does", async () => {
    const llm = recordingLlm([answer]);
    const { heard, onField } = listener();
    const streamed = await llm.stream(call(), onField);
    const generated = await llm.generate(call());
    expect(heard).toEqual(Object.entries(answer));
    expect(streamed).toEqual(generated);
    expect(llm.calls.map((recorded) => recorded.streamed)).toEqual([true, undefined]);
    expect(llm.calls[0]).toMatchObject({ user: "u", abortedAtEnd: false });
  });

  it("tells the fields of an object a scripted function returns", async () => {
    const llm = recordingLlm([(recorded: StructuredCall<unknown>) => ({ user: recorded.user })]);
    const { heard, onField } = listener();
    await llm.stream(call(), onField);
    expect(heard).toEqual([["user", "u"]]);
  });

  it("tells nothing for an answer that is not a plain object", async () => {
    const llm = recordingLlm(["text", [1, 2]]);
    const { heard, onField } = listener();
    expect((await llm.stream(call(), onField)).data).toBe("text");
    expect((await llm.stream(call(), onField)).data).toEqual([1, 2]);
    expect(heard).toEqual([]);
  });

  it("rejects a scripted error before any field", async () => {
    const failure = new GenerationFailure("UPSTREAM_UNAVAILABLE", "down", { httpCalls: 1 });
    const llm = recordingLlm([failure]);
    const { heard, onField } = listener();
    await expect(llm.stream(call(), onField)).rejects.toBe(failure);
    expect(heard).toEqual([]);
    expect(llm.calls[0]!.streamed).toBe(true);
  });

  it("cutShort: stream tells the fields, then rejects; generate rejects at once", async () => {
    const failure = new GenerationFailure("UPSTREAM_UNAVAILABLE", "cut", { httpCalls: 1 });
    const llm = recordingLlm([
      cutShort({ industry_name: "Pet Store", primary_color: "#F59E0B" }, failure),
    ]);
    const { heard, onField } = listener();
    await expect(llm.stream(call(), onField)).rejects.toBe(failure);
    expect(heard.map(([name]) => name)).toEqual(["industry_name", "primary_color"]);
    await expect(llm.generate(call())).rejects.toBe(failure);
  });

  it("waits fieldDelayMs before each field, and stops at an abort with the signal's reason", async () => {
    const llm = recordingLlm([answer], { fieldDelayMs: 40 });
    const heardAt: number[] = [];
    const started = performance.now();
    await llm.stream(call(), () => heardAt.push(performance.now() - started));
    expect(heardAt).toHaveLength(3);
    expect(heardAt[0]).toBeGreaterThanOrEqual(35);
    expect(heardAt[2]! - heardAt[0]!).toBeGreaterThanOrEqual(70);

    const controller = new AbortController();
    const reason = new Error("client left");
    const { heard, onField } = listener();
    const pending = llm.stream(call(controller.signal), (name, value) => {
      onField(name, value);
      controller.abort(reason);
    });
    await expect(pending).rejects.toBe(reason);
    expect(heard.map(([name]) => name)).toEqual(["industry_name"]);
    expect(llm.calls[1]!.abortedAtEnd).toBe(true);
  });
});
