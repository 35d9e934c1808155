import autocannon from "autocannon";
import { print } from "graphql";
import { GenerateModeDocument, ValidateWorkflowDocument } from "../test/generated/graphql.js";
import { loadFixture } from "../test/support/workflow-fixtures.js";
import { startOfflineServerProcess } from "./offline-server-process.js";
import { fixed, median } from "./stats.js";

const CONNECTIONS = 50;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
/** Each variant is run this many times, alternating, and the medians reported: the machine is shared. */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);

/** Server settings compared side by side: the shipped defaults against the loop left alone. */
const VARIANTS: ReadonlyArray<{ name: string; env: Record<string, string> }> = [
  {
    name: "every ready request at once (EVENT_LOOP_TURN_BUDGET_MS=0)",
    env: { EVENT_LOOP_TURN_BUDGET_MS: "0" },
  },
  { name: "defaults (EVENT_LOOP_TURN_BUDGET_MS=10)", env: {} },
];

interface Round {
  validate: autocannon.Result;
  mode: autocannon.Result;
  health: autocannon.Result;
  /** The server's own event-loop delay (prom-client's monitorEventLoopDelay), in ms. */
  loop: { p50: number; p99: number; max: number };
}

/**
 * The server (its own process, NODE_ENV=production, offline generators) saturated by 50
 * connections of validateWorkflow and offline generateMode, half each, while one more connection
 * asks /health as an orchestrator would. The load comes from this process (autocannon), so the
 * server's event loop is its own; its delay is read from the server's /metrics, which reset the
 * histogram on every read. Figures are medians over rounds, each variant alternating with the
 * other so both see the same machine.
 */
export async function runSaturationBench(): Promise<void> {
  const fixture = loadFixture("csv-sales-report");
  const bodies = {
    validate: JSON.stringify({
      query: print(ValidateWorkflowDocument),
      variables: {
        input: {
          ir: fixture.validWorkflow,
          planningContext: fixture.planningContext,
          discoveredParams: fixture.discoveredParams,
        },
      },
    }),
    // `[<id>]` makes every industry unique, so each request matches and derives afresh.
    mode: JSON.stringify({
      query: print(GenerateModeDocument),
      variables: { input: { industry: "bench shop [<id>]" } },
    }),
  };
  const rounds = VARIANTS.map(() => [] as Round[]);
  for (let round = 0; round < ROUNDS; round++) {
    for (const [index, variant] of VARIANTS.entries()) {
      rounds[index]!.push(await saturate(variant.env, bodies));
    }
  }

  console.log(
    `\n## saturation: ${CONNECTIONS} connections for ${SECONDS} s, median of ${ROUNDS} rounds (server process, NODE_ENV=production, offline)`,
  );
  console.log(
    "| server | validateWorkflow req/s | p99 ms | generateMode req/s | p99 ms | /health p50 ms | /health p99 ms | loop delay p50 ms | loop delay p99 ms | loop delay max ms | errors |",
  );
  console.log("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
  for (const [index, variant] of VARIANTS.entries()) {
    const of = (pick: (round: Round) => number) => median(rounds[index]!.map(pick));
    const errors = rounds[index]!.reduce(
      (sum, round) =>
        sum +
        [round.validate, round.mode, round.health].reduce(
          (inner, result) => inner + result.non2xx + result.errors + result.timeouts,
          0,
        ),
      0,
    );
    console.log(
      `| ${variant.name} | ${fixed(
        of((r) => r.validate.requests.average),
        0,
      )} | ${of((r) => r.validate.latency.p99)} | ${fixed(
        of((r) => r.mode.requests.average),
        0,
      )} | ${of((r) => r.mode.latency.p99)} | ${of((r) => r.health.latency.p50)} | ${of((r) => r.health.latency.p99)} | ${fixed(
        of((r) => r.loop.p50),
        1,
      )} | ${fixed(
        of((r) => r.loop.p99),
        1,
      )} | ${fixed(
        of((r) => r.loop.max),
        1,
      )} | ${errors} |`,
    );
  }
}

async function saturate(
  env: Record<string, string>,
  bodies: { validate: string; mode: string },
): Promise<Round> {
  const server = await startOfflineServerProcess(env);
  try {
    const { origin } = server;
    await server.eventLoopDelay(); // reads, and so resets, the histogram of the start-up
    const common = { duration: SECONDS, method: "POST" as const };
    const headers = { "content-type": "application/json" };
    const [validate, mode, health] = await Promise.all([
      autocannon({
        ...common,
        url: server.url,
        connections: CONNECTIONS / 2,
        headers,
        body: bodies.validate,
      }),
      autocannon({
        ...common,
        url: server.url,
        connections: CONNECTIONS / 2,
        headers,
        body: bodies.mode,
        idReplacement: true,
      }),
      autocannon({ url: `${origin}/health`, connections: 1, duration: SECONDS }),
    ]);
    return { validate, mode, health, loop: await server.eventLoopDelay() };
  } finally {
    await server.stop();
  }
}
