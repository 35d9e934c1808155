import { monitorEventLoopDelay } from "node:perf_hooks";
import autocannon from "autocannon";
import { print } from "graphql";
import { pino } from "pino";
import { loadConfig } from "../src/config.js";
import { createServer } from "../src/server.js";
import { GenerateModeDocument, ValidateWorkflowDocument } from "../test/generated/graphql.js";
import { loadFixture } from "../test/support/workflow-fixtures.js";
import { fixed } from "./stats.js";

const CONNECTIONS = 50;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);

/**
 * The server saturated by 50 connections of validateWorkflow and offline generateMode (half
 * each, load from autocannon's worker threads), while one more connection asks /health: the
 * event-loop delay of the server thread and /health's latency as an orchestrator would see it.
 */
export async function runSaturationBench(): Promise<void> {
  const config = loadConfig({
    PORT: "0",
    HOST: "127.0.0.1",
    NODE_ENV: "production",
    AUTH_MODE: "none",
    MODE_PROVIDER: "offline",
    WORKFLOW_PROVIDER: "offline",
    RATE_LIMIT_GENERATIONS_PER_MINUTE: "0",
  });
  const server = await createServer({ config, logger: pino({ level: "silent" }) });
  const url = await server.start();
  const fixture = loadFixture("csv-sales-report");
  const validateBody = JSON.stringify({
    query: print(ValidateWorkflowDocument),
    variables: {
      input: {
        ir: fixture.validWorkflow,
        planningContext: fixture.planningContext,
        discoveredParams: fixture.discoveredParams,
      },
    },
  });
  // `[<id>]` makes every industry unique, so each request derives a fresh theme.
  const modeBody = JSON.stringify({
    query: print(GenerateModeDocument),
    variables: { input: { industry: "bench shop [<id>]" } },
  });

  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const common = { duration: SECONDS, workers: 1, method: "POST" as const };
  const headers = { "content-type": "application/json" };
  const [validate, mode, health] = await Promise.all([
    autocannon({ ...common, url, connections: CONNECTIONS / 2, headers, body: validateBody }),
    autocannon({
      ...common,
      url,
      connections: CONNECTIONS / 2,
      headers,
      body: modeBody,
      idReplacement: true,
    }),
    autocannon({
      url: url.replace(/\/graphql$/, "/health"),
      connections: 1,
      duration: SECONDS,
      workers: 1,
    }),
  ]);
  delay.disable();
  await server.stop();

  const ms = (nanoseconds: number) => fixed(nanoseconds / 1e6, 1);
  console.log(`\n## saturation: ${CONNECTIONS} connections for ${SECONDS} s (NODE_ENV=production)`);
  console.log("| load | req/s | p50 ms | p99 ms | errors |");
  console.log("| --- | --- | --- | --- | --- |");
  for (const [name, result] of [
    ["validateWorkflow (csv-sales-report)", validate],
    ["generateMode offline, unique industries", mode],
    ["GET /health beside them (1 connection)", health],
  ] as const) {
    const errors = result.non2xx + result.errors + result.timeouts;
    console.log(
      `| ${name} | ${fixed(result.requests.average, 0)} | ${result.latency.p50} | ${result.latency.p99} | ${errors} |`,
    );
  }
  console.log(
    `event-loop delay of the server thread: p50 ${ms(delay.percentile(50))} ms, p99 ${ms(delay.percentile(99))} ms, max ${ms(delay.max)} ms`,
  );
}
