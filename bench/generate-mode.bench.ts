import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled } from "@apollo/server/plugin/disabled";
import fastifyApollo from "@as-integrations/fastify";
import autocannon from "autocannon";
import Fastify from "fastify";
import { print } from "graphql";
import { pino } from "pino";
import { loadConfig } from "../src/config.js";
import { createServer } from "../src/server.js";
import { GenerateModeDocument } from "../test/generated/graphql.js";
import { FakeOpenAiServer, jsonCompletion } from "../test/support/fake-openai-server.js";
import { petStoreAnswer } from "../test/support/mode-answers.js";
import { fixed } from "./stats.js";

const CONNECTIONS = 50;
const DURATION_SECONDS = Number(process.env.BENCH_SECONDS ?? 8);

interface LoadResult {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  bytesPerResponse: number;
  non2xx: number;
}

async function load(url: string, body: (index: number) => string): Promise<LoadResult> {
  let index = 0;
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: DURATION_SECONDS,
    requests: [
      {
        method: "POST",
        headers: { "content-type": "application/json" },
        setupRequest: (request) => ({ ...request, body: body(index++) }),
      },
    ],
  });
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    bytesPerResponse: result.requests.total ? result.throughput.total / result.requests.total : 0,
    non2xx: result.non2xx + result.errors,
  };
}

/**
 * generateMode at 50 connections against a loopback model answering instantly (a unique industry
 * and a fresh seed colour per request: no generation cache hits, cold theme derivation), next to
 * a bare Apollo Server behind fastify answering a fixed object of the same size.
 */
export async function runGenerateModeBench(): Promise<void> {
  const model = await new FakeOpenAiServer().listen();
  let colour = 0;
  model.respondByDefault((request) => {
    const user = (request.body.messages as Array<{ content: string }>)[1]!.content;
    const industry = /<<<INDUSTRY\n(.*)\nINDUSTRY>>>/.exec(user)?.[1] ?? "shop";
    colour = (colour + 7919) % 0xffffff;
    return jsonCompletion(
      petStoreAnswer({
        industry_name: industry,
        industry_id: industry.replace(/\s+/g, "_"),
        primary_color: `#${colour.toString(16).padStart(6, "0")}`,
      }),
    );
  });
  const config = loadConfig({
    PORT: "0",
    LOG_LEVEL: "silent",
    AZURE_OPENAI_ENDPOINT: model.url,
    AZURE_OPENAI_API_KEY: "bench",
    MODE_STORE_SIZE: "1000",
  });
  const server = await createServer({ config, logger: pino({ level: "silent" }) });
  const url = await server.start();
  const query = print(GenerateModeDocument);
  const ours = await load(url, (index) =>
    JSON.stringify({ query, variables: { input: { industry: `bench industry ${index}` } } }),
  );

  // The bare server returns the same payload bytes as a fixed JSON object.
  const sample = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query, variables: { input: { industry: "sample shop" } } }),
  });
  const sampleBody = (await sample.json()) as { data: { generateMode: unknown } };
  await server.stop();
  await model.close();

  const bare = Fastify();
  const apollo = new ApolloServer({
    typeDefs:
      "scalar JSON\ntype Query { ok: Boolean }\ntype Mutation { generateMode(input: JSON): JSON }",
    resolvers: { Mutation: { generateMode: () => sampleBody.data.generateMode } },
    plugins: [ApolloServerPluginCacheControlDisabled()],
  });
  await apollo.start();
  await bare.register(fastifyApollo(apollo));
  await bare.listen({ port: 0, host: "127.0.0.1" });
  const address = bare.server.address() as { port: number };
  const bareQuery = "mutation($input: JSON) { generateMode(input: $input) }";
  const baseline = await load(`http://127.0.0.1:${address.port}/graphql`, (index) =>
    JSON.stringify({ query: bareQuery, variables: { input: { industry: `bench ${index}` } } }),
  );
  await bare.close();

  console.log(
    `\n## generateMode throughput (${CONNECTIONS} connections, ${DURATION_SECONDS}s each)`,
  );
  console.log("| server | req/s | p50 ms | p99 ms | bytes/response | errors |");
  console.log("| --- | --- | --- | --- | --- | --- |");
  for (const [name, result] of [
    ["modeflow generateMode (instant loopback model)", ours],
    ["bare Apollo + fastify, fixed object", baseline],
  ] as const) {
    console.log(
      `| ${name} | ${fixed(result.requestsPerSecond, 0)} | ${result.p50} | ${result.p99} | ` +
        `${fixed(result.bytesPerResponse, 0)} | ${result.non2xx} |`,
    );
  }
  console.log(
    `ratio modeflow/bare req/s: ${fixed(ours.requestsPerSecond / baseline.requestsPerSecond, 2)}`,
  );
}
