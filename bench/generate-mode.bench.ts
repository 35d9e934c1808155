import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled } from "@apollo/server/plugin/disabled";
import fastifyApollo from "@as-integrations/fastify";
import Fastify from "fastify";
import { print } from "graphql";
import { pino } from "pino";
import { loadConfig } from "../src/config.js";
import { createServer } from "../src/server.js";
import { GenerateModeDocument } from "../test/generated/graphql.js";
import { CONNECTIONS, postLoad, ROUNDS, SECONDS, startModelWorker } from "./post-load.js";
import type { LoadResult } from "./post-load.js";
import { fixed, median } from "./stats.js";

/** A bare Apollo Server behind fastify answering `payload` for every generateMode. */
async function startBareServer(
  payload: unknown,
): Promise<{ url: string; stop: () => Promise<void> }> {
  const app = Fastify();
  const apollo = new ApolloServer({
    typeDefs:
      "scalar JSON\ntype Query { ok: Boolean }\ntype Mutation { generateMode(input: JSON): JSON }",
    resolvers: { Mutation: { generateMode: () => payload } },
    plugins: [ApolloServerPluginCacheControlDisabled()],
    stringifyResult: (result) => JSON.stringify(result),
  });
  await apollo.start();
  await app.register(fastifyApollo(apollo));
  await app.listen({ port: 0, host: "127.0.0.1" });
  const { port } = app.server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}/graphql`, stop: () => app.close() };
}

function summarise(name: string, results: LoadResult[]): string {
  const pick = (key: keyof LoadResult) => median(results.map((result) => result[key]));
  return (
    `| ${name} | ${fixed(pick("requestsPerSecond"), 0)} | ${pick("p50")} | ${pick("p99")} | ` +
    `${fixed(pick("bytesPerResponse"), 0)} | ${results.reduce((sum, r) => sum + r.errors, 0)} |`
  );
}

/**
 * generateMode at 50 connections against a loopback model answering instantly (unique industry
 * and seed colour per request: no cache hits, cold theme derivation every time), next to a bare
 * Apollo Server behind fastify answering a fixed object of the same size. Rounds alternate
 * between the two so both see the same machine noise; medians are reported.
 */
export async function runGenerateModeBench(): Promise<void> {
  const model = await startModelWorker();
  const config = loadConfig({
    PORT: "0",
    LOG_LEVEL: "silent",
    AZURE_OPENAI_ENDPOINT: model.url,
    AZURE_OPENAI_API_KEY: "bench",
    MODE_STORE_SIZE: "1000",
    // Throughput is measured, not the quota: 30 generations a minute would refuse nearly all.
    RATE_LIMIT_GENERATIONS_PER_MINUTE: "0",
  });
  const server = await createServer({ config, logger: pino({ level: "silent" }) });
  const url = await server.start();
  const query = print(GenerateModeDocument);
  const body = JSON.stringify({ query, variables: { input: { industry: "bench [<id>]" } } });

  const sample = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query, variables: { input: { industry: "sample shop" } } }),
  });
  const sampleBody = (await sample.json()) as { data: { generateMode: unknown } };
  const bare = await startBareServer(sampleBody.data.generateMode);
  const bareBody = JSON.stringify({
    query: "mutation($input: JSON) { generateMode(input: $input) }",
    variables: { input: { industry: "bench [<id>]" } },
  });

  // "sample shop" was generated above: repeating it measures the full stack without the model
  // call and the theme derivation (a generation-cache hit).
  const cachedBody = JSON.stringify({ query, variables: { input: { industry: "sample shop" } } });

  const ours: LoadResult[] = [];
  const cached: LoadResult[] = [];
  const baseline: LoadResult[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    ours.push(await postLoad(url, body));
    cached.push(await postLoad(url, cachedBody));
    baseline.push(await postLoad(bare.url, bareBody));
  }
  await server.stop();
  await bare.stop();
  model.stop();

  const ratioToBare = (results: LoadResult[]) =>
    results.map((result, index) => result.requestsPerSecond / baseline[index]!.requestsPerSecond);
  const ratios = ratioToBare(ours);
  const cachedRatios = ratioToBare(cached);
  console.log(
    `\n## generateMode throughput (${CONNECTIONS} connections, ${ROUNDS} alternating rounds of ${SECONDS}s, medians)`,
  );
  console.log("| server | req/s | p50 ms | p99 ms | bytes/response | errors |");
  console.log("| --- | --- | --- | --- | --- | --- |");
  console.log(summarise("modeflow generateMode (instant loopback model)", ours));
  console.log(summarise("modeflow generateMode, generation-cache hit", cached));
  console.log(summarise("bare Apollo + fastify, fixed object", baseline));
  const describe = (values: number[]) =>
    `${values.map((ratio) => fixed(ratio, 2)).join(", ")}; median ${fixed(median(values), 2)}`;
  console.log(`ratio generateMode/bare req/s per round: ${describe(ratios)}`);
  console.log(`ratio cache hit/bare req/s per round: ${describe(cachedRatios)}`);
}
