import { afterEach, describe, expect, it } from "vitest";
import { hashApiKey } from "../../src/auth/api-keys.js";
import { GenerateModeDocument, GenerateWorkflowDocument } from "../generated/graphql.js";
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { print } from "graphql";
import { runServerToExit, startServerProcess } from "../support/server-process.js";
import type { ServerProcess } from "../support/server-process.js";
import type { GraphQLResponse } from "../support/test-server.js";
import { loadFixture } from "../support/workflow-fixtures.js";

let running: ServerProcess | undefined;
afterEach(() => {
  running?.child.kill("SIGKILL");
  running = undefined;
});

async function startProcess(environment: Record<string, string>): Promise<ServerProcess> {
  running = await startServerProcess(environment);
  return running;
}

const runToExit = runServerToExit;

async function post<TData, TVariables>(
  url: string,
  document: TypedDocumentNode<TData, TVariables>,
  variables: TVariables,
): Promise<GraphQLResponse<TData>> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: print(document), variables }),
  });
  return (await response.json()) as GraphQLResponse<TData>;
}

describe("the real server process", () => {
  it("starts with no keys and no .env, says why each task is offline, and serves both mutations", async () => {
    const { url, lines } = await startProcess({ PORT: "0" });

    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/graphql$/);
    // Exactly one start-up line carries the URL.
    expect(lines.filter((line) => String(line.msg).includes("http://"))).toHaveLength(1);
    const providerLines = lines.filter((line) => typeof line.task === "string");
    expect(providerLines.map((line) => [line.task, line.provider])).toEqual([
      ["generateMode", "offline"],
      ["generateWorkflow", "offline"],
    ]);
    expect(String(providerLines[0]!.msg)).toContain("no provider key was found");

    const mode = await post(url, GenerateModeDocument, { input: { industry: "pet shop" } });
    expect(mode.errors).toBeUndefined();
    expect(mode.data!.generateMode.mode.source).toBe("GENERATED");
    expect(mode.data!.generateMode.mode.tabs[0]!.key).toBe("dashboard");
    expect(mode.data!.generateMode.generation.provider).toBe("OFFLINE");

    const fixture = loadFixture("summarize-notes");
    const workflow = await post(url, GenerateWorkflowDocument, {
      input: {
        userInput: fixture.userInput,
        planningContext: fixture.planningContext,
        browsedComponents: fixture.browsedComponents,
        discoveredParams: fixture.discoveredParams,
      },
    });
    expect(workflow.errors).toBeUndefined();
    expect(workflow.data!.generateWorkflow.success).toBe(true);
    expect(workflow.data!.generateWorkflow.generation.provider).toBe("OFFLINE");

    running!.child.kill("SIGTERM");
    expect(await running!.exited).toBe(0);
  });

  it("refuses to start in production without keys, naming the missing variables", async () => {
    const { code, stderr } = await runToExit({ NODE_ENV: "production", PORT: "0" });
    expect(code).not.toBe(0);
    expect(stderr).toContain("MODE_PROVIDER");
    expect(stderr).toContain("WORKFLOW_PROVIDER");
    for (const variable of ["AZURE_OPENAI_ENDPOINT", "OPENAI_API_KEY", "ANTHROPIC_API_KEY"]) {
      expect(stderr).toContain(variable);
    }
  });

  it("refuses to start in production unless AUTH_MODE is chosen, naming it", async () => {
    const { code, stderr } = await runToExit({
      NODE_ENV: "production",
      PORT: "0",
      MODE_PROVIDER: "offline",
      WORKFLOW_PROVIDER: "offline",
    });
    expect(code).toBe(1);
    expect(stderr).toContain("AUTH_MODE");
    expect(stderr).not.toContain("MODE_PROVIDER");
  });

  it("starts in production with API keys, says so, and serves only callers with a key", async () => {
    const key = "mf_prod_6b0e2f4c8a1d3e5f7a9b";
    const { url, lines } = await startProcess({
      NODE_ENV: "production",
      PORT: "0",
      MODE_PROVIDER: "offline",
      WORKFLOW_PROVIDER: "offline",
      AUTH_MODE: "api-key",
      API_KEYS: `ci:${hashApiKey(key)}`,
    });
    expect(lines.find((line) => line.authMode !== undefined)).toMatchObject({
      authMode: "api-key",
      msg: "authentication: api-key (1 key: ci)",
    });
    const refused = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ modes(first: 1) { totalCount } }" }),
    });
    expect(refused.status).toBe(401);
    const served = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", "x-api-key": key },
      body: JSON.stringify({ query: "{ modes(first: 1) { totalCount } }" }),
    });
    expect(served.status).toBe(200);
    // The request line may cross the pipe after the response did.
    await expect
      .poll(() => lines.find((line) => line.msg === "graphql request"))
      .toMatchObject({ principal: "ci" });
    expect(JSON.stringify(lines)).not.toContain(key);
  });

  it("refuses to start on an invalid value, listing every problem", async () => {
    const { code, stderr } = await runToExit({ PORT: "http", LOG_LEVEL: "loud" });
    expect(code).toBe(1);
    expect(stderr).toContain("PORT");
    expect(stderr).toContain("LOG_LEVEL");
  });
});
