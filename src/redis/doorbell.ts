/**
 * Wakes one waiter: `ring()` ends the current `wait`, or the next one when nobody waits yet
 * (a message that arrives between two checks is not lost).
 */
export class Doorbell {
  private rung = false;
  private wake: (() => void) | undefined;

  readonly ring = (): void => {
    this.rung = true;
    this.wake?.();
  };

  /** Resolves on a ring or after `ms`; rejects with the signal's reason when it aborts. */
  wait(ms: number, signal: AbortSignal): Promise<void> {
    if (signal.aborted) return Promise.reject(signal.reason as Error);
    if (this.rung) {
      this.rung = false;
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        signal.removeEventListener("abort", onAbort);
        this.wake = undefined;
        this.rung = false;
      };
      const onAbort = () => {
        done();
        reject(signal.reason as Error);
      };
      const timer = setTimeout(() => {
        done();
        resolve();
      }, ms);
      this.wake = () => {
        done();
        resolve();
      };
      signal.addEventListener("abort", onAbort, { once: true });
    });
  }
}
