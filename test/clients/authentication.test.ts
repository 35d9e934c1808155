import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { createApolloClient } from "../../examples/clients/apollo-client.js";
import { createUrqlClient } from "../../examples/clients/urql.js";
import { hashApiKey } from "../../src/auth/api-keys.js";
import { GenerateModeDocument, ModesDocument } from "../generated/graphql.js";
import { recordingLogger } from "../support/recording-logger.js";
import { startTestServer } from "../support/test-server.js";
import type { TestServer } from "../support/test-server.js";
import { recordFetch } from "./support/recording-fetch.js";
import type { FetchRecording } from "./support/recording-fetch.js";

// The README's client set-ups against a server that authenticates: the credential goes out as
// Authorization: Bearer with every request (urql's GET queries included), it is asked for each
// time (so a renewed token is used at once), and without it the server answers 401.
const KEYS = { "app-1": "mf_app1_5f0c2a9e7d3b4c1a", "app-2": "mf_app2_8e1d3c5b7a9f0e2d" };
const recording = recordingLogger("info");
let api: TestServer;
let network: FetchRecording;

beforeAll(async () => {
  network = recordFetch();
  api = await startTestServer(
    {
      AUTH_MODE: "api-key",
      API_KEYS: Object.entries(KEYS)
        .map(([name, key]) => `${name}:${hashApiKey(key)}`)
        .join(","),
    },
    undefined,
    recording.logger,
  );
});
afterAll(async () => {
  network.restore();
  await api.close();
});

/** The principals of the GraphQL requests logged since `from`. */
function principalsSince(from: number): unknown[] {
  return recording.lines
    .slice(from)
    .filter((line) => line.msg === "graphql request")
    .map((line) => line.principal);
}

describe("Apollo Client with a credential", () => {
  it("sends it with every request, asking for it each time", async () => {
    let current = KEYS["app-1"];
    const client = createApolloClient(api.url, () => current, WebSocket);
    const from = recording.lines.length;
    const first = await client.mutate({
      mutation: GenerateModeDocument,
      variables: { input: { industry: "bank" } },
    });
    expect(first.data!.generateMode.mode.id).toBe("banking");
    current = KEYS["app-2"];
    const modes = await client.query({ query: ModesDocument, variables: { first: 1 } });
    expect(modes.data!.modes.totalCount).toBeGreaterThan(0);
    expect(principalsSince(from)).toEqual(["app-1", "app-2"]);
  });

  it("is refused without one", async () => {
    const client = createApolloClient(api.url, undefined, WebSocket);
    await expect(
      client.mutate({ mutation: GenerateModeDocument, variables: { input: { industry: "bank" } } }),
    ).rejects.toMatchObject({ statusCode: 401 });
  });
});

describe("urql with a credential", () => {
  it("sends it with GET queries and POST mutations alike", async () => {
    let current = KEYS["app-2"];
    const client = createUrqlClient(api.url, () => current, WebSocket);
    const from = recording.lines.length;
    const sentBefore = network.exchanges.length;
    const modes = await client.query(ModesDocument, { first: 1 }).toPromise();
    expect(modes.error).toBeUndefined();
    current = KEYS["app-1"];
    const mode = await client
      .mutation(GenerateModeDocument, { input: { industry: "insurance" } })
      .toPromise();
    expect(mode.error).toBeUndefined();
    expect(mode.data!.generateMode.mode.id).toBe("insurance");
    expect(network.exchanges.slice(sentBefore).map((exchange) => exchange.method)).toEqual([
      "GET",
      "POST",
    ]);
    expect(principalsSince(from)).toEqual(["app-2", "app-1"]);
  });

  it("gets the UNAUTHENTICATED error without one", async () => {
    const client = createUrqlClient(api.url, undefined, WebSocket);
    const modes = await client.query(ModesDocument, { first: 1 }).toPromise();
    expect(modes.data).toBeUndefined();
    expect(modes.error).toBeDefined();
    expect(network.exchanges.at(-1)).toMatchObject({
      method: "GET",
      status: 401,
      body: { errors: [{ extensions: { code: "UNAUTHENTICATED" } }] },
    });
  });
});
