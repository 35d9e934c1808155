import { EventEmitter, on } from "node:events";

/** Pushes one event to the stream's reader; events wait in order until they are read. */
export type Push<E> = (event: E) => void;

/**
 * A push source as an async iterator, which is what a GraphQL subscription reads. `produce` runs
 * at once and pushes events while it works; the stream ends when it settles (a rejection is
 * thrown to the reader after the events pushed before it).
 *
 * The reader may stop early (`return()`: the client unsubscribed or its socket closed). That
 * aborts `produce`'s signal at once, even while the reader waits for the next event, so the model
 * call behind it stops now rather than at its next event: the reason this is not an async
 * generator function, whose `return()` waits until the generator reaches its next `yield`.
 * Buffering and ending come from node:events `on()`.
 */
export function eventStream<E>(
  produce: (push: Push<E>, signal: AbortSignal) => Promise<void>,
): AsyncIterableIterator<E> {
  const emitter = new EventEmitter();
  const controller = new AbortController();
  const source = on(emitter, "event", { close: ["end"] });
  const push: Push<E> = (event) => {
    if (!controller.signal.aborted) emitter.emit("event", event);
  };
  produce(push, controller.signal).then(
    () => emitter.emit("end"),
    (error: unknown) => {
      // Nobody reads a stream that was stopped: its late failure has no one to tell.
      if (emitter.listenerCount("error") > 0) emitter.emit("error", error);
    },
  );
  const stop = async () => {
    controller.abort(new Error("the subscriber stopped reading"));
    await source.return?.();
    return { done: true as const, value: undefined };
  };
  return {
    [Symbol.asyncIterator]() {
      return this;
    },
    async next() {
      const result = await source.next();
      return result.done ? result : { done: false, value: (result.value as [E])[0] };
    },
    return: stop,
    async throw(error?: unknown) {
      await stop();
      throw error;
    },
  };
}
