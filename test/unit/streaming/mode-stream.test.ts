import pino from "pino";
import { describe, expect, it } from "vitest";
import { streamMode } from "../../../src/services/mode/mode-stream.js";
import type { ModeStreamEvent } from "../../../src/services/mode/mode-stream.js";
import { ModeService } from "../../../src/services/mode/mode.service.js";
import { deriveTheme } from "../../../src/services/palette/derive-theme.js";
import { petStoreAnswer } from "../../support/mode-answers.js";
import { useStreamingWires } from "../../support/streaming-wires.js";

const logger = pino({ level: "silent" });
const { wires } = useStreamingWires({ tokensPerSecond: 4000, charactersPerToken: 4 });

async function collect(stream: AsyncIterable<ModeStreamEvent>): Promise<ModeStreamEvent[]> {
  const events: ModeStreamEvent[] = [];
  for await (const event of stream) events.push(event);
  return events;
}

function service(llm?: ConstructorParameters<typeof ModeService>[0]["llm"]): ModeService {
  return new ModeService({ llm, deadlineMs: 10_000, storeCapacity: 10, logger });
}

describe.each(wires)("$label: streamMode", (wire) => {
  it("sends STARTED, THEME as soon as the colour is complete, CONTENT part by part, then the mutation's answer", async () => {
    const answer = petStoreAnswer();
    wire.server.enqueue(wire.answerWith(answer), wire.answerWith(answer));
    const events = await collect(streamMode(service(wire.createLlm()), "pet store", {}));
    const mutation = await service(wire.createLlm()).generateMode("pet store");

    const kinds = events.map((event) => event.kind);
    // The name completes before the colour; tabs, metrics, traits and the welcome after it.
    expect(kinds).toEqual([
      "STARTED",
      "CONTENT",
      "THEME",
      "CONTENT",
      "CONTENT",
      "CONTENT",
      "CONTENT",
      "COMPLETED",
    ]);
    const theme = events.find((event) => event.kind === "THEME");
    expect(theme?.kind === "THEME" && theme.theme).toEqual(deriveTheme("#f59e0b"));
    const completed = events.at(-1)!;
    if (completed.kind !== "COMPLETED") throw new Error("no COMPLETED");
    expect(completed.result.mode).toEqual(mutation.mode);
    expect(completed.result.errors).toEqual([]);
    expect({ ...completed.result.generation, latencyMs: 0 }).toEqual({
      ...mutation.generation,
      latencyMs: 0,
    });
    // Every CONTENT holds the parts before it; the last one is the finished mode's.
    const drafts = events.flatMap((event) => (event.kind === "CONTENT" ? [event.draft] : []));
    expect(drafts[0]).toEqual({ name: "Pet Store" });
    expect(drafts.at(-1)).toEqual({
      name: mutation.mode.name,
      tabs: mutation.mode.tabs.map(({ key, label, icon }) => ({ key, label, icon })),
      metrics: mutation.mode.defaultMetrics.map(({ key, label, value, unit }) => ({
        key,
        label,
        value,
        unit,
      })),
      traits: mutation.mode.personalityTraits,
      welcomeMessage: mutation.mode.welcomeMessage,
    });
    // Elapsed times never go backwards.
    const times = events.map((event) => event.elapsedMs);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(wire.server.requests[0]!.body.stream).toBe(true);
    expect(wire.server.requests[1]!.body.stream).toBeUndefined();
  });

  it("shows only the parts that pass, and ends with the repaired answer's theme and content", async () => {
    const broken = petStoreAnswer({
      primary_color: "#123456",
      tabs: [{ id: "dashboard", label: "Dashboard", icon: "📊" }],
    });
    const repaired = petStoreAnswer();
    wire.server.enqueue(wire.answerWith(broken), wire.answerWith(repaired));
    const events = await collect(streamMode(service(wire.createLlm()), "pet store", {}));

    const themes = events.flatMap((event) => (event.kind === "THEME" ? [event.theme.seed] : []));
    expect(themes).toEqual(["#123456", "#f59e0b"]);
    // The one-tab answer never showed tabs; the repaired one did.
    const firstTabs = events.findIndex((event) => event.kind === "CONTENT" && event.draft.tabs);
    expect(firstTabs).toBeGreaterThan(
      events.findIndex((e) => e.kind === "THEME" && e.theme.seed === "#f59e0b"),
    );
    const completed = events.at(-1)!;
    expect(completed.kind === "COMPLETED" && completed.result.mode.source).toBe("GENERATED");
    expect(completed.kind === "COMPLETED" && completed.result.generation.attempts).toBe(2);
  });
});

describe("streamMode without a stream from a model", () => {
  it("sends the whole sequence at once for the offline catalog, a built-in and a cached mode", async () => {
    const offline = service();
    for (const industry of ["pet store", "pet store", "default"]) {
      const events = await collect(streamMode(offline, industry, {}));
      expect(events.map((event) => event.kind)).toEqual([
        "STARTED",
        "THEME",
        "CONTENT",
        "COMPLETED",
      ]);
      const completed = events[3]!;
      const theme = events[1]!;
      if (completed.kind !== "COMPLETED" || theme.kind !== "THEME") throw new Error("order");
      expect(theme.theme).toBe(completed.result.mode.theme);
    }
  });

  it("ends with FAILED and no STARTED for input the mutation refuses", async () => {
    const events = await collect(streamMode(service(), " ", {}));
    expect(events.map((event) => event.kind)).toEqual(["FAILED"]);
    const failed = events[0]!;
    expect(failed.kind === "FAILED" && (failed.error as Error).name).toBe("BadUserInputError");
  });
});
