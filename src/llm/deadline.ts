/** The reason a Deadline's signal carries when its own time ran out. */
export class DeadlineExceededError extends Error {
  // The name AbortSignal.timeout() uses, so every abort check reads it as a timeout.
  override readonly name = "TimeoutError";
  readonly timeoutMs: number;

  constructor(timeoutMs: number) {
    super(`The deadline of ${timeoutMs} ms passed`);
    this.timeoutMs = timeoutMs;
  }
}

/**
 * A deadline: `signal` aborts when `timeoutMs` have passed, or at once when the followed signal
 * (the client's, or an outer deadline's) aborts, whichever comes first. Call `dispose()` when the
 * work is done.
 *
 * Why not `AbortSignal.any([AbortSignal.timeout(ms), follow])`: on Node 20 the combined signal
 * holds its sources weakly, and a timeout signal nothing else references is collected with its
 * timer at the next garbage collection, so the deadline never fires (Node issue 57736; a 30 s
 * deadline ended at 61 s, a 300 ms one never under allocation). Here a plain `setTimeout` holds
 * the controller (the event loop keeps a pending timer alive, unref'd or not) and the followed
 * signal holds our listener, both until `dispose()` or the abort.
 */
export class Deadline {
  readonly signal: AbortSignal;
  readonly timeoutMs: number;
  private readonly controller = new AbortController();
  private readonly expiresAt: number;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private followed: AbortSignal | undefined;
  private ranOut = false;

  /**
   * @param timeoutMs time allowed from now, in ms
   * @param follow a signal whose abort aborts this deadline too (with its reason)
   */
  constructor(timeoutMs: number, follow?: AbortSignal) {
    this.timeoutMs = Math.max(0, timeoutMs);
    this.signal = this.controller.signal;
    this.expiresAt = performance.now() + this.timeoutMs;
    if (follow?.aborted) {
      this.controller.abort(follow.reason);
      return;
    }
    // unref: a pending deadline must not keep a stopping process alive; it still fires.
    this.timer = setTimeout(this.expire, this.timeoutMs);
    this.timer.unref();
    if (follow) {
      this.followed = follow;
      follow.addEventListener("abort", this.abortWithFollowed, { once: true });
    }
  }

  /** True when its own time ran out (not when the followed signal aborted it). */
  get expired(): boolean {
    return this.ranOut;
  }

  /** Time left before it fires, in ms; 0 once aborted. */
  remainingMs(): number {
    if (this.signal.aborted) return 0;
    return Math.max(0, this.expiresAt - performance.now());
  }

  /** Clears the timer and stops following; the signal keeps its state. Idempotent. */
  dispose(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.followed?.removeEventListener("abort", this.abortWithFollowed);
    this.followed = undefined;
  }

  private readonly expire = (): void => {
    this.ranOut = true;
    this.controller.abort(new DeadlineExceededError(this.timeoutMs));
    this.dispose();
  };

  private readonly abortWithFollowed = (): void => {
    this.controller.abort(this.followed?.reason);
    this.dispose();
  };
}

/** Whether an abort reason says time ran out (ours, AbortSignal.timeout's) rather than a cancel. */
export function isTimeoutReason(reason: unknown): boolean {
  return reason instanceof Error && reason.name === "TimeoutError";
}
