import { performance } from "node:perf_hooks";
import { describe, expect, it } from "vitest";
import { TurnBudget } from "../../../src/http/turn-budget.js";

/** Holds the thread for `ms`, as a request's synchronous work does. */
function busy(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // spin
  }
}

/**
 * Ten "requests" of 2 ms each arrive in one turn, with a timer due at once: the order in which
 * they and the timer ran.
 */
async function runBurst(start: (work: () => void) => Promise<void>): Promise<string[]> {
  const order: string[] = [];
  const timer = new Promise<void>((resolve) =>
    setTimeout(() => {
      order.push("timer");
      resolve();
    }, 0),
  );
  // Let the timer come due before the burst arrives, as under load.
  busy(2);
  const requests = Array.from({ length: 10 }, (_, index) =>
    start(() => {
      order.push(`request ${index}`);
      busy(2);
    }),
  );
  await Promise.all([timer, ...requests]);
  return order;
}

describe("TurnBudget", () => {
  it("starts the rest of a burst in later turns once the budget is spent, so timers run between", async () => {
    const budget = new TurnBudget(5);
    const order = await runBurst(async (work) => {
      await budget.waitForTurn();
      work();
    });
    // 2 ms each against 5 ms: at most three start in a turn; the timer runs before the fourth.
    expect(order.indexOf("timer")).toBeGreaterThan(0);
    expect(order.indexOf("timer")).toBeLessThanOrEqual(3);
    // Nothing is lost or reordered: arrival order, every request once.
    expect(order.filter((entry) => entry !== "timer")).toEqual(
      Array.from({ length: 10 }, (_, index) => `request ${index}`),
    );
  });

  it("without it, the whole burst runs before the timer (what it prevents)", async () => {
    const order = await runBurst(async (work) => work());
    expect(order.at(-1)).toBe("timer");
  });

  it("always starts one request per turn, however long the budget was overrun", async () => {
    const budget = new TurnBudget(0);
    const order = await runBurst(async (work) => {
      await budget.waitForTurn();
      work();
    });
    expect(order.filter((entry) => entry !== "timer")).toHaveLength(10);
    expect(order.indexOf("timer")).toBeLessThanOrEqual(1);
  });
});
