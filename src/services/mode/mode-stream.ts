import { isDeepStrictEqual } from "node:util";
import { eventStream } from "../streaming/event-stream.js";
import type { Push } from "../streaming/event-stream.js";
import { joinSignals } from "../streaming/join-signals.js";
import type { DerivedTheme } from "../palette/theme.types.js";
import { draftOf, sameDraft } from "./mode-draft.js";
import type { ModeDraft, ModeProgress } from "./mode-draft.js";
import type { GenerateModeOptions, ModeService, RequestContext } from "./mode.service.js";
import type { GenerateModeResult } from "./mode.types.js";

/**
 * One event of generateModeStream, stamped with the milliseconds since the subscription began.
 * FAILED is what the mutation would have thrown (bad input, a quota, an unexpected failure): the
 * subscription reports it as that GraphQL error and ends.
 */
export type ModeStreamEvent = { elapsedMs: number } & ModeEvent;

type ModeEvent =
  | ModeProgress
  | { kind: "COMPLETED"; result: GenerateModeResult }
  | { kind: "FAILED"; error: unknown };

/**
 * generateMode as a stream of events, in an order every path keeps: STARTED; THEME and CONTENT
 * whenever what they show changes; COMPLETED with exactly what the mutation returns. The
 * answer is the authority: before COMPLETED, the stream sends the THEME and CONTENT of the mode
 * it completes with if they differ from the last ones sent (a repaired or fallback answer). So a
 * built-in, a cached or offline mode, or one joined from another replica, which arrive whole,
 * stream the same sequence at once, and the last THEME and CONTENT always match COMPLETED.
 * Stopping the stream leaves the generation (the model call stops unless others wait for it).
 */
export function streamMode(
  service: ModeService,
  industry: string,
  context: RequestContext,
  options: GenerateModeOptions = {},
): AsyncIterableIterator<ModeStreamEvent> {
  return eventStream<ModeStreamEvent>(async (push, stopped) => {
    const sequence = new ModeEventSequence(push);
    let result: GenerateModeResult;
    try {
      result = await service.generateMode(
        industry,
        {
          ...context,
          signal: joinSignals(context.signal, stopped),
          onProgress: (progress) => sequence.progress(progress),
        },
        options,
      );
    } catch (error) {
      sequence.fail(error);
      return;
    }
    sequence.complete(result);
  });
}

/** Keeps the stream's order and drops events that would show nothing new. */
class ModeEventSequence {
  private readonly startedAt = performance.now();
  private started = false;
  private theme: DerivedTheme | undefined;
  private draft: ModeDraft | undefined;

  constructor(private readonly push: Push<ModeStreamEvent>) {}

  progress(progress: ModeProgress): void {
    switch (progress.kind) {
      case "STARTED":
        return this.start();
      case "THEME":
        this.start();
        if (this.theme && isDeepStrictEqual(this.theme, progress.theme)) return;
        this.theme = progress.theme;
        return this.send(progress);
      case "CONTENT":
        this.start();
        if (this.draft && sameDraft(this.draft, progress.draft)) return;
        this.draft = progress.draft;
        return this.send(progress);
    }
  }

  complete(result: GenerateModeResult): void {
    this.progress({ kind: "THEME", theme: result.mode.theme });
    this.progress({ kind: "CONTENT", draft: draftOf(result.mode) });
    this.send({ kind: "COMPLETED", result });
  }

  fail(error: unknown): void {
    this.send({ kind: "FAILED", error });
  }

  private start(): void {
    if (this.started) return;
    this.started = true;
    this.send({ kind: "STARTED" });
  }

  private send(event: ModeEvent): void {
    this.push({ ...event, elapsedMs: Math.round(performance.now() - this.startedAt) });
  }
}
