import { describe, expect, it } from "vitest";
import { GenerationFailure } from "../../../src/errors/generation-error.js";
import { sentAtOfLastCharacter as lastCharacterSentAt } from "../../support/answer-timing.js";
import type { StreamRecord } from "../../support/loopback-json-server.js";
import { MODE_WIRE_FIELDS, petStoreAnswer } from "../../support/mode-answers.js";
import { modeCall, useStreamingWires } from "../../support/streaming-wires.js";

/** A realistic model: 60 tokens a second, 4 characters a token (the fakes' defaults). */
const PACE = { tokensPerSecond: 60, charactersPerToken: 4 };

const { wires } = useStreamingWires(PACE);

const answer = petStoreAnswer();
/** Both wires carry the answer as compact JSON text (message content, tool input). */
const answerText = JSON.stringify(answer);

/** When the token event that carries the last character of `field`'s value left the fake. */
function sentAtOfLastCharacter(record: StreamRecord, field: keyof typeof answer): number {
  return lastCharacterSentAt(record, answer, field, PACE.charactersPerToken);
}

describe.each(wires)("$label: stream() at 60 tokens/s", (wire) => {
  it("tells primary_color within 50 ms of the token that completes it, long before the end", async () => {
    wire.server.enqueue(wire.answerWith(answer));
    const heardAt = new Map<string, number>();
    const result = await wire
      .createLlm()
      .stream(modeCall(), (name) => heardAt.set(name, performance.now()));

    expect(result.data).toEqual(answer);
    expect([...heardAt.keys()]).toEqual(MODE_WIRE_FIELDS);
    const record = wire.server.streams[0]!;
    const lastEventAt = record.events.at(-1)!.sentAt;
    const latencies = MODE_WIRE_FIELDS.map((field) => {
      const completedAt = sentAtOfLastCharacter(record, field as keyof typeof answer);
      return [field, heardAt.get(field)! - completedAt] as const;
    });
    const colourLatency = latencies.find(([field]) => field === "primary_color")![1];
    const colourHeardAt = heardAt.get("primary_color")!;
    console.info(
      `${wire.label}: primary_color heard ${colourLatency.toFixed(1)} ms after its token, ` +
        `${(colourHeardAt - record.events[0]!.sentAt).toFixed(0)} ms into the stream, ` +
        `${(lastEventAt - colourHeardAt).toFixed(0)} ms before its end; ` +
        `slowest field ${Math.max(...latencies.map(([, ms]) => ms)).toFixed(1)} ms after its token`,
    );
    // Never before its last character left the server (it cannot have been complete earlier).
    expect(colourLatency).toBeGreaterThanOrEqual(0);
    expect(colourLatency).toBeLessThan(50);
    // The colour is ~20 tokens into ~180: the stream still had well over a second to run.
    expect(lastEventAt - colourHeardAt).toBeGreaterThan(1000);
  });

  it("closes the provider's connection within 1 s of an abort mid-stream", async () => {
    wire.server.enqueue(wire.answerWith(answer));
    const controller = new AbortController();
    let abortedAt = 0;
    const failure = await wire
      .createLlm()
      .stream(modeCall(controller.signal), (name) => {
        if (name === "primary_color") {
          abortedAt = performance.now();
          controller.abort();
        }
      })
      .catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(GenerationFailure);
    expect((failure as GenerationFailure).code).toBe("UPSTREAM_TIMEOUT");
    const record = wire.server.streams[0]!;
    await record.finished;
    expect(record.hungUpAt).toBeDefined();
    const closeMs = record.hungUpAt! - abortedAt;
    console.info(`${wire.label}: connection closed ${closeMs.toFixed(1)} ms after the abort`);
    expect(closeMs).toBeLessThan(1000);
    // The fake stopped writing: the rest of the answer was never sent.
    const tokenCount = Math.ceil(Array.from(answerText).length / PACE.charactersPerToken);
    expect(record.events.filter((event) => event.token).length).toBeLessThan(tokenCount);
  });
});
