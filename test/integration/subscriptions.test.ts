import { afterEach, describe, expect, it } from "vitest";
import type { Client } from "graphql-ws";
import { WebSocket } from "ws";
import { AuthenticationError } from "../../src/auth/authentication-error.js";
import { Metrics } from "../../src/observability/metrics.js";
import { recordingLogger } from "../support/recording-logger.js";
import {
  TEST_API_KEY,
  closeOf,
  deliver,
  startHarness,
  wsClient,
} from "../support/subscription-harness.js";
import type { Harness } from "../support/subscription-harness.js";

// The WebSocket transport alone (attachSubscriptions), with a small schema of its own, over a
// real socket on loopback with graphql-ws's own client.

const TICKS = "subscription Ticks { ticks(count: 2, everyMs: 5) }";
const CALLER = "subscription Caller { caller }";

let harness: Harness | undefined;
const clients: Client[] = [];

function client(...args: Parameters<typeof wsClient>): Client {
  const created = wsClient(...args);
  clients.push(created);
  return created;
}

afterEach(async () => {
  await Promise.all(clients.splice(0).map((created) => created.dispose()));
  await harness?.stop();
  harness = undefined;
});

describe("subscriptions: authentication in connection_init", () => {
  it("serves a caller whose key is in connectionParams, as authorization or x-api-key in any case", async () => {
    harness = await startHarness();
    for (const connectionParams of [
      { authorization: `Bearer ${TEST_API_KEY}` },
      { Authorization: `Bearer ${TEST_API_KEY}` },
      { "x-api-key": TEST_API_KEY },
      { "X-Api-Key": TEST_API_KEY },
    ]) {
      const delivery = await deliver(client(harness.url, { connectionParams }), CALLER);
      expect(delivery.error).toBeUndefined();
      const [principal, requestId] = String(
        (delivery.values[0]?.data as { caller: string }).caller,
      ).split(" ");
      expect(principal).toBe("ws-tester");
      expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    }
    // Every subscription has its own request id.
    const ids = new Set(harness.probe.contexts.map((context) => context.requestId));
    expect(ids.size).toBe(4);
  });

  it("falls back to the upgrade request's headers when connectionParams carry no credential", async () => {
    harness = await startHarness();
    const ok = await deliver(
      client(harness.url, { headers: { authorization: `Bearer ${TEST_API_KEY}` } }),
      TICKS,
    );
    expect(ok).toEqual({ values: [{ data: { ticks: 1 } }, { data: { ticks: 2 } }] });

    const refused = await deliver(
      client(harness.url, { headers: { "x-api-key": "wrong" } }),
      TICKS,
    );
    expect(closeOf(refused.error)).toEqual({ code: 4403, reason: "Invalid API key" });
  });

  it("closes with 4403 and the reason when the credential is missing, wrong or malformed, and logs it at info", async () => {
    const { logger, lines } = recordingLogger();
    harness = await startHarness({ logger });
    const missing = await deliver(client(harness.url), TICKS);
    expect(closeOf(missing.error).code).toBe(4403);
    expect(closeOf(missing.error).reason).toContain("Authentication required");
    expect(Buffer.byteLength(closeOf(missing.error).reason)).toBeLessThanOrEqual(123);

    const wrong = await deliver(
      client(harness.url, { connectionParams: { authorization: "Bearer nope" } }),
      TICKS,
    );
    expect(closeOf(wrong.error)).toEqual({ code: 4403, reason: "Invalid API key" });

    const malformed = await deliver(
      client(harness.url, { connectionParams: { "x-api-key": 42 } }),
      TICKS,
    );
    expect(closeOf(malformed.error)).toEqual({
      code: 4403,
      reason: 'connectionParams "x-api-key" must be a string',
    });
    const refusals = lines.filter((line) => line.msg === "authentication refused");
    expect(refusals.map((line) => [line.level, line.reason])).toEqual([
      [30, "missing-credentials"],
      [30, "unknown-api-key"],
      [30, "malformed-credentials"],
    ]);
    expect(JSON.stringify(lines)).not.toContain("nope");
  });

  it("closes with 4500 and a masked reason when the check cannot be made, logging the cause", async () => {
    const { logger, lines } = recordingLogger();
    harness = await startHarness({
      logger,
      authenticator: {
        authenticate: async () => {
          throw new Error("JWKS unreachable: ECONNREFUSED 10.0.0.1:443");
        },
      },
    });
    const delivery = await deliver(client(harness.url), TICKS);
    expect(closeOf(delivery.error)).toEqual({ code: 4500, reason: "Internal server error" });
    const line = lines.find((candidate) => candidate.msg === "authentication could not be checked");
    expect(line?.level).toBe(50);
    expect(JSON.stringify(line)).toContain("JWKS unreachable");
  });

  it("keeps AuthenticationError's message within the close frame's 123 bytes", async () => {
    harness = await startHarness({
      authenticator: {
        authenticate: async () => {
          throw new AuthenticationError("invalid-token", `Invalid token: ${"é".repeat(200)}`);
        },
      },
    });
    const delivery = await deliver(client(harness.url), TICKS);
    const { code, reason } = closeOf(delivery.error);
    expect(code).toBe(4403);
    expect(reason.startsWith("Invalid token: éé")).toBe(true);
    expect(Buffer.byteLength(reason)).toBeLessThanOrEqual(123);
  });
});

describe("subscriptions: the operation rules of HTTP", () => {
  const authorized = { connectionParams: { "x-api-key": TEST_API_KEY } };

  it("refuses a document over MAX_TOKENS as GRAPHQL_PARSE_FAILED naming the limit", async () => {
    harness = await startHarness();
    const query = `subscription { ticks(count: 1, everyMs: 1) ${"__typename ".repeat(120)} }`;
    const delivery = await deliver(client(harness.url, authorized), query);
    expect(delivery.error).toEqual([
      expect.objectContaining({
        message: expect.stringContaining("the limit MAX_TOKENS"),
        extensions: { code: "GRAPHQL_PARSE_FAILED", limit: "MAX_TOKENS" },
      }),
    ]);
  });

  it("refuses an operation deeper than MAX_DEPTH as GRAPHQL_VALIDATION_FAILED naming the limit", async () => {
    harness = await startHarness({ maxDepth: 2 });
    const delivery = await deliver(
      client(harness.url, authorized),
      "subscription { levels { next { next { value } } } }",
    );
    expect(delivery.error).toEqual([
      expect.objectContaining({
        message: expect.stringContaining("(the limit MAX_DEPTH)"),
        extensions: { code: "GRAPHQL_VALIDATION_FAILED", limit: "MAX_DEPTH" },
      }),
    ]);
  });

  it("refuses an answer estimated over MAX_COST, naming the limit", async () => {
    harness = await startHarness();
    const delivery = await deliver(
      client(harness.url, authorized),
      "subscription { levels { many { many { many { value } } } } }",
    );
    expect(delivery.error).toEqual([
      expect.objectContaining({
        message: expect.stringContaining("(the limit MAX_COST)"),
        extensions: { code: "GRAPHQL_VALIDATION_FAILED", limit: "MAX_COST" },
      }),
    ]);
  });

  it("stops validating at MAX_VALIDATION_ERRORS, naming the limit", async () => {
    harness = await startHarness();
    const delivery = await deliver(
      client(harness.url, authorized),
      "subscription { levels { a b c d e f g } }",
    );
    const errors = delivery.error as Array<{ extensions: Record<string, unknown> }>;
    expect(errors).toHaveLength(6);
    expect(errors.at(-1)!.extensions).toEqual({
      code: "GRAPHQL_VALIDATION_FAILED",
      limit: "MAX_VALIDATION_ERRORS",
    });
  });

  it("refuses unknown fields as GRAPHQL_VALIDATION_FAILED, without suggestions in production", async () => {
    harness = await startHarness({ production: true });
    const delivery = await deliver(client(harness.url, authorized), "subscription { tick }");
    expect(delivery.error).toEqual([
      expect.objectContaining({
        message: 'Cannot query field "tick" on type "Subscription".',
        extensions: { code: "GRAPHQL_VALIDATION_FAILED" },
      }),
    ]);
  });

  it("refuses variables of the wrong type as BAD_USER_INPUT", async () => {
    harness = await startHarness();
    const delivery = await deliver(
      client(harness.url, authorized),
      "subscription ($count: Int!) { ticks(count: $count, everyMs: 1) }",
      { count: "two" },
    );
    expect(delivery.error).toEqual([
      expect.objectContaining({ extensions: { code: "BAD_USER_INPUT" } }),
    ]);
  });

  it("refuses a query or a mutation over the socket, telling the client to use HTTP", async () => {
    harness = await startHarness();
    const delivery = await deliver(client(harness.url, authorized), "query Hello { hello }");
    expect(delivery.error).toEqual([
      expect.objectContaining({
        message: "Only subscriptions are served over WebSocket; send this query over HTTP (POST).",
        extensions: { code: "BAD_REQUEST" },
      }),
    ]);
  });

  it("refuses a subscription over SUBSCRIPTIONS_MAX_PER_CONNECTION, naming the limit, and serves the others", async () => {
    harness = await startHarness({ settings: { maxPerConnection: 2 } });
    const shared = client(harness.url, authorized);
    const running = [
      deliver(shared, "subscription { ticks(count: 2, everyMs: 150) }"),
      deliver(shared, "subscription { ticks(count: 2, everyMs: 150) }"),
    ];
    const third = await deliver(shared, "subscription { ticks(count: 1, everyMs: 1) }");
    expect(third.error).toEqual([
      expect.objectContaining({
        message: expect.stringContaining("(the limit SUBSCRIPTIONS_MAX_PER_CONNECTION)"),
        extensions: { code: "BAD_REQUEST", limit: "SUBSCRIPTIONS_MAX_PER_CONNECTION" },
      }),
    ]);
    for (const delivery of await Promise.all(running)) expect(delivery.values).toHaveLength(2);
    // Ended subscriptions free their place.
    expect((await deliver(shared, TICKS)).values).toHaveLength(2);
  });
});

describe("subscriptions: errors while running", () => {
  const authorized = { connectionParams: { "x-api-key": TEST_API_KEY } };

  it("masks an unexpected error as INTERNAL_SERVER_ERROR with the request id, logged in full with it", async () => {
    const { logger, lines } = recordingLogger();
    harness = await startHarness({ logger });
    const delivery = await deliver(
      client(harness.url, authorized),
      "subscription Failing { failing }",
    );
    const requestId = harness.probe.contexts[0]!.requestId;
    expect(delivery.error).toEqual([
      {
        message: "Internal server error",
        extensions: { code: "INTERNAL_SERVER_ERROR", requestId },
      },
    ]);
    const logged = lines.find(
      (line) => line.msg === "unexpected error while executing a GraphQL operation",
    );
    expect(logged).toMatchObject({ level: 50, reqId: requestId, principal: "ws-tester" });
    expect(JSON.stringify(logged)).toContain("secret connection string leaked");
    expect(lines.find((line) => line.msg === "graphql subscription")).toMatchObject({
      reqId: requestId,
      operationName: "Failing",
      outcome: "error",
      events: 0,
    });
  });

  it("passes a GraphQLError with a client code through, logged at info", async () => {
    const { logger, lines } = recordingLogger();
    harness = await startHarness({ logger });
    const delivery = await deliver(client(harness.url, authorized), "subscription { badInput }");
    expect(delivery.values).toEqual([
      {
        errors: [
          expect.objectContaining({
            message: "count must be positive",
            path: ["badInput"],
            extensions: { code: "BAD_USER_INPUT" },
          }),
        ],
      },
    ]);
    expect(lines.find((line) => line.msg === "client error in a GraphQL request")).toMatchObject({
      level: 30,
      code: "BAD_USER_INPUT",
    });
  });

  it("logs one line per subscription when it ends, with its outcome and the events sent, and records it", async () => {
    const { logger, lines } = recordingLogger();
    const metrics = new Metrics();
    harness = await startHarness({ logger, metrics });
    await deliver(client(harness.url, authorized), TICKS);
    expect(await metrics.registry.metrics()).toContain(
      'modeflow_graphql_request_duration_seconds_count{operation="ticks",outcome="ok"} 1',
    );
    // A finished source is not told to stop.
    expect(harness.probe.returnedAt).toEqual([]);
    const ended = lines.filter((line) => line.msg === "graphql subscription");
    expect(ended).toEqual([
      expect.objectContaining({
        reqId: harness.probe.contexts[0]!.requestId,
        principal: "ws-tester",
        operationName: "Ticks",
        outcome: "ok",
        events: 2,
        failed: false,
      }),
    ]);
    // The resolver's signal does not outlive its subscription.
    expect(harness.probe.contexts[0]!.signal.aborted).toBe(true);
  });

  it("answers 404 to an upgrade on another path", async () => {
    harness = await startHarness();
    const delivery = await deliver(
      client(harness.url.replace("/graphql", "/other"), authorized),
      TICKS,
    );
    expect(delivery.error).toBeDefined();
    expect(harness.probe.contexts).toHaveLength(0);
  });

  it("closes a socket that sends no connection_init within SUBSCRIPTIONS_INIT_TIMEOUT_MS with 4408", async () => {
    harness = await startHarness({ settings: { initTimeoutMs: 100 } });
    const socket = new WebSocket(harness.url, "graphql-transport-ws");
    const code = await new Promise<number>((resolve) => socket.on("close", resolve));
    expect(code).toBe(4408);
  });

  it("closes a socket that sends a message over the largest allowed with 1009", async () => {
    harness = await startHarness();
    const socket = new WebSocket(harness.url, "graphql-transport-ws");
    await new Promise((resolve) => socket.on("open", resolve));
    socket.send(JSON.stringify({ type: "connection_init", payload: { pad: "x".repeat(70_000) } }));
    const code = await new Promise<number>((resolve) => socket.on("close", resolve));
    expect(code).toBe(1009);
  });
});
