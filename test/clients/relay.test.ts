import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import {
  commitMutation,
  createOperationDescriptor,
  createReaderSelector,
  fetchQuery,
  getRequest,
} from "relay-runtime";
import type {
  ConcreteRequest,
  Environment,
  MutationParameters,
  OperationType,
  ReaderFragment,
} from "relay-runtime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer } from "../support/test-server.js";
import type { TestServer } from "../support/test-server.js";
import GenerateModeMutation from "./relay/__generated__/relayOperationsGenerateModeMutation.graphql.js";
import type { relayOperationsGenerateModeMutation } from "./relay/__generated__/relayOperationsGenerateModeMutation.graphql.js";
import GenerateWorkflowMutation from "./relay/__generated__/relayOperationsGenerateWorkflowMutation.graphql.js";
import type { relayOperationsGenerateWorkflowMutation } from "./relay/__generated__/relayOperationsGenerateWorkflowMutation.graphql.js";
import ModeQuery from "./relay/__generated__/relayOperationsModeQuery.graphql.js";
import type { relayOperationsModeQuery } from "./relay/__generated__/relayOperationsModeQuery.graphql.js";
import ModesQuery from "./relay/__generated__/relayOperationsModesQuery.graphql.js";
import type { relayOperationsModesQuery } from "./relay/__generated__/relayOperationsModesQuery.graphql.js";
import NodeQuery from "./relay/__generated__/relayOperationsNodeQuery.graphql.js";
import type { relayOperationsNodeQuery } from "./relay/__generated__/relayOperationsNodeQuery.graphql.js";
import ModeFragment from "./relay/__generated__/relayOperations_mode.graphql.js";
import WorkflowFragment from "./relay/__generated__/relayOperations_workflow.graphql.js";
import { createRelayEnvironment } from "./relay/relay-environment.js";
import { captureConsole } from "./support/console-capture.js";
import type { ConsoleCapture } from "./support/console-capture.js";
import { recordFetch } from "./support/recording-fetch.js";
import type { FetchRecording } from "./support/recording-fetch.js";
import {
  MODE_INDUSTRIES,
  WORKFLOW_FIXTURES,
  expectOverlappingKeys,
  workflowInput,
} from "./support/scenario.js";

// relay-runtime with artifacts from relay-compiler (documents in relay/relay-operations.ts) over
// real HTTP. Relay merges records by `id` alone, across types: the strictest test of global ids.
// It prints its warnings through console.error outside production.
type SentMode = relayOperationsModeQuery["response"]["mode"] & object;
type SentWorkflow =
  relayOperationsGenerateWorkflowMutation["response"]["generateWorkflow"]["workflow"] & object;

let printed: ConsoleCapture;
let network: FetchRecording;
let api: TestServer;
let environment: Environment;
const sentModes: SentMode[] = [];
const sentWorkflows: SentWorkflow[] = [];

beforeAll(async () => {
  printed = captureConsole();
  network = recordFetch();
  api = await startTestServer();
  environment = createRelayEnvironment(api.url);
  for (const industry of MODE_INDUSTRIES) {
    const { exchange } = await network.exchangeOf(() =>
      commit<relayOperationsGenerateModeMutation>(GenerateModeMutation, { input: { industry } }),
    );
    sentModes.push(
      (exchange.body.data as relayOperationsGenerateModeMutation["response"]).generateMode.mode,
    );
  }
  for (const fixture of WORKFLOW_FIXTURES) {
    const { exchange } = await network.exchangeOf(() =>
      commit<relayOperationsGenerateWorkflowMutation>(GenerateWorkflowMutation, {
        input: workflowInput(fixture),
      }),
    );
    const sent = exchange.body.data as relayOperationsGenerateWorkflowMutation["response"];
    sentWorkflows.push(sent.generateWorkflow.workflow!);
  }
});
afterAll(async () => {
  await api?.close();
  network?.restore();
  printed?.restore();
});

/**
 * Commits a mutation and resolves to its data as Relay read it back from its store. The
 * operation stays retained, as a screen showing the result would keep it.
 */
function commit<TMutation extends MutationParameters>(
  mutation: ConcreteRequest,
  variables: TMutation["variables"],
): Promise<TMutation["response"]> {
  environment.retain(createOperationDescriptor(getRequest(mutation), variables));
  return new Promise((resolve, reject) => {
    commitMutation<TMutation>(environment, {
      mutation,
      variables,
      onCompleted: (response, errors) =>
        errors ? reject(new Error(JSON.stringify(errors))) : resolve(response),
      onError: reject,
    });
  });
}

/** Fetches a query over the network; the operation stays retained for later store reads. */
function fetchRetained<TQuery extends OperationType>(
  query: ConcreteRequest,
  variables: TQuery["variables"],
): Promise<TQuery["response"] | undefined> {
  environment.retain(createOperationDescriptor(getRequest(query), variables));
  return fetchQuery<TQuery>(environment, query, variables).toPromise();
}

/** A query answered from the store when it holds all of it, else over the network. */
function fromStore<TQuery extends OperationType>(
  query: ConcreteRequest,
  variables: TQuery["variables"],
): Promise<TQuery["response"] | undefined> {
  return fetchQuery<TQuery>(environment, query, variables, {
    fetchPolicy: "store-or-network",
  }).toPromise();
}

/** The record `id` read through `fragment`, straight from the store, as node(id) would. */
function lookUp(fragment: ReaderFragment, id: string): unknown {
  const owner = createOperationDescriptor(getRequest(NodeQuery), { id }).request;
  const snapshot = environment.lookup(createReaderSelector(fragment, id, {}, owner));
  expect(snapshot.isMissingData, `${id} is complete in the store`).toBe(false);
  return snapshot.data;
}

async function expectStoreHoldsWhatWasSent(): Promise<void> {
  await network.withoutNetwork(async () => {
    for (const mode of sentModes) expect(lookUp(ModeFragment, mode.id)).toEqual(mode);
    for (const workflow of sentWorkflows) {
      expect(lookUp(WorkflowFragment, workflow.id)).toEqual(workflow);
    }
  });
}

describe("Relay against the real server", () => {
  it("generates modes and workflows whose keys repeat with different content (the precondition)", () => {
    expectOverlappingKeys(sentModes, sentWorkflows);
  });

  it("reads every mode and workflow back from its store exactly as the server sent it", async () => {
    await expectStoreHoldsWhatWasSent();
  });

  it("fetches mode(id) once, then answers it from the store alone", async () => {
    for (const mode of sentModes) {
      const { result, exchange } = await network.exchangeOf(() =>
        fetchRetained<relayOperationsModeQuery>(ModeQuery, { id: mode.id }),
      );
      expect(exchange.body.data).toEqual({ mode });
      expect(result).toEqual({ mode });
    }
    await network.withoutNetwork(async () => {
      for (const mode of sentModes) {
        expect(await fromStore<relayOperationsModeQuery>(ModeQuery, { id: mode.id })).toEqual({
          mode,
        });
      }
    });
  });

  it("pages through the modes connection", async () => {
    const { result, exchange } = await network.exchangeOf(() =>
      fetchRetained<relayOperationsModesQuery>(ModesQuery, { first: 100 }),
    );
    expect(result).toEqual(exchange.body.data);
    const everyMode = result!.modes;
    expect(everyMode.edges.slice(-3).map((edge) => edge.node.id)).toEqual(
      sentModes.map((mode) => mode.id),
    );

    const pages: (typeof everyMode)[] = [];
    let after: string | null = null;
    do {
      const data = await fetchRetained<relayOperationsModesQuery>(ModesQuery, { first: 3, after });
      const page: typeof everyMode = data!.modes;
      pages.push(page);
      after = page.pageInfo.hasNextPage ? (page.pageInfo.endCursor ?? null) : null;
    } while (after !== null);
    expect(pages.flatMap((page) => page.edges)).toEqual(everyMode.edges);
  });

  it("fetches a tab through node(id) as the server sent it", async () => {
    const tab = sentModes[0]!.tabs.find((candidate) => candidate.key === "projects")!;
    const { result, exchange } = await network.exchangeOf(() =>
      fetchRetained<relayOperationsNodeQuery>(NodeQuery, { id: tab.id }),
    );
    expect(exchange.body.data).toEqual({ node: tab });
    expect(result).toEqual(exchange.body.data);
  });

  it("still holds every mode and workflow as the server sent it after all of the above", async () => {
    await expectStoreHoldsWhatWasSent();
  });

  it("printed no warning or error", () => {
    expect(printed.messages).toEqual([]);
  });

  // Last: proves the capture above is live, and shows what Relay says when two objects share an id.
  it("would warn if the server reused a mode's id for a tab", () => {
    const mode = sentModes[0]!;
    const clash = createOperationDescriptor(getRequest(NodeQuery), { id: mode.id });
    environment.commitPayload(clash, {
      node: { __typename: "ModeTab", id: mode.id, key: "clash", label: "Clash", icon: "💥" },
    });
    expect(printed.messages.join("\n")).toContain("globally unique id requirement");
  });
});

describe("Relay artifacts", () => {
  it("are what relay-compiler writes today from the documents and schema.graphql", () => {
    const compiler = createRequire(import.meta.url)("relay-compiler") as string;
    const root = fileURLToPath(new URL("../../", import.meta.url));
    const validation = spawnSync(compiler, ["--validate"], { cwd: root, encoding: "utf8" });
    const output = `${validation.stdout}${validation.stderr}`;
    expect(
      validation.status,
      `${output}\nRun \`npx relay-compiler\` and commit __generated__/`,
    ).toBe(0);
  });
});
