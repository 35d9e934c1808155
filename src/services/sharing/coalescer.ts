/** What a caller of `Coalescer.run` gets: the answer, and whether it joined another's call. */
export interface Flight<T> {
  value: T;
  /** True when this caller joined a generation already in flight for the same key. */
  shared: boolean;
}

/**
 * One generation per distinct request: callers with the same key while a generation is in
 * flight share it instead of starting their own.
 */
export interface Coalescer {
  /** Whether a generation for `key` is in flight now (a new caller would join it). */
  isInFlight(key: string): boolean;
  /**
   * Runs `work` for `key`, or joins the run already in flight. `work` receives a signal that is
   * aborted only when every caller has left. A caller whose own `signal` aborts leaves at once
   * (its promise rejects with the signal's reason); the others keep waiting for the answer.
   */
  run<T>(
    key: string,
    signal: AbortSignal | undefined,
    work: (signal: AbortSignal) => Promise<T>,
  ): Promise<Flight<T>>;
}

interface InFlight {
  promise: Promise<unknown>;
  controller: AbortController;
  waiters: number;
}

/** The embedded coalescer: flights live in this process. */
export class InProcessCoalescer implements Coalescer {
  private readonly flights = new Map<string, InFlight>();

  isInFlight(key: string): boolean {
    return this.flights.has(key);
  }

  async run<T>(
    key: string,
    signal: AbortSignal | undefined,
    work: (signal: AbortSignal) => Promise<T>,
  ): Promise<Flight<T>> {
    let flight = this.flights.get(key);
    const shared = flight !== undefined;
    if (!flight) {
      const controller = new AbortController();
      const started: InFlight = { controller, waiters: 0, promise: Promise.resolve() };
      started.promise = work(controller.signal).finally(() => {
        if (this.flights.get(key) === started) this.flights.delete(key);
      });
      // Rejections reach every waiter through `wait`; this keeps an unwatched one from being
      // reported as unhandled when all waiters have left.
      started.promise.catch(() => undefined);
      this.flights.set(key, started);
      flight = started;
    }
    flight.waiters++;
    try {
      return { value: (await wait(flight.promise, signal)) as T, shared };
    } finally {
      flight.waiters--;
      // The last caller to leave before the answer cancels the call nobody waits for.
      if (flight.waiters === 0 && this.flights.get(key) === flight) {
        this.flights.delete(key);
        flight.controller.abort(new Error("every caller of this generation has left"));
      }
    }
  }
}

/** `promise`, or the abort of `signal`, whichever comes first. */
function wait<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}
