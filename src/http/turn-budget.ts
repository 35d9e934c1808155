import { performance } from "node:perf_hooks";
import type { App } from "./graphql-http-guards.js";

/**
 * Spreads GraphQL requests over event-loop turns so that a burst cannot hold the loop.
 *
 * Why: Node reads every socket that is ready in one poll phase. Under 50 busy connections that
 * is ~50 requests run back to back, each a few ms of parsing, validation, execution and JSON,
 * so timers and /health wait ~100 ms per turn (measured: bench `saturation`). No single request
 * is slow; the batch is. Each request here waits for a `setImmediate` of its own: all of a
 * turn's immediates run in its check phase, with the promise continuations of each (the
 * request's work) between them, so before letting the next request start we can see how long
 * this turn's requests have run. Once `budgetMs` is spent, the rest move to the next turn, in
 * arrival order, after timers and the poll phase (where /health is answered) have had theirs.
 *
 * Hand-written because no library schedules by event-loop turn: concurrency limiters (p-limit,
 * p-queue) bound how many run at once, which does not bound how long one turn lasts.
 *
 * A request that starts always finishes its synchronous work (we cannot cut it); the budget
 * decides only whether the next one starts in this turn. One request therefore always starts
 * per turn, so nothing waits forever.
 */
export class TurnBudget {
  /** When the current turn's first request started; undefined between turns. */
  private turnStartedAt: number | undefined;

  constructor(private readonly budgetMs: number) {}

  /** Resolves when the caller may run: in this turn's check phase, or a later one. */
  waitForTurn(): Promise<void> {
    return new Promise((resolve) => setImmediate(() => this.admit(resolve)));
  }

  private admit(start: () => void): void {
    const now = performance.now();
    if (this.turnStartedAt === undefined) {
      this.turnStartedAt = now;
      // Queued behind this turn's immediates, so it runs first in the next turn's check phase
      // (before the requests deferred below, which are queued after it): a fresh budget.
      setImmediate(() => (this.turnStartedAt = undefined));
    } else if (now - this.turnStartedAt >= this.budgetMs) {
      setImmediate(() => this.admit(start));
      return;
    }
    start();
  }
}

/** Makes each request to `path` wait for its turn (after its body is parsed, before it runs). */
export function spreadOverTurns(app: App, path: string, budget: TurnBudget): void {
  app.addHook("preHandler", async (request) => {
    if (request.routeOptions.url === path) await budget.waitForTurn();
  });
}
