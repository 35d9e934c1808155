import { eventStream } from "../streaming/event-stream.js";
import type { Push } from "../streaming/event-stream.js";
import { joinSignals } from "../streaming/join-signals.js";
import type { WorkflowService } from "./workflow.service.js";
import type {
  GenerateWorkflowRequest,
  GenerateWorkflowResult,
  WorkflowProgress,
} from "./workflow.types.js";

/**
 * One event of generateWorkflowStream, stamped with the milliseconds since the subscription
 * began. FAILED is what the mutation would have thrown (bad input, a quota, an unexpected
 * failure): the subscription reports it as that GraphQL error and ends.
 */
export type WorkflowStreamEvent = { elapsedMs: number } & WorkflowEvent;

type WorkflowEvent =
  | WorkflowProgress
  | { kind: "COMPLETED"; result: GenerateWorkflowResult }
  | { kind: "FAILED"; error: unknown };

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
  return eventStream<WorkflowStreamEvent>(async (push, stopped) => {
    const sequence = new WorkflowEventSequence(push);
    let result: GenerateWorkflowResult;
    try {
      result = await service.generateWorkflow({
        ...request,
        signal: joinSignals(request.signal, stopped),
        onProgress: (progress) => sequence.progress(progress),
      });
    } catch (error) {
      sequence.fail(error);
      return;
    }
    sequence.complete(result);
  });
}

/** Keeps the stream's order and sends each attempt once. */
class WorkflowEventSequence {
  private readonly startedAt = performance.now();
  private started = false;
  private readonly attemptsSent = new Set<number>();

  constructor(private readonly push: Push<WorkflowStreamEvent>) {}

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

  fail(error: unknown): void {
    this.send({ kind: "FAILED", error });
  }

  private send(event: WorkflowEvent): void {
    this.push({ ...event, elapsedMs: Math.round(performance.now() - this.startedAt) });
  }
}
