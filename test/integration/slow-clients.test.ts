import { connect } from "node:net";
import type { Socket } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { GenerateModeDocument } from "../generated/graphql.js";
import { gatedLlm } from "../support/gated-llm.js";
import { petStoreAnswer } from "../support/mode-answers.js";
import { startTestServer } from "../support/test-server.js";
import type { TestServer } from "../support/test-server.js";

// Slow or idle connections cannot pile up: real sockets on loopback, trickling a byte every 3 s
// as slowloris and slow-body attacks do, with short timeouts configured.
let api: TestServer | undefined;
const sockets: Socket[] = [];
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  await api?.close();
  api = undefined;
});

const TRICKLE_INTERVAL_MS = 3_000;
const CHECK_INTERVAL_MS = 1_000;

interface Trickler {
  kind: string;
  /** Milliseconds from the start of the test to the server closing the connection. */
  closedAfterMs?: number;
  received: string;
}

/**
 * Opens a connection that sends `prefix` at once, then `trickle` one byte every 3 s; records
 * when the server closes it and what it answered.
 */
function trickler(
  port: number,
  kind: string,
  prefix: string,
  trickle: string,
  startedAt: number,
): Promise<Trickler> {
  return new Promise((resolve, reject) => {
    const record: Trickler = { kind, received: "" };
    let sent = 0;
    const sendNextByte = () => {
      if (sent < trickle.length && !socket.destroyed) socket.write(trickle[sent++]!);
    };
    const timer = setInterval(sendNextByte, TRICKLE_INTERVAL_MS);
    const socket = connect(port, "127.0.0.1", () => {
      if (prefix) socket.write(prefix);
      sendNextByte();
      resolve(record);
    });
    sockets.push(socket);
    socket.on("data", (chunk: Buffer) => (record.received += chunk.toString("latin1")));
    socket.on("error", () => undefined);
    socket.once("error", reject);
    socket.on("close", () => {
      clearInterval(timer);
      record.closedAfterMs = performance.now() - startedAt;
    });
  });
}

async function until(predicate: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!predicate() && performance.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("slow and idle connections", () => {
  it("closes 300 trickling connections at their timeout while normal requests answer fast", async () => {
    const headersTimeoutMs = 2_000;
    const requestTimeoutMs = 4_000;
    api = await startTestServer({
      HTTP_HEADERS_TIMEOUT_MS: String(headersTimeoutMs),
      HTTP_REQUEST_TIMEOUT_MS: String(requestTimeoutMs),
    });
    const port = Number(new URL(api.url).port);
    const normalRequest = () =>
      fetch(api!.url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: "{ modes(first: 2) { edges { node { id } } } }" }),
      });
    // Warm: the latencies below are the trickling connections' doing, not a cold start's.
    await (await normalRequest()).json();
    const body = JSON.stringify({ query: "{ __typename }" }).padEnd(400, " ");
    const startedAt = performance.now();
    const connections = await Promise.all(
      Array.from({ length: 100 }, () => [
        // Connects and never sends a byte.
        trickler(port, "silent", "", "", startedAt),
        // Slowloris: headers that never end.
        trickler(
          port,
          "headers",
          "",
          `POST /graphql HTTP/1.1\r\nhost: x\r\nx-slow: ${"a".repeat(400)}`,
          startedAt,
        ),
        // Complete headers, then a body that never ends.
        trickler(
          port,
          "body",
          `POST /graphql HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: ${body.length}\r\n\r\n`,
          body,
          startedAt,
        ),
      ]).flat(),
    );
    expect(connections).toHaveLength(300);

    // A normal client meanwhile: a GraphQL request and /health, both answered at once.
    const latencies: number[] = [];
    for (let index = 0; index < 5; index++) {
      const sentAt = performance.now();
      const graphql = await normalRequest();
      expect(graphql.status).toBe(200);
      await graphql.json();
      const health = await fetch(`${api.origin}/health`);
      expect(health.status).toBe(200);
      latencies.push(performance.now() - sentAt);
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    expect(Math.max(...latencies)).toBeLessThan(1_000);

    await until(
      () => connections.every((connection) => connection.closedAfterMs !== undefined),
      requestTimeoutMs + 3 * CHECK_INTERVAL_MS,
    );
    const closedAfter = (kind: string) =>
      connections
        .filter((connection) => connection.kind === kind)
        .map((connection) => connection.closedAfterMs ?? Number.POSITIVE_INFINITY);
    // Each timeout counts from the connection's first byte, and Node checks them every second.
    for (const kind of ["silent", "headers"]) {
      expect(Math.min(...closedAfter(kind))).toBeGreaterThanOrEqual(headersTimeoutMs - 100);
      expect(Math.max(...closedAfter(kind))).toBeLessThan(headersTimeoutMs + 2 * CHECK_INTERVAL_MS);
    }
    expect(Math.min(...closedAfter("body"))).toBeGreaterThanOrEqual(requestTimeoutMs - 100);
    expect(Math.max(...closedAfter("body"))).toBeLessThan(requestTimeoutMs + 2 * CHECK_INTERVAL_MS);
    for (const connection of connections) {
      expect(connection.received).toMatch(/^HTTP\/1\.1 408 /);
    }
  }, 30_000);

  it("lets a generation run longer than the request timeout: it only bounds receiving the request", async () => {
    // The model answers 2.5 s after the request has arrived.
    const model = gatedLlm(() => petStoreAnswer());
    api = await startTestServer(
      { HTTP_HEADERS_TIMEOUT_MS: "500", HTTP_REQUEST_TIMEOUT_MS: "1000" },
      { mode: model.llm },
    );
    const sentAt = performance.now();
    const answered = api.execute(GenerateModeDocument, { input: { industry: "pet store" } });
    const gate = setTimeout(model.openGate, 2_500);
    const { status, body } = await answered.finally(() => clearTimeout(gate));
    expect(performance.now() - sentAt).toBeGreaterThanOrEqual(2_400);
    expect(status).toBe(200);
    expect(body.data!.generateMode.mode.source).toBe("GENERATED");
  });

  it("closes an idle keep-alive connection after HTTP_KEEP_ALIVE_TIMEOUT_MS", async () => {
    api = await startTestServer({ HTTP_KEEP_ALIVE_TIMEOUT_MS: "500" });
    const port = Number(new URL(api.url).port);
    const startedAt = performance.now();
    const connection = await trickler(
      port,
      "keep-alive",
      "GET /health HTTP/1.1\r\nhost: x\r\n\r\n",
      "",
      startedAt,
    );
    await until(() => connection.closedAfterMs !== undefined, 3_000);
    expect(connection.received).toMatch(/^HTTP\/1\.1 200 /);
    expect(connection.received).toContain("keep-alive");
    expect(connection.closedAfterMs).toBeGreaterThanOrEqual(500);
    expect(connection.closedAfterMs).toBeLessThan(2_000);
  });

  it("refuses connections beyond HTTP_MAX_CONNECTIONS, and serves again once they close", async () => {
    api = await startTestServer({ HTTP_MAX_CONNECTIONS: "5" });
    const port = Number(new URL(api.url).port);
    const startedAt = performance.now();
    const held = await Promise.all(
      Array.from({ length: 5 }, () => trickler(port, "held", "", "", startedAt)),
    );
    // Let the server account for them before the next one arrives.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const extra = await trickler(
      port,
      "extra",
      "GET /health HTTP/1.1\r\nhost: x\r\n\r\n",
      "",
      startedAt,
    );
    await until(() => extra.closedAfterMs !== undefined, 2_000);
    expect(extra.closedAfterMs).toBeDefined();
    expect(extra.received).toBe("");
    expect(held.every((connection) => connection.closedAfterMs === undefined)).toBe(true);

    for (const socket of sockets.splice(0)) socket.destroy();
    await until(() => held.every((connection) => connection.closedAfterMs !== undefined), 2_000);
    const health = await fetch(`${api.origin}/health`);
    expect(health.status).toBe(200);
  });
});
