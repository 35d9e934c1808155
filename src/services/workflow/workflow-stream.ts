import { generationStream } from "../streaming/generation-stream.js";
import type { EventSequence, Failed, Stamped } from "../streaming/generation-stream.js";
import { joinSignals } from "../streaming/join-signals.js";
import type { WorkflowService } from "./workflow.service.js";
import type {
  GenerateWorkflowRequest,
  GenerateWorkflowResult,
  WorkflowProgress,
} from "./workflow.types.js";

type WorkflowEvent = WorkflowProgress | { kind: "COMPLETED"; result: GenerateWorkflowResult };

/** One event of generateWorkflowStream. */
export type WorkflowStreamEvent = Stamped<WorkflowEvent | Failed>;

/**
 * generateWorkflow as a stream of events: STARTED; one ATTEMPT per generation, as soon as the
 * validator has judged it; COMPLETED with exactly what the mutation returns. Every attempt in
 * the answer is sent before COMPLETED, once each: a cached answer, or one joined from another
 * replica, streams its attempts at once. Stopping the stream leaves the generation (the model
 * call stops unless others wait for it).
 */
export function streamWorkflow(
  service: WorkflowService,
  request: GenerateWorkflowRequest,
): AsyncIterableIterator<WorkflowStreamEvent> {
  return generationStream<WorkflowEvent, WorkflowProgress, GenerateWorkflowResult>(
    (stopped, onProgress) =>
      service.generateWorkflow({
        ...request,
        signal: joinSignals(request.signal, stopped),
        onProgress,
      }),
    (send) => new WorkflowEventSequence(send),
  );
}

/** Keeps the stream's order and sends each attempt once. */
class WorkflowEventSequence implements EventSequence<WorkflowProgress, GenerateWorkflowResult> {
  private started = false;
  private readonly attemptsSent = new Set<number>();

  constructor(private readonly send: (event: WorkflowEvent) => void) {}

  progress(progress: WorkflowProgress): void {
    if (!this.started) {
      this.started = true;
      this.send({ kind: "STARTED" });
    }
    if (progress.kind !== "ATTEMPT" || this.attemptsSent.has(progress.attempt.number)) return;
    this.attemptsSent.add(progress.attempt.number);
    this.send(progress);
  }

  complete(result: GenerateWorkflowResult): void {
    this.progress({ kind: "STARTED" });
    for (const attempt of result.attempts) this.progress({ kind: "ATTEMPT", attempt });
    this.send({ kind: "COMPLETED", result });
  }
}
