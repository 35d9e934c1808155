import { readFileSync } from "node:fs";
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { Client, fetchExchange } from "@urql/core";
import type { AnyVariables } from "@urql/core";
import { cacheExchange } from "@urql/exchange-graphcache";
import { getIntrospectedSchema, minifyIntrospectionQuery } from "@urql/introspection";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import schema from "../../examples/clients/modeflow-schema.json" with { type: "json" };
import { createUrqlClient, keys } from "../../examples/clients/urql.js";
import WebSocket from "ws";
import {
  GenerateModeDocument,
  GenerateModeStreamDocument,
  GenerateWorkflowDocument,
  ModeByIdDocument,
  ModesDocument,
  NodeByIdDocument,
} from "../generated/graphql.js";
import type {
  GenerateModeMutation,
  GenerateWorkflowMutation,
  ModeFieldsFragment,
  ModesQuery,
} from "../generated/graphql.js";
import { startTestServer } from "../support/test-server.js";
import type { TestServer } from "../support/test-server.js";
import { captureConsole } from "./support/console-capture.js";
import type { ConsoleCapture } from "./support/console-capture.js";
import { WorkflowByIdDocument } from "./support/documents.js";
import type { WorkflowFields } from "./support/documents.js";
import { recordFetch } from "./support/recording-fetch.js";
import type { FetchRecording } from "./support/recording-fetch.js";
import {
  MODE_INDUSTRIES,
  WORKFLOW_FIXTURES,
  expectOverlappingKeys,
  workflowInput,
} from "./support/scenario.js";
import { typeNamesWithoutId } from "./support/schema-facts.js";

// urql with Graphcache as the README sets it up (examples/clients/urql.ts) over real HTTP, with
// urql's default transport. Graphcache prints its warnings through console.warn.
let printed: ConsoleCapture;
let network: FetchRecording;
let api: TestServer;
let client: Client;
/** The modes and workflows exactly as the server sent them in the generate responses. */
const sentModes: ModeFieldsFragment[] = [];
const sentWorkflows: WorkflowFields[] = [];

beforeAll(async () => {
  printed = captureConsole();
  network = recordFetch();
  api = await startTestServer();
  client = createUrqlClient(api.url, undefined, WebSocket);
  for (const industry of MODE_INDUSTRIES) {
    const { result, exchange } = await network.exchangeOf(() =>
      client.mutation(GenerateModeDocument, { input: { industry } }).toPromise(),
    );
    expect(result.error).toBeUndefined();
    sentModes.push((exchange.body.data as GenerateModeMutation).generateMode.mode);
  }
  for (const fixture of WORKFLOW_FIXTURES) {
    const { result, exchange } = await network.exchangeOf(() =>
      client.mutation(GenerateWorkflowDocument, { input: workflowInput(fixture) }).toPromise(),
    );
    expect(result.error).toBeUndefined();
    const sent = exchange.body.data as GenerateWorkflowMutation;
    sentWorkflows.push(sent.generateWorkflow.workflow!);
  }
});
afterAll(async () => {
  await api?.close();
  network?.restore();
  printed?.restore();
});

/** The `data` of the latest HTTP response, as the server sent it. */
function lastData<TData>(): TData {
  return network.exchanges.at(-1)!.body.data as TData;
}

/** Queries through the cache only: answered from what Graphcache holds, or not at all. */
function fromCache<TData, TVariables extends AnyVariables>(
  document: TypedDocumentNode<TData, TVariables>,
  variables: TVariables,
) {
  return client.query(document, variables, { requestPolicy: "cache-only" }).toPromise();
}

/**
 * urql adds `__typename` to every selection (the server's JSON carries them) and leaves out of its
 * results the ones a document did not ask for; the rest must match exactly.
 */
function withoutTypenames(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutTypenames);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([name]) => name !== "__typename")
      .map(([name, field]) => [name, withoutTypenames(field)]),
  );
}

function expectSameData(received: unknown, sent: unknown): void {
  expect(withoutTypenames(received)).toEqual(withoutTypenames(sent));
}

describe("urql with Graphcache against the real server", () => {
  it("generates modes and workflows whose keys repeat with different content (the precondition)", () => {
    expectOverlappingKeys(sentModes, sentWorkflows);
  });

  // Graphcache reads by id only inside its own resolvers and updaters, so each mode and workflow
  // is fetched once through a query; every later read is answered by the cache alone.
  it("fetches mode(id) and node(id) once each, then answers them from the cache alone", async () => {
    for (const mode of sentModes) {
      const { result } = await network.exchangeOf(() =>
        client.query(ModeByIdDocument, { id: mode.id }).toPromise(),
      );
      expect(lastData()).toEqual({ mode });
      expectSameData(result.data, { mode });
    }
    for (const workflow of sentWorkflows) {
      const { result } = await network.exchangeOf(() =>
        client.query(WorkflowByIdDocument, { id: workflow.id }).toPromise(),
      );
      expect(lastData()).toEqual({ node: workflow });
      expectSameData(result.data, { node: workflow });
      expect(result.data!.node!.__typename).toBe("FlowIR");
    }
    await expectCacheHoldsWhatWasSent();
  });

  it("pages through the modes connection", async () => {
    const { result } = await network.exchangeOf(() =>
      client.query(ModesDocument, { first: 100 }).toPromise(),
    );
    const everyMode = lastData<ModesQuery>().modes;
    expectSameData(result.data, { modes: everyMode });
    expect(everyMode.edges.slice(-3).map((edge) => edge.node.id)).toEqual(
      sentModes.map((mode) => mode.id),
    );

    const pages: ModesQuery["modes"][] = [];
    let after: string | null = null;
    do {
      const { data } = await client.query(ModesDocument, { first: 3, after }).toPromise();
      const page: ModesQuery["modes"] = data!.modes;
      pages.push(page);
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after !== null);
    expectSameData(
      pages.flatMap((page) => page.edges),
      everyMode.edges,
    );
  });

  it("fetches a tab through node(id) as the server sent it", async () => {
    const tab = sentModes[0]!.tabs.find((candidate) => candidate.key === "projects")!;
    const { result } = await network.exchangeOf(() =>
      client.query(NodeByIdDocument, { id: tab.id }).toPromise(),
    );
    expect(lastData()).toEqual({ node: { __typename: "ModeTab", ...tab } });
    expect(result.data).toEqual(lastData());
  });

  it("still holds every mode and workflow as the server sent it after all of the above", async () => {
    await expectCacheHoldsWhatWasSent();
  });

  it("streams a mode through the subscription exchange and keeps COMPLETED's mode in the cache as sent", async () => {
    const kinds: string[] = [];
    let completed: ModeFieldsFragment | undefined;
    await new Promise<void>((resolve, reject) => {
      const { unsubscribe } = client
        .subscription(GenerateModeStreamDocument, { input: { industry: "ceramics studio" } })
        .subscribe((result) => {
          if (result.error) return reject(result.error);
          const event = result.data!.generateModeStream;
          kinds.push(event.kind);
          if (event.result) {
            completed = event.result.mode;
            // urql keeps a subscription until it is unsubscribed, even after the server's end.
            setTimeout(unsubscribe);
            resolve();
          }
        });
    });
    expect(kinds).toEqual(["STARTED", "THEME", "CONTENT", "COMPLETED"]);
    expect(completed?.source).toBe("GENERATED");
    // Graphcache answers mode(id) from its store only once a query has linked it, so the mode is
    // fetched; it must equal what the stream completed with (and warn about nothing, below).
    const { result } = await network.exchangeOf(() =>
      client.query(ModeByIdDocument, { id: completed!.id }).toPromise(),
    );
    expectSameData(lastData(), { mode: completed });
    expectSameData(result.data, { mode: completed });
  });

  it("sent queries over GET and mutations as JSON POSTs, urql's default transport", () => {
    const transport = new Set(
      network.exchanges.map((exchange) =>
        JSON.stringify([exchange.operationName, exchange.method, exchange.contentType ?? null]),
      ),
    );
    expect(transport).toEqual(
      new Set(
        [
          ["GenerateMode", "POST", "application/json"],
          ["GenerateWorkflow", "POST", "application/json"],
          ["ModeById", "GET", null],
          ["WorkflowById", "GET", null],
          ["Modes", "GET", null],
          ["NodeById", "GET", null],
        ].map((entry) => JSON.stringify(entry)),
      ),
    );
    expect(network.exchanges.every((exchange) => exchange.status === 200)).toBe(true);
  });

  it("printed no warning or error", () => {
    expect(printed.messages).toEqual([]);
  });

  it("declares every id-less type of schema.graphql as embedded", () => {
    expect(Object.keys(keys).sort()).toEqual(typeNamesWithoutId());
  });

  // After a schema change, `npm run generate` rewrites the file.
  it("ships modeflow-schema.json generated from schema.graphql", () => {
    const sdl = readFileSync(new URL("../../schema.graphql", import.meta.url), "utf8");
    expect(schema).toEqual(minifyIntrospectionQuery(getIntrospectedSchema(sdl)));
  });

  // Last: proves the capture above is live, and shows why the example lists `keys`.
  it("would warn about id-less objects without the keys", async () => {
    const bare = new Client({
      url: api.url,
      exchanges: [cacheExchange({ schema }), fetchExchange],
    });
    await bare.query(ModeByIdDocument, { id: sentModes[0]!.id }).toPromise();
    expect(printed.messages.join("\n")).toContain("Invalid key");
  });
});

async function expectCacheHoldsWhatWasSent(): Promise<void> {
  await network.withoutNetwork(async () => {
    for (const mode of sentModes) {
      expectSameData((await fromCache(ModeByIdDocument, { id: mode.id })).data, { mode });
    }
    for (const workflow of sentWorkflows) {
      const cached = await fromCache(WorkflowByIdDocument, { id: workflow.id });
      expectSameData(cached.data, { node: workflow });
    }
  });
}
