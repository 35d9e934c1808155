import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { print } from "graphql";
import { pino } from "pino";
import type { Logger } from "pino";
import { loadConfig } from "../../src/config.js";
import type { LlmOverrides } from "../../src/container.js";
import { createServer } from "../../src/server.js";
import type { ModeflowServer } from "../../src/server.js";

/** A GraphQL response as it arrives over HTTP. */
export interface GraphQLResponse<TData> {
  data?: TData | null;
  errors?: Array<{ message: string; path?: unknown[]; extensions?: Record<string, unknown> }>;
}

export interface TestServer {
  server: ModeflowServer;
  /** http://127.0.0.1:PORT/graphql */
  url: string;
  /** http://127.0.0.1:PORT */
  origin: string;
  /** Sends a typed operation over real HTTP. */
  execute<TData, TVariables>(
    document: TypedDocumentNode<TData, TVariables>,
    variables?: TVariables,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: GraphQLResponse<TData>; headers: Headers }>;
  close(): Promise<void>;
}

/** Silent unless TEST_LOG_LEVEL is set, so test output stays readable. */
export function testLogger(): Logger {
  return pino({ level: process.env.TEST_LOG_LEVEL ?? "silent" });
}

/**
 * Starts the real server (fastify + Apollo) on an ephemeral loopback port with the given
 * environment. Providers come from the environment, pointed at loopback fakes by the tests.
 */
export async function startTestServer(
  environment: Record<string, string | undefined> = {},
  llms?: LlmOverrides,
  logger: Logger = testLogger(),
): Promise<TestServer> {
  const config = loadConfig({
    PORT: "0",
    HOST: "127.0.0.1",
    LLM_TIMEOUT_MS: "2000",
    LLM_MAX_RETRIES: "1",
    MODE_DEADLINE_MS: "5000",
    // Production waits 5 s on stop for load balancers to see /ready fail; a test server has none,
    // and every production-mode test would otherwise pay those 5 s in its teardown.
    SHUTDOWN_READY_DELAY_MS: "0",
    // GRAPHQL_EXECUTOR=jit npx vitest run ... runs every test server with graphql-jit.
    GRAPHQL_EXECUTOR: process.env.GRAPHQL_EXECUTOR,
    ...environment,
  });
  const server = await createServer({ config, logger, llms });
  const url = await server.start();
  return {
    server,
    url,
    origin: url.replace(/\/graphql$/, ""),
    async execute(document, variables, headers = {}) {
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify({ query: print(document), variables }),
      });
      return {
        status: response.status,
        body: (await response.json()) as GraphQLResponse<never>,
        headers: response.headers,
      };
    },
    close: () => server.stop(),
  };
}
