import { eventStream } from "./event-stream.js";

/** An event as a subscriber gets it: stamped with the milliseconds since the stream began. */
export type Stamped<E> = E & { elapsedMs: number };

/**
 * What the request's mutation would have thrown (bad input, a quota, an unexpected failure):
 * the subscription reports it as that GraphQL error and ends.
 */
export type Failed = { kind: "FAILED"; error: unknown };

/** Turns a generation's progress and answer into the events a stream sends, in its order. */
export interface EventSequence<P, R> {
  progress(progress: P): void;
  complete(result: R): void;
}

/**
 * A generation as a stream of stamped events: `generate` runs at once, told to stop when the
 * reader stops and to report its progress to the sequence, which decides what to send; its
 * answer completes the sequence, and what it throws is sent as FAILED.
 */
export function generationStream<E, P, R>(
  generate: (stopped: AbortSignal, onProgress: (progress: P) => void) => Promise<R>,
  sequenceFor: (send: (event: E) => void) => EventSequence<P, R>,
): AsyncIterableIterator<Stamped<E | Failed>> {
  return eventStream<Stamped<E | Failed>>(async (push, stopped) => {
    const startedAt = performance.now();
    const send = (event: E | Failed) =>
      push({ ...event, elapsedMs: Math.round(performance.now() - startedAt) });
    const sequence = sequenceFor(send);
    let result: R;
    try {
      result = await generate(stopped, (progress) => sequence.progress(progress));
    } catch (error) {
      send({ kind: "FAILED", error });
      return;
    }
    sequence.complete(result);
  });
}
