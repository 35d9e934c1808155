import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  BEHAVIOURS,
  DeadlineLab,
  EXPECTED_CODES,
  LAB_DEADLINE_MS,
} from "../support/deadline-lab.js";
import type { Behaviour, Task, Wire } from "../support/deadline-lab.js";

// Every generation ends by its deadline plus one second whatever the provider does, on both wires
// and both tasks, over real HTTP. test/gc/ runs the same lab under garbage-collection pressure.
let lab: DeadlineLab;
beforeAll(async () => {
  lab = await DeadlineLab.start();
});
afterAll(() => lab.close());

const MATRIX = (["openai-wire", "anthropic-wire"] as const).flatMap((wire: Wire) =>
  (["mode", "workflow"] as const).flatMap((task: Task) =>
    BEHAVIOURS.map((behaviour: Behaviour) => [wire, task, behaviour] as const),
  ),
);

describe.concurrent("deadlines hold", () => {
  it.each(MATRIX)("%s %s, provider: %s", async (wire, task, behaviour) => {
    const outcome = await lab.run(wire, task, behaviour);

    expect(EXPECTED_CODES[behaviour]).toContain(outcome.code);
    expect(outcome.elapsedMs).toBeLessThan(LAB_DEADLINE_MS + 1_000);
    // generation.attempts is the HTTP calls the provider saw.
    expect(outcome.attempts).toBe(outcome.upstreamCalls);
    if (behaviour === "retry-after-600") {
      // The wait cannot fit before the deadline: no sleep, no second call.
      expect(outcome.upstreamCalls).toBe(1);
      expect(outcome.elapsedMs).toBeLessThan(LAB_DEADLINE_MS * 0.6);
    } else if (behaviour === "hang" || behaviour === "slow-answer") {
      // Ended by the deadline, not before it.
      expect(outcome.upstreamCalls).toBe(1);
      expect(outcome.elapsedMs).toBeGreaterThanOrEqual(LAB_DEADLINE_MS - 50);
    } else {
      // Retried while the deadline allowed a wait, then stopped.
      expect(outcome.upstreamCalls).toBeGreaterThanOrEqual(2);
    }
  });
});
