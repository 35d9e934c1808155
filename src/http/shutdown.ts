import { setMaxListeners } from "node:events";
import type { ServerResponse } from "node:http";

/** Why an in-flight request was cut: the server stopped before it could finish. */
export class ShuttingDownError extends Error {
  override readonly name = "ShuttingDownError";
  constructor() {
    super("The server is shutting down; retry the request");
  }
}

export interface ShutdownTimings {
  /** How long /ready answers 503 while the server still serves everything (load balancers notice). */
  readyDelayMs: number;
  /** How long in-flight requests may take to finish once the server stops accepting. */
  graceMs: number;
}

/**
 * Shutdown without resets, in three steps: /ready turns 503 at once while the listener keeps
 * serving for `readyDelayMs`; then the server stops accepting and waits for in-flight requests
 * for up to `graceMs`; what is still running then is cut (its signal aborts with
 * ShuttingDownError) and answers a retryable 503, so no client sees a reset socket.
 */
export class Shutdown {
  private readonly controller = new AbortController();
  private startedAt: number | undefined;
  private inFlight = 0;
  private onIdle: (() => void) | undefined;

  constructor(private readonly timings: ShutdownTimings) {
    // Every in-flight request listens for the cut: many listeners are the design, not a leak.
    setMaxListeners(0, this.controller.signal);
  }

  /** True from the moment shutdown begins (/ready answers 503). */
  get draining(): boolean {
    return this.startedAt !== undefined;
  }

  /** Aborts when the grace period ends with requests still running. */
  get cut(): AbortSignal {
    return this.controller.signal;
  }

  /** Counts a request from its arrival until its response is finished or its client is gone. */
  track(response: ServerResponse): void {
    response.once("close", this.trackWork());
  }

  /**
   * Counts any other in-flight work (a running subscription) until the returned function is
   * called; calling it again does nothing. The drain waits for it like for a request.
   */
  trackWork(): () => void {
    this.inFlight++;
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.inFlight--;
      if (this.inFlight === 0) this.onIdle?.();
    };
  }

  /**
   * Runs the steps. Once no request is in flight, the remaining connections (keep-alive ones a
   * client holds open, or opened without a request) are closed so the process need not wait for
   * clients to hang up; no answer can be lost then. A request that ignores the cut still cannot
   * hold the process: its connection is closed `CUT_GRACE_MS` after the cut.
   */
  async run(server: DrainableServer): Promise<void> {
    this.startedAt = performance.now();
    await sleep(this.timings.readyDelayMs);
    const cutTimer = setTimeout(() => {
      this.controller.abort(new ShuttingDownError());
      setTimeout(() => server.closeAllConnections(), CUT_GRACE_MS).unref();
    }, this.timings.graceMs);
    const closed = server.close();
    const allAnswered = new Promise<void>((resolve) => {
      if (this.inFlight === 0) resolve();
      else this.onIdle = resolve;
    });
    try {
      await allAnswered;
      server.closeAllConnections();
      await closed;
    } finally {
      clearTimeout(cutTimer);
    }
  }
}

/** What shutdown needs of the HTTP server. */
export interface DrainableServer {
  /** Stops accepting; resolves when every connection has ended. */
  close(): Promise<void>;
  closeAllConnections(): void;
}

/** How long cut requests have to send their 503 before their connections are closed. */
const CUT_GRACE_MS = 5_000;

function sleep(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}
