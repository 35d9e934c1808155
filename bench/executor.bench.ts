import { execFileSync, spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { print } from "graphql";
import { GenerateModeDocument } from "../test/generated/graphql.js";
import type { ServerKind } from "./executor-server.js";
import { CONNECTIONS, postLoad, ROUNDS, SECONDS } from "./post-load.js";
import type { LoadResult } from "./post-load.js";
import { fixed, median } from "./stats.js";

const serverScript = fileURLToPath(new URL("./executor-server.js", import.meta.url));

/** Pinning needs two cores and taskset: servers on core 1, the load (this process) on core 0. */
function canPin(): boolean {
  if (availableParallelism() < 2) return false;
  try {
    execFileSync("taskset", ["-V"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

interface Child {
  url: string;
  process: ChildProcess;
}

function startServer(
  kind: ServerKind,
  payloadFile: string,
  pin: boolean,
  script = serverScript,
): Promise<Child> {
  const [command, args] = pin
    ? ["taskset", ["-c", "1", process.execPath, script, kind, payloadFile]]
    : [process.execPath, [script, kind, payloadFile]];
  const child = spawn(command, args, { stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve, reject) => {
    let buffer = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      buffer += chunk.toString("utf8");
      const listening = /^listening (\S+)$/m.exec(buffer);
      if (listening) {
        child.stdout!.removeAllListeners("data").resume();
        resolve({ url: listening[1]!, process: child });
      }
    });
    child.once("exit", (code) => reject(new Error(`${kind} exited early with code ${code}`)));
  });
}

async function stopServer(child: Child): Promise<void> {
  const exited = new Promise((resolve) => child.process.once("exit", resolve));
  child.process.kill("SIGKILL");
  await exited;
}

async function post(url: string, body: string): Promise<Record<string, unknown>> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body,
  });
  return (await response.json()) as Record<string, unknown>;
}

/** The full selection without the contrast report: what a dashboard frontend reads. */
const FULL_QUERY = print(GenerateModeDocument);
const FRONTEND_QUERY = FULL_QUERY.replace(/\n\s*contrast \{[^}]*\}/, "");
if (FRONTEND_QUERY === FULL_QUERY) throw new Error("GenerateMode no longer selects contrast");

const VARIABLES = { input: { industry: "pet store" } };

interface Selection {
  name: string;
  body: string;
}

interface BenchedServer {
  kind: ServerKind;
  label: string;
  /** Another build's executor-server.js (EXECUTOR_BENCH_BEFORE); this build's by default. */
  script?: string;
}

const SERVERS: BenchedServer[] = [
  { kind: "bare-apollo", label: "bare Apollo 5 + fastify (buildSchema, root value)" },
  { kind: "mercurius-jit", label: "mercurius + graphql-jit" },
  {
    kind: "apollo-jit",
    label: "Apollo 5 + fastify + graphql-jit, nothing else (ceiling; our route)",
  },
  { kind: "ours-graphql-js", label: "modeflow, GRAPHQL_EXECUTOR=graphql-js" },
  { kind: "ours-jit", label: "modeflow, GRAPHQL_EXECUTOR=jit" },
];

// EXECUTOR_BENCH_BEFORE=<other checkout>/dist/bench/executor-server.js adds that build's servers
// to the same alternated rounds: before/after figures of a change, measured side by side.
const before = process.env.EXECUTOR_BENCH_BEFORE;
if (before) {
  SERVERS.push(
    { kind: "ours-graphql-js", label: "before: GRAPHQL_EXECUTOR=graphql-js", script: before },
    { kind: "ours-jit", label: "before: GRAPHQL_EXECUTOR=jit", script: before },
  );
}

/**
 * A cached generateMode answer served five ways, on the committed schema with the same answer:
 * a bare Apollo Server behind fastify (the fair baseline), mercurius with graphql-jit, Apollo
 * with graphql-jit and nothing else (the ceiling for a server behind Apollo), and ours with each
 * executor. Each server runs in its own process (pinned to core 1 when there are two
 * cores and taskset; the load stays on core 0); rounds alternate between them so all see the
 * same machine noise; medians over rounds, ratios to bare Apollo per round.
 */
export async function runExecutorBench(): Promise<void> {
  const pin = canPin();
  if (pin)
    execFileSync("taskset", ["-a", "-p", "-c", "0", String(process.pid)], { stdio: "ignore" });
  const directory = mkdtempSync(join(tmpdir(), "modeflow-executor-bench-"));
  const payloadFile = join(directory, "generate-mode.json");

  // The answer ours gives from its generation cache, captured once with every field, is what
  // the baselines answer (each selection picks from it with graphql's default resolvers).
  const capture = await startServer("ours-graphql-js", "", false);
  const full = JSON.stringify({ query: FULL_QUERY, variables: VARIABLES });
  await post(capture.url, full);
  const captured = (await post(capture.url, full)) as { data: { generateMode: unknown } };
  await stopServer(capture);
  writeFileSync(payloadFile, JSON.stringify(captured.data.generateMode));

  const selections: Selection[] = [
    { name: "frontend (mode, tabs, metrics, both schemes)", query: FRONTEND_QUERY },
    { name: "everything (with the 80-pair contrast report)", query: FULL_QUERY },
  ].map(({ name, query }) => ({
    name,
    // The same request text for every server: the same parsing and bytes.
    body: JSON.stringify({ query, variables: VARIABLES }),
  }));

  console.log(
    `\n## executor: a cached generateMode answer (${CONNECTIONS} connections, ${ROUNDS} alternating rounds of ${SECONDS}s, medians${pin ? ", servers on core 1, load on core 0" : ", unpinned"})`,
  );
  for (const selection of selections) {
    const results = new Map<BenchedServer, LoadResult[]>(SERVERS.map((server) => [server, []]));
    for (let round = 0; round < ROUNDS; round++) {
      for (const server of SERVERS) {
        const child = await startServer(server.kind, payloadFile, pin, server.script);
        const body = selection.body;
        // Warm: the first answer generates (ours), compiles (jit) and fills caches.
        for (let warm = 0; warm < 200; warm++) await post(child.url, body);
        const check = await post(child.url, body);
        if (check.errors) throw new Error(`${server.kind}: ${JSON.stringify(check.errors)}`);
        results.get(server)!.push(await postLoad(child.url, body));
        await stopServer(child);
      }
    }
    const bare = results.get(SERVERS[0]!)!;
    console.log(`\n### ${selection.name}`);
    console.log(
      "| server | req/s | p50 ms | p99 ms | req/s ratio to bare Apollo | p99 ratio to bare Apollo | errors |",
    );
    console.log("| --- | --- | --- | --- | --- | --- | --- |");
    for (const server of SERVERS) {
      const runs = results.get(server)!;
      const pick = (key: keyof LoadResult) => median(runs.map((run) => run[key]));
      const ratio = median(
        runs.map((run, index) => run.requestsPerSecond / bare[index]!.requestsPerSecond),
      );
      // The target is a p99 at most half of bare Apollo's: a ratio of 0.5 or less.
      const p99Ratio = median(runs.map((run, index) => run.p99 / bare[index]!.p99));
      const errors = runs.reduce((sum, run) => sum + run.errors, 0);
      console.log(
        `| ${server.label} | ${fixed(pick("requestsPerSecond"), 0)} | ${pick("p50")} | ` +
          `${pick("p99")} | ${fixed(ratio, 2)}x | ${fixed(p99Ratio, 2)} | ${errors} |`,
      );
    }
  }
}
