import { afterEach, describe, expect, it, vi } from "vitest";
import { abortableSleep, settleByAbort } from "../../../src/abortable.js";
import { Deadline, DeadlineExceededError, isTimeoutReason } from "../../../src/llm/deadline.js";

afterEach(() => {
  vi.useRealTimers();
});

function abortedAt(signal: AbortSignal, started: number): Promise<number> {
  return new Promise((resolve) =>
    signal.addEventListener("abort", () => resolve(performance.now() - started), { once: true }),
  );
}

describe("Deadline", () => {
  it("fires after its time with a DeadlineExceededError (a TimeoutError)", async () => {
    const started = performance.now();
    const deadline = new Deadline(80);
    const elapsed = await abortedAt(deadline.signal, started);

    expect(elapsed).toBeGreaterThanOrEqual(75);
    expect(elapsed).toBeLessThan(1_000);
    expect(deadline.expired).toBe(true);
    expect(deadline.remainingMs()).toBe(0);
    expect(deadline.signal.reason).toBeInstanceOf(DeadlineExceededError);
    expect(isTimeoutReason(deadline.signal.reason)).toBe(true);
  });

  it("counts down the time left", () => {
    vi.useFakeTimers();
    const deadline = new Deadline(1_000);
    expect(deadline.remainingMs()).toBeCloseTo(1_000, -1);
    vi.advanceTimersByTime(400);
    expect(deadline.remainingMs()).toBeCloseTo(600, -1);
    vi.advanceTimersByTime(600);
    expect(deadline.signal.aborted).toBe(true);
    expect(deadline.remainingMs()).toBe(0);
  });

  it("follows the client's signal at once, with the client's reason, and is not 'expired'", () => {
    const client = new AbortController();
    const deadline = new Deadline(60_000, client.signal);
    const gone = new Error("client disconnected");

    client.abort(gone);

    expect(deadline.signal.aborted).toBe(true);
    expect(deadline.signal.reason).toBe(gone);
    expect(deadline.expired).toBe(false);
    expect(isTimeoutReason(deadline.signal.reason)).toBe(false);
    deadline.dispose();
  });

  it("starts aborted when the followed signal already is", () => {
    const client = new AbortController();
    client.abort(new Error("gone"));
    const deadline = new Deadline(60_000, client.signal);
    expect(deadline.signal.aborted).toBe(true);
    expect(deadline.remainingMs()).toBe(0);
  });

  it("nests: a call's deadline follows the request's", async () => {
    const request = new Deadline(50);
    const call = new Deadline(60_000, request.signal);
    await abortedAt(call.signal, performance.now());
    expect(call.signal.reason).toBeInstanceOf(DeadlineExceededError);
    expect(call.expired).toBe(false);
    expect(request.expired).toBe(true);
    call.dispose();
  });

  it("disposes its timer and its listener on the followed signal", () => {
    vi.useFakeTimers();
    const client = new AbortController();
    const deadline = new Deadline(1_000, client.signal);
    expect(vi.getTimerCount()).toBe(1);

    deadline.dispose();
    deadline.dispose(); // idempotent

    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(5_000);
    client.abort(new Error("late"));
    expect(deadline.signal.aborted).toBe(false);
  });

  it("clears its timer when the followed signal aborts first", () => {
    vi.useFakeTimers();
    const client = new AbortController();
    const deadline = new Deadline(1_000, client.signal);
    client.abort(new Error("gone"));
    expect(vi.getTimerCount()).toBe(0);
    expect(deadline.signal.aborted).toBe(true);
  });
});

describe("settleByAbort", () => {
  it("settles at the abort even when the work ignores the signal", async () => {
    const controller = new AbortController();
    const never = new Promise<string>(() => {});
    const raced = settleByAbort(never, controller.signal);
    const reason = new DeadlineExceededError(10);
    controller.abort(reason);
    await expect(raced).rejects.toBe(reason);
  });

  it("settles like the work when it ends first, and leaves no listener behind", async () => {
    const controller = new AbortController();
    const listeners = vi.spyOn(controller.signal, "removeEventListener");
    await expect(settleByAbort(Promise.resolve(7), controller.signal)).resolves.toBe(7);
    await expect(settleByAbort(Promise.reject(new Error("no")), controller.signal)).rejects.toThrow(
      "no",
    );
    expect(listeners).toHaveBeenCalledTimes(2);
  });

  it("rejects at once when the signal is already aborted", async () => {
    const controller = new AbortController();
    controller.abort(new Error("already"));
    await expect(settleByAbort(new Promise(() => {}), controller.signal)).rejects.toThrow(
      "already",
    );
  });
});

describe("abortableSleep", () => {
  it("waits, and stops at the abort with its reason, clearing the timer", async () => {
    vi.useFakeTimers();
    const controller = new AbortController();
    const sleeping = abortableSleep(10_000, controller.signal);
    expect(vi.getTimerCount()).toBe(1);
    controller.abort(new Error("stop"));
    await expect(sleeping).rejects.toThrow("stop");
    expect(vi.getTimerCount()).toBe(0);

    const short = abortableSleep(100, new AbortController().signal);
    vi.advanceTimersByTime(100);
    await expect(short).resolves.toBeUndefined();
  });
});
