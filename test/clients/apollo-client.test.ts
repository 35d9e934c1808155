import { InMemoryCache } from "@apollo/client";
import type { ApolloClient } from "@apollo/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApolloClient, possibleTypes } from "../../examples/clients/apollo-client.js";
import WebSocket from "ws";
import {
  GenerateModeDocument,
  GenerateModeStreamDocument,
  GenerateWorkflowDocument,
  ModeByIdDocument,
  ModeFieldsFragmentDoc,
  ModesDocument,
  NodeByIdDocument,
} from "../generated/graphql.js";
import type {
  GenerateModeMutation,
  GenerateWorkflowMutation,
  ModeFieldsFragment,
  ModesQuery,
  NodeByIdQuery,
} from "../generated/graphql.js";
import { startTestServer } from "../support/test-server.js";
import type { TestServer } from "../support/test-server.js";
import { captureConsole } from "./support/console-capture.js";
import type { ConsoleCapture } from "./support/console-capture.js";
import { WorkflowFieldsDocument } from "./support/documents.js";
import type { WorkflowFields } from "./support/documents.js";
import { recordFetch } from "./support/recording-fetch.js";
import type { FetchRecording } from "./support/recording-fetch.js";
import {
  MODE_INDUSTRIES,
  WORKFLOW_FIXTURES,
  expectOverlappingKeys,
  workflowInput,
} from "./support/scenario.js";
import { nodeTypeNames } from "./support/schema-facts.js";

// Apollo Client 4 with the README's set-up (examples/clients/apollo-client.ts) over real HTTP.
// Apollo prints its cache warnings only in its development build, which Vitest loads (the last
// test proves it); they go through console.warn and console.error.
let printed: ConsoleCapture;
let network: FetchRecording;
let api: TestServer;
let client: ApolloClient;
/** The modes and workflows exactly as the server sent them in the generate responses. */
const sentModes: ModeFieldsFragment[] = [];
const sentWorkflows: WorkflowFields[] = [];

beforeAll(async () => {
  printed = captureConsole();
  network = recordFetch();
  api = await startTestServer();
  client = createApolloClient(api.url, undefined, WebSocket);
  for (const industry of MODE_INDUSTRIES) {
    const { exchange } = await network.exchangeOf(() =>
      client.mutate({ mutation: GenerateModeDocument, variables: { input: { industry } } }),
    );
    sentModes.push((exchange.body.data as GenerateModeMutation).generateMode.mode);
  }
  for (const fixture of WORKFLOW_FIXTURES) {
    const { exchange } = await network.exchangeOf(() =>
      client.mutate({
        mutation: GenerateWorkflowDocument,
        variables: { input: workflowInput(fixture) },
      }),
    );
    sentWorkflows.push((exchange.body.data as GenerateWorkflowMutation).generateWorkflow.workflow!);
  }
});
afterAll(async () => {
  await api?.close();
  network?.restore();
  printed?.restore();
});

/** The mode as the cache holds it, read by id without a query or a network call. */
function cachedMode(id: string) {
  return client.readFragment({
    fragment: ModeFieldsFragmentDoc,
    fragmentName: "ModeFields",
    from: { __typename: "Mode", id },
  });
}

/** The workflow as the cache holds it, read by id without a query or a network call. */
function cachedWorkflow(id: string) {
  return client.readFragment({
    fragment: WorkflowFieldsDocument,
    from: { __typename: "FlowIR", id },
  });
}

describe("Apollo Client against the real server", () => {
  it("generates modes and workflows whose keys repeat with different content (the precondition)", () => {
    expectOverlappingKeys(sentModes, sentWorkflows);
  });

  it("reads every mode and workflow back from its cache exactly as the server sent it", async () => {
    await network.withoutNetwork(async () => {
      for (const mode of sentModes) expect(cachedMode(mode.id)).toEqual(mode);
      for (const workflow of sentWorkflows) expect(cachedWorkflow(workflow.id)).toEqual(workflow);
    });
  });

  it("fetches mode(id) once, then answers it from the cache alone", async () => {
    for (const mode of sentModes) {
      const { result, exchange } = await network.exchangeOf(() =>
        client.query({ query: ModeByIdDocument, variables: { id: mode.id } }),
      );
      expect(exchange.body.data).toEqual({ mode });
      expect(result.data).toEqual({ mode });
    }
    await network.withoutNetwork(async () => {
      for (const mode of sentModes) {
        const cached = await client.query({
          query: ModeByIdDocument,
          variables: { id: mode.id },
          fetchPolicy: "cache-only",
        });
        expect(cached.data).toEqual({ mode });
      }
    });
  });

  it("pages through the modes connection", async () => {
    const { result, exchange } = await network.exchangeOf(() =>
      client.query({ query: ModesDocument, variables: { first: 100 } }),
    );
    expect(result.data).toEqual(exchange.body.data);
    const everyMode = (exchange.body.data as ModesQuery).modes;
    expect(everyMode.edges.slice(-3).map((edge) => edge.node.id)).toEqual(
      sentModes.map((mode) => mode.id),
    );

    const pages: ModesQuery["modes"][] = [];
    let after: string | null = null;
    do {
      const { data } = await client.query({ query: ModesDocument, variables: { first: 3, after } });
      const page: ModesQuery["modes"] = data!.modes;
      pages.push(page);
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after !== null);
    expect(pages.flatMap((page) => page.edges)).toEqual(everyMode.edges);
    expect(pages.map((page) => page.totalCount)).toEqual(pages.map(() => everyMode.totalCount));
  });

  it("fetches a tab through node(id) as the server sent it", async () => {
    const tab = sentModes[0]!.tabs.find((candidate) => candidate.key === "projects")!;
    const { result, exchange } = await network.exchangeOf(() =>
      client.query({ query: NodeByIdDocument, variables: { id: tab.id } }),
    );
    expect(result.data).toEqual(exchange.body.data);
    expect((exchange.body.data as NodeByIdQuery).node).toEqual({ __typename: "ModeTab", ...tab });
  });

  it("still holds every mode and workflow as the server sent it after all of the above", async () => {
    await network.withoutNetwork(async () => {
      for (const mode of sentModes) expect(cachedMode(mode.id)).toEqual(mode);
      for (const workflow of sentWorkflows) expect(cachedWorkflow(workflow.id)).toEqual(workflow);
    });
  });

  it("streams a mode over the WebSocket link and keeps COMPLETED's mode in the cache as sent", async () => {
    const kinds: string[] = [];
    let completed: ModeFieldsFragment | undefined;
    await new Promise<void>((resolve, reject) => {
      client
        .subscribe({
          query: GenerateModeStreamDocument,
          variables: { input: { industry: "ceramics studio" } },
        })
        .subscribe({
          next: ({ data, error }) => {
            if (error) return reject(error);
            const event = data!.generateModeStream;
            kinds.push(event.kind);
            if (event.result) completed = event.result.mode;
          },
          error: reject,
          complete: resolve,
        });
    });
    expect(kinds).toEqual(["STARTED", "THEME", "CONTENT", "COMPLETED"]);
    expect(completed?.source).toBe("GENERATED");
    await network.withoutNetwork(async () => {
      expect(cachedMode(completed!.id)).toEqual(completed);
    });
  });

  it("sent every operation as a JSON POST, Apollo Client's default transport", () => {
    const transport = network.exchanges.map((exchange) => [
      exchange.method,
      exchange.contentType,
      exchange.status,
    ]);
    expect(transport).toEqual(network.exchanges.map(() => ["POST", "application/json", 200]));
  });

  it("printed no warning or error", () => {
    expect(printed.messages).toEqual([]);
  });

  it("lists every Node type of schema.graphql in possibleTypes", () => {
    expect(possibleTypes.Node).toEqual(nodeTypeNames());
  });

  // Last: proves the capture above is live (development mode on, console spied), and shows why
  // the example passes possibleTypes.
  it("would warn about node(id) fragments without possibleTypes", () => {
    const tab = sentModes[0]!.tabs[1]!;
    new InMemoryCache().writeQuery({
      query: NodeByIdDocument,
      variables: { id: tab.id },
      data: { node: { __typename: "ModeTab", ...tab } },
    });
    expect(printed.messages.join("\n")).toContain("possibleTypes");
  });
});
