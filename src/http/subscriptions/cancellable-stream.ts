import { ShuttingDownError } from "../shutdown.js";

/** Why a subscription's signal aborted when its client stopped it or went away. */
export class SubscriptionStoppedError extends Error {
  override readonly name = "SubscriptionStoppedError";
  constructor() {
    super("The subscription was stopped by its client");
  }
}

/**
 * A subscription's event stream, wrapped so that it ends when its signal aborts, whatever the
 * source does:
 *
 * - `return()` (graphql-ws calls it on the client's `complete` and when the socket closes)
 *   aborts the signal, so the resolver's work (a model call) stops, and calls the source's
 *   `return()` at once, without waiting for it: an async generator's `return()` waits for its
 *   pending `next()`, which may be a model call minutes long.
 * - A pending `next()` settles as soon as the signal aborts: done when the client stopped it,
 *   rejected with the ShuttingDownError when shutdown cut it (the client is told to retry).
 */
export function cancellableStream<T>(
  source: AsyncIterable<T>,
  controller: AbortController,
): AsyncGenerator<T, undefined> {
  const iterator = source[Symbol.asyncIterator]();
  const { signal } = controller;
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    try {
      void iterator.return?.()?.catch(() => undefined);
    } catch {
      // A source whose return() throws has nothing left to release.
    }
  };
  const ended = (): Promise<IteratorResult<T, undefined>> => {
    release();
    return signal.reason instanceof ShuttingDownError
      ? Promise.reject(signal.reason)
      : Promise.resolve({ done: true, value: undefined });
  };
  const stream: AsyncGenerator<T, undefined> = {
    next() {
      if (signal.aborted) return ended();
      return new Promise<IteratorResult<T, undefined>>((resolve, reject) => {
        const onAbort = () => ended().then(resolve, reject);
        signal.addEventListener("abort", onAbort, { once: true });
        iterator.next().then(
          (result) => {
            signal.removeEventListener("abort", onAbort);
            // A finished source has nothing left to release.
            if (result.done) released = true;
            resolve(result.done ? { done: true, value: undefined } : result);
          },
          (error: unknown) => {
            signal.removeEventListener("abort", onAbort);
            released = true;
            reject(error);
          },
        );
      });
    },
    async return() {
      if (!signal.aborted) controller.abort(new SubscriptionStoppedError());
      release();
      return { done: true, value: undefined };
    },
    async throw(error: unknown) {
      if (!signal.aborted) controller.abort(new SubscriptionStoppedError());
      release();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return stream;
    },
  };
  return stream;
}
