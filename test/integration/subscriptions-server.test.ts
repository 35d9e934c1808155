import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Client } from "graphql-ws";
import { hashApiKey } from "../../src/auth/api-keys.js";
import { startTestServer } from "../support/test-server.js";
import type { TestServer } from "../support/test-server.js";
import { closeOf, deliver, wsClient } from "../support/subscription-harness.js";

// The real server serves the WebSocket transport on /graphql, same port, with its authenticator:
// until the schema has subscription fields, a query over the socket shows the whole path
// (upgrade, connection_init checked by AUTH_MODE=api-key, operation refused as "use HTTP").

const KEY = "server-ws-key-0123456789";

describe("subscriptions on the real server", () => {
  let api: TestServer;
  let wsUrl: string;
  const clients: Client[] = [];
  const client = (options: Parameters<typeof wsClient>[1]) => {
    const created = wsClient(wsUrl, options);
    clients.push(created);
    return created;
  };

  beforeAll(async () => {
    api = await startTestServer({ AUTH_MODE: "api-key", API_KEYS: `web:${hashApiKey(KEY)}` });
    wsUrl = api.url.replace(/^http/, "ws");
  });

  afterAll(async () => {
    // One socket stays open and idle: stop() must not wait for it.
    const idle = client({
      connectionParams: { authorization: `Bearer ${KEY}` },
      lazy: false,
      onNonLazyError: () => undefined,
    });
    await new Promise<void>((resolve) => idle.on("connected", () => resolve()));
    await api.close();
    await Promise.all(clients.map((created) => created.dispose()));
  });

  it("authenticates connection_init and refuses a query over the socket, pointing to HTTP", async () => {
    const delivery = await deliver(
      client({ connectionParams: { authorization: `Bearer ${KEY}` } }),
      "query Probe { __typename }",
    );
    expect(delivery.error).toEqual([
      expect.objectContaining({
        message: "Only subscriptions are served over WebSocket; send this query over HTTP (POST).",
        extensions: { code: "BAD_REQUEST" },
      }),
    ]);
  });

  it("closes with 4403 for a bad API key", async () => {
    const delivery = await deliver(
      client({ connectionParams: { "x-api-key": "not-the-key" } }),
      "subscription { anything }",
    );
    expect(closeOf(delivery.error)).toEqual({ code: 4403, reason: "Invalid API key" });
  });

  it("still answers HTTP on the same port and path", async () => {
    const response = await fetch(api.url, {
      method: "POST",
      headers: { "content-type": "application/json", "x-api-key": KEY },
      body: JSON.stringify({ query: "{ __typename }" }),
    });
    expect(await response.json()).toEqual({ data: { __typename: "Query" } });
  });
});

describe("SUBSCRIPTIONS=off", () => {
  it("serves no WebSocket, and HTTP as before", async () => {
    const api = await startTestServer({ SUBSCRIPTIONS: "off" });
    try {
      const subscriber = wsClient(api.url.replace(/^http/, "ws"));
      const delivery = await deliver(subscriber, "subscription { anything }");
      await subscriber.dispose();
      expect(delivery.values).toEqual([]);
      expect(delivery.error).toBeDefined();
      const response = await fetch(api.url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: "{ __typename }" }),
      });
      expect(response.status).toBe(200);
    } finally {
      await api.close();
    }
  });
});
