import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Kind, parse, print, separateOperations } from "graphql";
import type { OperationDefinitionNode } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer } from "../support/test-server.js";
import type { TestServer } from "../support/test-server.js";

// GRAPHQL_EXECUTOR=jit must answer exactly as graphql-js does: the same data, the same errors
// (codes, paths, locations, extensions), the same HTTP status. Every query and mutation of
// test/operations and of the README runs on one server per executor, in the same order, so both
// hold the same state; subscriptions go over graphql-ws, which always executes with graphql-js.
const root = fileURLToPath(new URL("../../", import.meta.url));

interface Case {
  name: string;
  query: string;
  operationName?: string;
  variables?: Record<string, unknown>;
}

/** Every ```graphql block of the README with the ```json block after it, subscriptions left out. */
function readmeCases(): Case[] {
  const readme = readFileSync(join(root, "README.md"), "utf8");
  const blocks = [...readme.matchAll(/^```([\w-]*)[^\n]*\n([\s\S]*?)^```[ \t]*$/gm)];
  const cases: Case[] = [];
  blocks.forEach((block, index) => {
    if (block[1] !== "graphql") return;
    const operation = parse(block[2]!).definitions[0] as OperationDefinitionNode;
    if (operation.operation === "subscription") return;
    const next = blocks[index + 1];
    const between = next ? readme.slice(block.index + block[0].length, next.index) : "x";
    const variables =
      next?.[1] === "json" && between.trim() === ""
        ? (JSON.parse(next[2]!) as Record<string, unknown>)
        : undefined;
    cases.push({ name: `README ${operation.name!.value}`, query: block[2]!, variables });
  });
  return cases;
}

const readme = readmeCases();
const readmeVariables = (name: string) =>
  readme.find((candidate) => candidate.name === `README ${name}`)!.variables!;

/** Variables for each operation of test/operations, taken from the README's examples. */
const OPERATION_VARIABLES: Record<string, Record<string, unknown>> = {
  GenerateMode: readmeVariables("GenerateMode"),
  Modes: { first: 3 },
  ModeById: { id: "pet_store" },
  NodeById: { id: "ModeTab:banking:accounts" },
  GenerateWorkflow: readmeVariables("GenerateWorkflow"),
  ValidateWorkflow: readmeVariables("ValidateWorkflow"),
};

function operationCases(): Case[] {
  return ["modes.graphql", "workflows.graphql"].flatMap((file) => {
    const document = parse(readFileSync(join(root, "test/operations", file), "utf8"));
    return Object.entries(separateOperations(document))
      .filter(([, separated]) =>
        separated.definitions.some(
          (definition) =>
            definition.kind === Kind.OPERATION_DEFINITION &&
            definition.operation !== "subscription",
        ),
      )
      .map(([name, separated]) => ({
        name: `operations ${name}`,
        query: print(separated),
        variables: OPERATION_VARIABLES[name],
      }));
  });
}

const ERROR_CASES: Case[] = [
  {
    name: "BAD_USER_INPUT from input validation",
    query: `mutation { generateMode(input: { industry: " " }) { mode { id } } }`,
  },
  {
    name: "BAD_USER_INPUT thrown by a resolver",
    query: `query { modes(first: 1000) { edges { node { id } } } }`,
  },
  { name: "validation error", query: `query { mode(id: "banking") { nope } }` },
  { name: "parse error", query: `query { mode(id: "banking") { id }` },
  {
    name: "unknown node(id)",
    query: `query { node(id: "ModeTab:nobody:nothing") { __typename id } a: node(id: "garbage") { id } }`,
  },
  {
    name: "variable of the wrong type",
    query: `query Modes($first: Int) { modes(first: $first) { edges { node { id } } } }`,
    variables: { first: "three" },
  },
  {
    name: "missing required variable",
    query: `query ModeById($id: ID!) { mode(id: $id) { id } }`,
    variables: {},
  },
  {
    name: "abstract type with fragments and __typename",
    query: `query { m: node(id: "banking") { __typename ... on Mode { name } } t: node(id: "ModeTab:banking:accounts") { __typename ... on ModeTab { key label } } }`,
  },
  {
    name: "@skip and @include",
    query: `query ($yes: Boolean!) { mode(id: "banking") { id name @include(if: $yes) tabs @skip(if: $yes) { key } } }`,
    variables: { yes: true },
  },
];

const CASES: Case[] = [...readme, ...operationCases(), ...ERROR_CASES];

/** What differs by nature between two servers: timings, request ids, stack traces. */
function normalise(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalise);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => key !== "stacktrace")
        .map(([key, inner]) => [
          key,
          /^(latencyMs|elapsedMs|requestId)$/.test(key) ? "<normalised>" : normalise(inner),
        ]),
    );
  }
  return value;
}

describe("GRAPHQL_EXECUTOR: jit answers exactly as graphql-js", () => {
  let jit: TestServer;
  let graphqlJs: TestServer;
  beforeAll(async () => {
    jit = await startTestServer({ GRAPHQL_EXECUTOR: "jit" });
    graphqlJs = await startTestServer({ GRAPHQL_EXECUTOR: "graphql-js" });
  });
  afterAll(async () => {
    await jit?.close();
    await graphqlJs?.close();
  });

  async function post(server: TestServer, testCase: Case) {
    const response = await fetch(server.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        query: testCase.query,
        operationName: testCase.operationName,
        variables: testCase.variables,
      }),
    });
    return { status: response.status, body: normalise(await response.json()) };
  }

  it("covers the README, test/operations and the error cases", () => {
    expect(readme.map((testCase) => testCase.name)).toContain("README GenerateMode");
    expect(CASES.map((testCase) => testCase.name)).toEqual(
      expect.arrayContaining([
        "operations GenerateMode",
        "operations GenerateWorkflow",
        "operations ValidateWorkflow",
        "operations NodeById",
      ]),
    );
  });

  for (const testCase of CASES) {
    it(testCase.name, async () => {
      // Twice: the second answer of jit comes from its cache of compiled operations.
      for (let round = 0; round < 2; round++) {
        const expected = await post(graphqlJs, testCase);
        const actual = await post(jit, testCase);
        expect(actual).toEqual(expected);
      }
    });
  }

  it("answers an error with the same masked error and request id as graphql-js", async () => {
    // A resolver error of ours keeps its class behind the GraphQLError (unwrapResolverError):
    // BAD_USER_INPUT, not INTERNAL_SERVER_ERROR, and the expansion of its problems.
    const { body } = await post(jit, ERROR_CASES[0]!);
    expect(JSON.stringify(body)).toContain('"code":"BAD_USER_INPUT"');
  });
});
