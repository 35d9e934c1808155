import { isDeepStrictEqual } from "node:util";
import { generationStream } from "../streaming/generation-stream.js";
import type { EventSequence, Failed, Stamped } from "../streaming/generation-stream.js";
import { joinSignals } from "../streaming/join-signals.js";
import type { DerivedTheme } from "../palette/theme.types.js";
import { draftOf, sameDraft } from "./mode-draft.js";
import type { ModeDraft, ModeProgress } from "./mode-draft.js";
import type { GenerateModeOptions, ModeService, RequestContext } from "./mode.service.js";
import type { GenerateModeResult } from "./mode.types.js";

type ModeEvent = ModeProgress | { kind: "COMPLETED"; result: GenerateModeResult };

/** One event of generateModeStream. */
export type ModeStreamEvent = Stamped<ModeEvent | Failed>;

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
  return generationStream<ModeEvent, ModeProgress, GenerateModeResult>(
    (stopped, onProgress) =>
      service.generateMode(
        industry,
        { ...context, signal: joinSignals(context.signal, stopped), onProgress },
        options,
      ),
    (send) => new ModeEventSequence(send),
  );
}

/** Keeps the stream's order and drops events that would show nothing new. */
class ModeEventSequence implements EventSequence<ModeProgress, GenerateModeResult> {
  private started = false;
  private theme: DerivedTheme | undefined;
  private draft: ModeDraft | undefined;

  constructor(private readonly send: (event: ModeEvent) => void) {}

  progress(progress: ModeProgress): void {
    if (!this.started) {
      this.started = true;
      this.send({ kind: "STARTED" });
    }
    if (progress.kind === "THEME") {
      if (this.theme && isDeepStrictEqual(this.theme, progress.theme)) return;
      this.theme = progress.theme;
      this.send(progress);
    } else if (progress.kind === "CONTENT") {
      if (this.draft && sameDraft(this.draft, progress.draft)) return;
      this.draft = progress.draft;
      this.send(progress);
    }
  }

  complete(result: GenerateModeResult): void {
    this.progress({ kind: "THEME", theme: result.mode.theme });
    this.progress({ kind: "CONTENT", draft: draftOf(result.mode) });
    this.send({ kind: "COMPLETED", result });
  }
}
