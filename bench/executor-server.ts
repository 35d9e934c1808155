// One server of the executor benchmark (executor.bench.ts) in a process of its own, so it can be
// pinned to a core apart from the load: `node executor-server.js <kind> [payload.json]`.
// Prints `listening <url>` once it listens.
import "reflect-metadata";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled } from "@apollo/server/plugin/disabled";
import fastifyApollo from "@as-integrations/fastify";
import Fastify from "fastify";
import type { FastifyInstance } from "fastify";
import { buildSchema } from "graphql";
import mercurius from "mercurius";
import { pino } from "pino";
import { loadConfig } from "../src/config.js";
import { serveApollo } from "../src/http/apollo-route.js";
import { compiledExecutorGateway } from "../src/http/compiled-executor.js";
import type { App } from "../src/http/graphql-http-guards.js";
import { createServer } from "../src/server.js";

export const SERVER_KINDS = [
  "ours-jit",
  "ours-graphql-js",
  "bare-apollo",
  "apollo-jit",
  "mercurius-jit",
] as const;
export type ServerKind = (typeof SERVER_KINDS)[number];

/** The committed SDL, as the baselines serve it (compiled into dist/bench, read from the root). */
const sdl = readFileSync(fileURLToPath(new URL("../../schema.graphql", import.meta.url)), "utf8");

async function ours(executor: "jit" | "graphql-js"): Promise<string> {
  const config = loadConfig({
    PORT: "0",
    HOST: "127.0.0.1",
    // Production as deployed (no Sandbox, no stack traces), the offline generators, no quota;
    // warn: a log line per request would measure the pipe to the parent, not the server.
    NODE_ENV: "production",
    AUTH_MODE: "none",
    LOG_LEVEL: "warn",
    MODE_PROVIDER: "offline",
    WORKFLOW_PROVIDER: "offline",
    RATE_LIMIT_GENERATIONS_PER_MINUTE: "0",
    SUBSCRIPTIONS: "off",
    GRAPHQL_EXECUTOR: executor,
  });
  const server = await createServer({ config, logger: pino({ level: "warn" }) });
  return server.start();
}

/** Listens on a free port of 127.0.0.1; the GraphQL URL of a baseline's fastify app. */
async function listenForBench(app: FastifyInstance): Promise<string> {
  await app.listen({ port: 0, host: "127.0.0.1" });
  const { port } = app.server.address() as { port: number };
  return `http://127.0.0.1:${port}/graphql`;
}

/** Apollo Server 5 behind fastify with the SDL and a root value answering `payload`. */
async function bareApollo(payload: unknown): Promise<string> {
  const app = Fastify();
  const apollo = new ApolloServer({
    schema: buildSchema(sdl),
    rootValue: { generateMode: () => payload },
    plugins: [ApolloServerPluginCacheControlDisabled()],
  });
  await apollo.start();
  await app.register(fastifyApollo(apollo));
  return listenForBench(app);
}

/**
 * The ceiling of any server behind Apollo with graphql-jit: Apollo 5 on fastify as ours wires it
 * (our route, apollo-route.ts, which is cheaper than @as-integrations/fastify's handler),
 * executing through our gateway seam (compiled-executor.ts) and answering compact JSON as ours
 * does, with nothing else: no hooks, plugins, context, auth, limits or metrics. What ours adds is
 * the distance between this row and ours; what Apollo's own pipeline costs is the distance
 * between this row and mercurius.
 */
async function apolloJit(payload: unknown): Promise<string> {
  const app = Fastify();
  const schema = buildSchema(sdl);
  schema.getMutationType()!.getFields().generateMode!.resolve = () => payload;
  const apollo = new ApolloServer({
    gateway: compiledExecutorGateway(schema, { cacheSize: 100 }),
    stringifyResult: (result) => JSON.stringify(result),
    plugins: [ApolloServerPluginCacheControlDisabled()],
  });
  await apollo.start();
  // serveApollo takes our app type, whose logger is pino's (fastify's instance type is invariant
  // in it), but uses only `route`. The ceiling has no logger: one makes a child per request.
  serveApollo(app as unknown as App, apollo, { path: "/graphql", context: async () => ({}) });
  return listenForBench(app);
}

/** mercurius with graphql-jit (compiled on the first request) on the same SDL and answer. */
async function mercuriusJit(payload: unknown): Promise<string> {
  const app = Fastify();
  await app.register(mercurius, {
    schema: sdl,
    resolvers: { Mutation: { generateMode: () => payload } },
    jit: 1,
  });
  return listenForBench(app);
}

const [kind, payloadFile] = process.argv.slice(2) as [ServerKind, string | undefined];
const payload: unknown = payloadFile ? JSON.parse(readFileSync(payloadFile, "utf8")) : undefined;
const url =
  kind === "ours-jit"
    ? await ours("jit")
    : kind === "ours-graphql-js"
      ? await ours("graphql-js")
      : kind === "bare-apollo"
        ? await bareApollo(payload)
        : kind === "apollo-jit"
          ? await apolloJit(payload)
          : await mercuriusJit(payload);
console.log(`listening ${url}`);
// A normal exit on SIGINT, so `node --cpu-prof` writes its profile.
process.once("SIGINT", () => process.exit(0));
