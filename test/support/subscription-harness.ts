import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import {
  GraphQLError,
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
} from "graphql";
import type { GraphQLFieldConfig, GraphQLFieldConfigMap } from "graphql";
import { createClient } from "graphql-ws";
import type { Client, ClientOptions } from "graphql-ws";
import type { Logger } from "pino";
import { WebSocket } from "ws";
import { ApiKeyAuthenticator } from "../../src/auth/api-key-authenticator.js";
import { hashApiKey } from "../../src/auth/api-keys.js";
import type { Authenticator } from "../../src/auth/authenticator.js";
import type { CallerContext } from "../../src/context.js";
import { Shutdown } from "../../src/http/shutdown.js";
import type { ShutdownTimings } from "../../src/http/shutdown.js";
import type { Metrics } from "../../src/observability/metrics.js";
import { attachSubscriptions } from "../../src/http/subscriptions/attach-subscriptions.js";
import type {
  SubscriptionOptions,
  SubscriptionTransport,
} from "../../src/http/subscriptions/attach-subscriptions.js";
import { modelFieldsLimitRule } from "../../src/validation/model-fields-limit.rule.js";
import { operationLimits } from "../../src/validation/operation-limits.js";
import { testLogger } from "./test-server.js";

/** The API key of the harness's one principal, `ws-tester`. */
export const TEST_API_KEY = "ws-test-key-0123456789";

/** What the schema's sources saw: when each was stopped, and each subscription's context. */
export interface SourceProbe {
  /** performance.now() when a source's return() was called, in the order they were. */
  returnedAt: number[];
  contexts: CallerContext[];
}

/**
 * An event source like the real generation streams: an AsyncIterable (not a generator) whose
 * `return()` stops its work at once; it records when. `count` events, one every `everyMs`;
 * a negative count never ends.
 */
function tickSource(count: number, everyMs: number, probe: SourceProbe): AsyncIterable<number> {
  let sent = 0;
  let timer: NodeJS.Timeout | undefined;
  let pending: ((result: IteratorResult<number>) => void) | undefined;
  let stopped = false;
  const iterator: AsyncIterator<number> = {
    next() {
      if (stopped || (count >= 0 && sent >= count)) {
        return Promise.resolve({ done: true, value: undefined });
      }
      return new Promise((resolve) => {
        pending = resolve;
        timer = setTimeout(() => {
          pending = undefined;
          sent++;
          resolve({ done: false, value: sent });
        }, everyMs);
      });
    },
    async return() {
      probe.returnedAt.push(performance.now());
      stopped = true;
      clearTimeout(timer);
      pending?.({ done: true, value: undefined });
      return { done: true, value: undefined };
    },
  };
  return { [Symbol.asyncIterator]: () => iterator };
}

/** A subscription field whose event is the source's value. */
function field<TArgs>(
  type: GraphQLFieldConfig<unknown, CallerContext>["type"],
  subscribe: (args: TArgs, context: CallerContext) => unknown,
  args: GraphQLFieldConfig<unknown, CallerContext>["args"] = {},
): GraphQLFieldConfig<unknown, CallerContext, TArgs> {
  return {
    type,
    args,
    subscribe: (_source, fieldArgs, context) => subscribe(fieldArgs, context),
    resolve: (value: unknown) => value,
  } as GraphQLFieldConfig<unknown, CallerContext, TArgs>;
}

/** A type nested as deep as asked, for the depth and cost limits. */
const Level: GraphQLObjectType = new GraphQLObjectType({
  name: "Level",
  fields: () => ({
    value: { type: GraphQLInt },
    next: { type: Level },
    many: { type: new GraphQLList(Level) },
  }),
});

/**
 * A small schema with a subscription root, standing in for the real subscription fields:
 * `ticks(count, everyMs)`, `failing` (its stream throws an unexpected Error), `badInput` (throws
 * a GraphQLError BAD_USER_INPUT), `caller` (the context's principal and request id), `levels`.
 */
export function subscriptionSchema(probe: SourceProbe): GraphQLSchema {
  const record = (context: CallerContext) => probe.contexts.push(context);
  const fields: GraphQLFieldConfigMap<unknown, CallerContext> = {
    ticks: field<{ count: number; everyMs: number }>(
      GraphQLInt,
      ({ count, everyMs }, context) => {
        record(context);
        return tickSource(count, everyMs, probe);
      },
      {
        count: { type: new GraphQLNonNull(GraphQLInt) },
        everyMs: { type: new GraphQLNonNull(GraphQLInt) },
      },
    ),
    failing: field(GraphQLInt, (_args, context) => {
      record(context);
      return {
        [Symbol.asyncIterator]: () => ({
          next: () => Promise.reject(new Error("secret connection string leaked")),
          return: async () => ({ done: true, value: undefined }),
        }),
      };
    }),
    badInput: field(GraphQLInt, () => {
      throw new GraphQLError("count must be positive", {
        extensions: { code: "BAD_USER_INPUT" },
      });
    }),
    caller: field(GraphQLString, async function* (_args: unknown, context: CallerContext) {
      record(context);
      yield `${context.principal.id} ${context.requestId}`;
    } as never),
    levels: field(Level, async function* () {
      yield { value: 1, next: { value: 2, next: { value: 3, next: null } } };
    } as never),
  };
  return new GraphQLSchema({
    query: new GraphQLObjectType({ name: "Query", fields: { hello: { type: GraphQLString } } }),
    subscription: new GraphQLObjectType({ name: "Subscription", fields }),
  });
}

export interface Harness {
  url: string;
  probe: SourceProbe;
  shutdown: Shutdown;
  transport: SubscriptionTransport;
  /** Drains as server.ts's stop() does. */
  stop(): Promise<void>;
}

export interface HarnessOptions {
  logger?: Logger;
  authenticator?: Authenticator;
  timings?: ShutdownTimings;
  settings?: Partial<SubscriptionOptions["settings"]>;
  maxDepth?: number;
  production?: boolean;
  metrics?: Metrics;
}

/** The transport alone, on a plain Node HTTP server on 127.0.0.1, with the small schema. */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const probe: SourceProbe = { returnedAt: [], contexts: [] };
  const server = createServer((_request, response) => response.writeHead(404).end());
  const shutdown = new Shutdown(options.timings ?? { readyDelayMs: 0, graceMs: 5_000 });
  const limits = operationLimits(
    {
      maxTokens: 100,
      maxDepth: options.maxDepth ?? 10,
      maxAliases: 15,
      maxDirectives: 20,
      maxValidationErrors: 5,
      maxCost: 1_000,
    },
    { defaultSize: 20, maxSize: 100 },
  );
  const transport = attachSubscriptions({
    server,
    path: "/graphql",
    schema: subscriptionSchema(probe),
    authenticator:
      options.authenticator ??
      new ApiKeyAuthenticator([{ name: "ws-tester", sha256: hashApiKey(TEST_API_KEY) }]),
    rules: { ...limits, validationRules: [modelFieldsLimitRule(1), ...limits.validationRules] },
    settings: {
      maxPerConnection: 10,
      initTimeoutMs: 3_000,
      keepAliveMs: 12_000,
      ...options.settings,
    },
    maxPayloadBytes: 64 * 1024,
    production: options.production ?? false,
    shutdown,
    logger: options.logger ?? testLogger(),
    metrics: options.metrics,
    // The small schema reads only what the transport knows of the caller.
    context: (caller) => caller,
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `ws://127.0.0.1:${port}/graphql`,
    probe,
    shutdown,
    transport,
    async stop() {
      await shutdown.run({
        close: () => new Promise<void>((resolve) => server.close(() => resolve())),
        closeAllConnections: () => {
          server.closeAllConnections();
          transport.closeAll();
        },
      });
      await transport.close();
    },
  };
}

/** A graphql-ws client over the `ws` package, with no retries, optionally with upgrade headers. */
export function wsClient(
  url: string,
  options: Partial<ClientOptions> & { headers?: Record<string, string> } = {},
): Client {
  const { headers, ...clientOptions } = options;
  const webSocketImpl = headers
    ? class extends WebSocket {
        constructor(address: string, protocols?: string | string[]) {
          super(address, protocols, { headers });
        }
      }
    : WebSocket;
  return createClient({ url, webSocketImpl, retryAttempts: 0, ...clientOptions });
}

/** What one subscription delivered before it ended. */
export interface Delivery {
  values: Array<{ data?: unknown; errors?: Array<Record<string, unknown>> }>;
  /** The error it ended with: GraphQL errors, or the socket's CloseEvent. */
  error?: unknown;
}

/** Subscribes and resolves once the subscription completes or fails. */
export function deliver(
  client: Client,
  query: string,
  variables?: Record<string, unknown>,
): Promise<Delivery> {
  return new Promise((resolve) => {
    const values: Delivery["values"] = [];
    client.subscribe(
      { query, variables },
      {
        next: (value) => values.push(value as Delivery["values"][number]),
        error: (error) => resolve({ values, error }),
        complete: () => resolve({ values }),
      },
    );
  });
}

/** The close code and reason of a socket closed by the server, as the client saw it. */
export function closeOf(error: unknown): { code: number; reason: string } {
  const event = error as { code?: number; reason?: string };
  return { code: event.code ?? -1, reason: String(event.reason ?? "") };
}
