/** A Redis command that did not answer in time (REDIS_COMMAND_TIMEOUT_MS). */
export class RedisTimeoutError extends Error {
  override readonly name = "RedisTimeoutError";
  constructor(readonly timeoutMs: number) {
    super(`Redis did not answer within ${timeoutMs} ms`);
  }
}

/**
 * `promise`, or a RedisTimeoutError after `timeoutMs`. node-redis's own command timeout stops
 * counting once a command is written, so a Redis that accepts connections but no longer answers
 * would hold a request forever without this.
 *
 * The timer's rejection waits one `setImmediate`: after the event loop was blocked (a burst of
 * theme derivations), timers run before pending socket reads, and an answer that arrived in time
 * would otherwise lose to its own timeout.
 */
export function withinTimeout<T>(promise: Promise<T>, timeoutMs: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const timer = setTimeout(() => {
      setImmediate(() => {
        if (settled) return;
        settled = true;
        reject(new RedisTimeoutError(timeoutMs));
      });
    }, timeoutMs);
    promise.then(
      (value) => {
        clearTimeout(timer);
        if (settled) return;
        settled = true;
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        if (settled) return;
        settled = true;
        reject(error);
      },
    );
  });
}
