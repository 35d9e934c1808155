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

describe("streamMode: identical requests share one streamed generation", () => {
  const openAi = wires.find((wire) => wire.label === "OpenAI")!;

  it("replays what the first subscriber heard to the second, then both hear the rest and the answer", async () => {
    openAi.server.pace = { tokensPerSecond: 400, charactersPerToken: 4 };
    openAi.server.enqueue(openAi.answerWith(petStoreAnswer()));
    const modes = service(openAi.createLlm());
    const first = streamMode(modes, "pet store", {});
    const firstEvents: ModeStreamEvent[] = [];
    // Read the first stream until its THEME, then subscribe the second.
    for (;;) {
      const next = await first.next();
      firstEvents.push(next.value as ModeStreamEvent);
      if (next.value?.kind === "THEME") break;
    }
    const secondEvents = await collect(streamMode(modes, "Pet Store", {}));
    for await (const event of first) firstEvents.push(event);

    expect(openAi.server.requests).toHaveLength(1);
    const kinds = (events: ModeStreamEvent[]) => events.map((event) => event.kind);
    expect(kinds(secondEvents)).toEqual(kinds(firstEvents));
    const completed = (events: ModeStreamEvent[]) => {
      const last = events.at(-1)!;
      if (last.kind !== "COMPLETED") throw new Error("no COMPLETED");
      return last.result;
    };
    expect(completed(secondEvents).mode).toEqual(completed(firstEvents).mode);
    expect(completed(firstEvents).generation.shared).toBe(false);
    expect(completed(secondEvents).generation.shared).toBe(true);
  });

  it("keeps streaming for the one who stays when the other stops, and stops the model when both have", async () => {
    openAi.server.pace = { tokensPerSecond: 100, charactersPerToken: 4 };
    openAi.server.enqueue(openAi.answerWith(petStoreAnswer()));
    const modes = service(openAi.createLlm());
    const leaving = streamMode(modes, "pet store", {});
    const staying = streamMode(modes, "pet store", {});
    expect((await leaving.next()).value?.kind).toBe("STARTED");
    expect((await staying.next()).value?.kind).toBe("STARTED");
    await leaving.return!();
    const rest = await collect(staying);
    expect(rest.at(-1)?.kind).toBe("COMPLETED");
    expect(openAi.server.streams[0]!.hungUpAt).toBeUndefined();

    openAi.server.enqueue(openAi.answerWith(petStoreAnswer({ primary_color: "#2563EB" })));
    const a = streamMode(modes, "bike shop", {});
    const b = streamMode(modes, "bike shop", {});
    // Both leave once the model is streaming (its first field has arrived).
    while ((await a.next()).value?.kind !== "CONTENT");
    await b.next();
    await a.return!();
    await b.return!();
    const stopped = performance.now();
    await openAi.server.streams[1]!.finished;
    expect(openAi.server.streams[1]!.hungUpAt).toBeDefined();
    expect(openAi.server.streams[1]!.hungUpAt! - stopped).toBeLessThan(1000);
  });
});
