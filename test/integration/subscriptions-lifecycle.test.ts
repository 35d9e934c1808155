import { afterEach, describe, expect, it, vi } from "vitest";
import type { Client } from "graphql-ws";
import { WebSocket } from "ws";
import { TEST_API_KEY, deliver, startHarness, wsClient } from "../support/subscription-harness.js";
import type { Harness } from "../support/subscription-harness.js";

// When subscriptions end: the source's return() and the context signal follow the client's
// `complete`, the socket's close and shutdown's cut; shutdown drains running subscriptions, then
// closes the sockets. Timed: assertions read the clock (vitest.config.ts, TIMED_TESTS).

const authorized = { connectionParams: { "x-api-key": TEST_API_KEY } };
const ENDLESS = "subscription { ticks(count: -1, everyMs: 20) }";

let harness: Harness | undefined;
let stopped = false;
const clients: Client[] = [];

function client(options: Parameters<typeof wsClient>[1] = authorized): Client {
  const created = wsClient(harness!.url, options);
  clients.push(created);
  return created;
}

/** Subscribes and resolves once the first event arrived; returns the unsubscribe function. */
async function firstEvent(subscriber: Client, query: string) {
  let unsubscribe!: () => void;
  const delivery: { error?: unknown; completed: boolean } = { completed: false };
  await new Promise<void>((resolve) => {
    unsubscribe = subscriber.subscribe(
      { query },
      {
        next: () => resolve(),
        error: (error) => (delivery.error = error),
        complete: () => (delivery.completed = true),
      },
    );
  });
  return { unsubscribe, delivery };
}

/** Resolves with the code of the client's socket once the server closed it. */
function closeCode(subscriber: Client): Promise<number> {
  return new Promise((resolve) =>
    subscriber.on("closed", (event) => resolve((event as { code: number }).code)),
  );
}

afterEach(async () => {
  await Promise.all(clients.splice(0).map((created) => created.dispose()));
  if (!stopped) await harness?.stop();
  harness = undefined;
  stopped = false;
});

describe("subscriptions: cancellation", () => {
  it("calls the source's return() and aborts the signal within a few ms of the client's complete", async () => {
    harness = await startHarness();
    const { unsubscribe } = await firstEvent(client(), ENDLESS);
    const stoppedAt = performance.now();
    unsubscribe();
    await vi.waitFor(() => expect(harness!.probe.returnedAt).toHaveLength(1), { interval: 1 });
    expect(harness.probe.returnedAt[0]! - stoppedAt).toBeLessThan(50);
    expect(harness.probe.contexts[0]!.signal.aborted).toBe(true);
  });

  it("calls the source's return() and aborts the signal within a few ms of the socket closing", async () => {
    harness = await startHarness();
    const subscriber = client();
    await firstEvent(subscriber, ENDLESS);
    const closedAt = performance.now();
    await subscriber.dispose();
    await vi.waitFor(() => expect(harness!.probe.returnedAt).toHaveLength(1), { interval: 1 });
    expect(harness.probe.returnedAt[0]! - closedAt).toBeLessThan(50);
    expect(harness.probe.contexts[0]!.signal.aborted).toBe(true);
  });

  it("ends a subscription whose source ignores return() and never yields, when the client completes", async () => {
    harness = await startHarness();
    // `ticks` with a 60 s interval: its next() is pending when the client stops.
    const subscriber = client();
    let completed = false;
    const unsubscribe = subscriber.subscribe(
      { query: "subscription { ticks(count: -1, everyMs: 60000) }" },
      { next: () => undefined, error: () => undefined, complete: () => (completed = true) },
    );
    await vi.waitFor(() => expect(harness!.probe.contexts).toHaveLength(1));
    unsubscribe();
    await vi.waitFor(() => expect(harness!.probe.contexts[0]!.signal.aborted).toBe(true));
    expect(completed).toBe(true);
    // Its place on the connection is free again: the drain below does not wait for it.
    const startedAt = performance.now();
    await harness.stop();
    stopped = true;
    expect(performance.now() - startedAt).toBeLessThan(1_500);
  });
});

describe("subscriptions: shutdown", () => {
  it("lets a running subscription finish, refuses new sockets (503) and subscriptions (SHUTTING_DOWN), then closes with 1001", async () => {
    harness = await startHarness({ timings: { readyDelayMs: 300, graceMs: 5_000 } });
    const subscriber = client();
    const closed = closeCode(subscriber);
    const running = deliver(subscriber, "subscription { ticks(count: 5, everyMs: 100) }");
    await vi.waitFor(() => expect(harness!.probe.contexts).toHaveLength(1));

    const stopping = harness.stop();
    stopped = true;

    const late = await deliver(subscriber, "subscription { ticks(count: 1, everyMs: 1) }");
    expect(late.error).toEqual([
      {
        message: "The server is shutting down; retry the request",
        extensions: { code: "SHUTTING_DOWN", retryable: true },
      },
    ]);

    const status = await new Promise<number | undefined>((resolve) => {
      const socket = new WebSocket(harness!.url, "graphql-transport-ws");
      socket.on("unexpected-response", (_request, response) => resolve(response.statusCode));
      socket.on("open", () => resolve(101));
      socket.on("error", () => resolve(undefined));
    });
    expect(status).toBe(503);

    expect((await running).values.map((value) => value.data)).toEqual(
      [1, 2, 3, 4, 5].map((ticks) => ({ ticks })),
    );
    await stopping;
    expect(await closed).toBe(1001);
  });

  it("does not wait for an idle socket: stop() closes it with 1001 at once", async () => {
    harness = await startHarness();
    // onNonLazyError: the close is expected here (graphql-ws logs it to the console otherwise).
    const subscriber = client({ ...authorized, lazy: false, onNonLazyError: () => undefined });
    await new Promise<void>((resolve) => subscriber.on("connected", () => resolve()));
    const closed = closeCode(subscriber);
    const startedAt = performance.now();
    await harness.stop();
    stopped = true;
    expect(performance.now() - startedAt).toBeLessThan(1_000);
    expect(await closed).toBe(1001);
  });

  it("cuts a subscription still running at the end of the grace period with a retryable SHUTTING_DOWN", async () => {
    harness = await startHarness({ timings: { readyDelayMs: 0, graceMs: 200 } });
    const subscriber = client();
    const closed = closeCode(subscriber);
    const running = deliver(subscriber, ENDLESS);
    await vi.waitFor(() => expect(harness!.probe.contexts).toHaveLength(1));
    const startedAt = performance.now();
    await harness.stop();
    stopped = true;
    expect(performance.now() - startedAt).toBeLessThan(2_000);
    const delivery = await running;
    expect(delivery.values.length).toBeGreaterThan(0);
    expect(delivery.error).toEqual([
      {
        message: "The server is shutting down; retry the request",
        extensions: { code: "SHUTTING_DOWN", retryable: true },
      },
    ]);
    expect(harness.probe.returnedAt).toHaveLength(1);
    expect(harness.probe.contexts[0]!.signal.reason).toBeInstanceOf(Error);
    expect(await closed).toBe(1001);
  });
});
