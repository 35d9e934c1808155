import { describe, expect, it } from "vitest";
import { AbortableSemaphore } from "../../../src/llm/abortable-semaphore.js";

/** Lets queued promise reactions run. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe("AbortableSemaphore", () => {
  it("grants up to its limit at once and queues the rest", async () => {
    const semaphore = new AbortableSemaphore(2);
    await semaphore.acquire();
    await semaphore.acquire();
    let third = false;
    void semaphore.acquire().then(() => (third = true));
    await settle();
    expect(third).toBe(false);
    expect(semaphore.inUse).toBe(2);
    expect(semaphore.queued).toBe(1);
  });

  it("hands freed slots to waiters in arrival order", async () => {
    const semaphore = new AbortableSemaphore(1);
    const first = await semaphore.acquire();
    const order: string[] = [];
    const waiters = ["a", "b", "c"].map((name) =>
      semaphore.acquire().then((release) => {
        order.push(name);
        return release;
      }),
    );
    first();
    (await waiters[0]!)();
    (await waiters[1]!)();
    (await waiters[2]!)();
    expect(order).toEqual(["a", "b", "c"]);
    expect(semaphore.inUse).toBe(0);
  });

  it("does not let a newcomer overtake the queue when a slot frees", async () => {
    const semaphore = new AbortableSemaphore(1);
    const first = await semaphore.acquire();
    const order: string[] = [];
    const queued = semaphore.acquire().then((release) => {
      order.push("queued");
      release();
    });
    first();
    const late = semaphore.acquire().then((release) => {
      order.push("late");
      release();
    });
    await Promise.all([queued, late]);
    expect(order).toEqual(["queued", "late"]);
  });

  it("releases a waiter at once when its signal aborts, with the signal's reason, keeping the others' order", async () => {
    const semaphore = new AbortableSemaphore(1);
    const holder = await semaphore.acquire();
    const controller = new AbortController();
    const order: string[] = [];
    const a = semaphore.acquire().then((release) => (order.push("a"), release));
    const aborted = semaphore.acquire(controller.signal);
    const c = semaphore.acquire().then((release) => (order.push("c"), release));
    expect(semaphore.queued).toBe(3);

    const reason = new Error("deadline");
    const started = performance.now();
    controller.abort(reason);
    await expect(aborted).rejects.toBe(reason);
    expect(performance.now() - started).toBeLessThan(50);
    expect(semaphore.queued).toBe(2);
    expect(semaphore.inUse).toBe(1);

    holder();
    (await a)();
    (await c)();
    expect(order).toEqual(["a", "c"]);
    expect(semaphore.inUse).toBe(0);
    expect(semaphore.queued).toBe(0);
  });

  it("refuses at once when the signal is already aborted, taking no slot", async () => {
    const semaphore = new AbortableSemaphore(1);
    const controller = new AbortController();
    controller.abort(new Error("gone"));
    await expect(semaphore.acquire(controller.signal)).rejects.toThrow("gone");
    expect(semaphore.inUse).toBe(0);
  });

  it("ignores a second release of the same slot", async () => {
    const semaphore = new AbortableSemaphore(1);
    const release = await semaphore.acquire();
    release();
    release();
    expect(semaphore.inUse).toBe(0);
    await semaphore.acquire();
    expect(semaphore.inUse).toBe(1);
  });

  it("ignores an abort after the slot was granted", async () => {
    const semaphore = new AbortableSemaphore(1);
    const holder = await semaphore.acquire();
    const controller = new AbortController();
    const waiting = semaphore.acquire(controller.signal);
    holder();
    const release = await waiting;
    controller.abort(new Error("late"));
    expect(semaphore.inUse).toBe(1);
    release();
    expect(semaphore.inUse).toBe(0);
  });

  it("needs a limit of at least 1", () => {
    expect(() => new AbortableSemaphore(0)).toThrow(RangeError);
  });
});
